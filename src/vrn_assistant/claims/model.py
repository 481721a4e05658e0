"""A claim: one statement an added document makes about a programme, with its proof.

A claim keeps which programme it is about (a catalogue id, or the id of a
programme known only from documents), its kind and value, the verbatim quote
it was read from, where that quote is (document, section, offset in the
chunk) and the document's date with how that date was found.
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from vrn_assistant.retrieval.documents.dating import DateHow

__all__ = ["Claim", "ClaimKind", "ClaimStatus"]

_STATED = frozenset(how.value for how in DateHow if how.stated)


class ClaimKind(StrEnum):
    age_band = "age band"
    place = "place"
    status = "status"
    referral = "referral route"
    contact = "contact"
    eligibility = "eligibility"


class ClaimStatus(StrEnum):
    running = "running"
    launched = "launched"
    paused = "paused"
    not_taking_referrals = "not taking referrals"
    ended = "ended"
    funded_until = "funded until"


class Claim(BaseModel):
    """One claim, read from one statement of one added document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    programme: str = Field(
        description="Catalogue id, or the id of a programme only documents name."
    )
    programme_name: str
    new: bool = Field(description="True when the catalogue has no such programme.")
    kind: ClaimKind
    value: str = Field(description="The value in words, e.g. '10-25' or 'Burnley, Blackburn'.")
    min_age: int | None = None
    max_age: int | None = None
    places: tuple[str, ...] = Field(default=(), description="Gazetteer ids (place claims).")
    complete: bool = Field(
        default=False, description="A place claim that lists every place (not an addition)."
    )
    status: ClaimStatus | None = None
    until: date | None = None
    accepts: tuple[str, ...] = Field(
        default=(),
        description="Who it is for, as criteria values ('setting:police_custody', "
        "'role:victim'; eligibility claims).",
    )
    also: str | None = Field(
        default=None,
        description="Who else it is for, in words no criterion value holds "
        "('at risk of getting involved in crime').",
    )
    only: bool = Field(default=False, description="An eligibility claim that narrows ('only for').")
    quote: str = Field(description="The statement, verbatim from the chunk's text.")
    source: str = Field(description="The document, as citations name it.")
    locator: str = Field(description="The section of the document.")
    chunk_id: str
    offset: int = Field(ge=0, description="Where the quote starts in the chunk's text.")
    day: date | None = Field(default=None, description="The document's date, when it states one.")
    dated_by: str = Field(default="undated", description="How the document's date was found.")

    @property
    def stated(self) -> bool:
        """Whether the document states its date (a file's own date does not count)."""
        return self.day is not None and self.dated_by in _STATED

    @property
    def id(self) -> str:
        """A short stable id: the same claim read again gets the same id."""
        key = f"{self.source}\n{self.chunk_id}\n{self.offset}\n{self.kind}\n{self.value}"
        return hashlib.sha256(key.encode()).hexdigest()[:12]

    def in_force(self, on: date) -> bool:
        """Said on or before `on` (an undated claim is never in force as a dated fact)."""
        return self.stated and self.day is not None and self.day <= on
