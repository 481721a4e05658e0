"""Claims: what added documents say about programmes, and how newer facts change answers.

model        Claim, ClaimKind, ClaimStatus
naming       which programme a statement is about (catalogue names, strands, new names)
reading      one statement's values: age bands, places, status, referral, contact
extraction   reading every added document's chunks for claims
provisional  a record for a programme known only from documents
overlay      the catalogue revised by dated claims (vrn_core's dated changes)
book         one index generation's claims and revised catalogue
notes        the answer's sentences on newer documents
"""

from vrn_assistant.claims.book import ClaimBook
from vrn_assistant.claims.extraction import extract_claims
from vrn_assistant.claims.model import Claim, ClaimKind, ClaimStatus
from vrn_assistant.claims.notes import claim_notes
from vrn_assistant.claims.overlay import Applied, Overlay, overlay
from vrn_assistant.claims.provisional import NOT_REVIEWED, provisional_record

__all__ = [
    "NOT_REVIEWED",
    "Applied",
    "Claim",
    "ClaimBook",
    "ClaimKind",
    "ClaimStatus",
    "Overlay",
    "claim_notes",
    "extract_claims",
    "overlay",
    "provisional_record",
]
