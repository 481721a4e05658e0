"""Curation: a reviewed way from added documents' claims into the catalogue.

proposals  what the dated claims would change, each beside the catalogue's fact (pure)
edits      inserting a dated change or a `confirmed:` date into a record's YAML text
store      accepting (validated on a copy first, then written) and rejecting
"""

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
    Review,
    accept,
    corpus_document,
    gather,
    reject,
    rejected_ids,
)

__all__ = [
    "REJECTED",
    "Accepted",
    "Proposal",
    "Review",
    "Verb",
    "accept",
    "by_programme",
    "corpus_document",
    "describe",
    "gather",
    "propose",
    "reject",
    "rejected_ids",
]
