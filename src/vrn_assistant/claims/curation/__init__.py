"""Curation: a reviewed way from added documents' claims into the catalogue.

proposals  what the dated claims would change, each beside the catalogue's fact (pure)
new        a new record for a programme known only from added documents (pure)
records    the YAML text of a new record (pure)
edits      inserting a dated change or a `confirmed:` date into a record's YAML text
store      accepting (validated on a copy first, then written) and rejecting
"""

from vrn_assistant.claims.curation.new import NewFact, NewRecord, describe_new, propose_new
from vrn_assistant.claims.curation.proposals import (
    Proposal,
    Verb,
    by_programme,
    describe,
    propose,
)
from vrn_assistant.claims.curation.store import (
    REJECTED,
    Accepted,
    Added,
    Review,
    accept,
    accept_new,
    corpus_document,
    gather,
    reject,
    rejected_ids,
)

__all__ = [
    "REJECTED",
    "Accepted",
    "Added",
    "NewFact",
    "NewRecord",
    "Proposal",
    "Review",
    "Verb",
    "accept",
    "accept_new",
    "by_programme",
    "corpus_document",
    "describe",
    "describe_new",
    "gather",
    "propose",
    "propose_new",
    "reject",
    "rejected_ids",
]
