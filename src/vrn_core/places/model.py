"""What a place is, and what a piece of text resolved to.

These are the gazetteer's values: plain, frozen pydantic models that do no
more than describe themselves, and the few words that tell a place apart
when it is shown ("Blackburn (Blackburn with Darwen)").
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from vrn_core.vocabulary import Setting

__all__ = [
    "LANCASHIRE",
    "Country",
    "MatchStatus",
    "Place",
    "PlaceKind",
    "PlaceMatch",
    "place_context",
]

LANCASHIRE = "lancashire"
"""Id of the place that is Lancashire as a whole; `in_lancashire` is measured against it."""


class PlaceKind(StrEnum):
    """What sort of place a record is."""

    county = "county"  # Lancashire itself
    unitary = "unitary"  # a unitary authority: Blackburn with Darwen, Blackpool
    district = "district"  # a district of Lancashire County Council
    group = "group"  # a partner grouping of districts, e.g. Pennine Lancashire
    town = "town"  # a town, village or part of a town
    site = "site"  # a custody suite, hospital, prison, university...
    outside = "outside"  # anywhere that is not in Lancashire and does not contain it
    region = "region"  # a broader area that contains Lancashire (England, the UK)


class Country(StrEnum):
    """The UK nation a place outside Lancashire is in."""

    england = "england"
    wales = "wales"
    scotland = "scotland"
    northern_ireland = "northern_ireland"


class MatchStatus(StrEnum):
    """How a piece of text resolved."""

    matched = "matched"  # one place in Lancashire (or a region containing it)
    ambiguous = "ambiguous"  # several unrelated places fit equally well
    outside = "outside"  # one place, outside Lancashire
    unknown = "unknown"  # nothing fits


class Place(BaseModel):
    """One place in the gazetteer.

    `in_lancashire` and `context` are worked out by the gazetteer when it loads
    the file; they are never written in the data.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    setting: Setting | None = None
    country: Country | None = None
    in_lancashire: bool = False
    context: str | None = None  # a few words telling it apart: its district, "outside Lancashire"

    @property
    def display(self) -> str:
        """The name with its context: 'Blackburn (Blackburn with Darwen)'."""
        return f"{self.name} ({self.context})" if self.context else self.name

    def __str__(self) -> str:
        return self.display


class PlaceMatch(BaseModel):
    """What a piece of text resolved to, and how sure we are."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    query: str  # the text as given (for find_in_text, the words found in the question)
    status: MatchStatus
    place: Place | None = None  # None when ambiguous or unknown
    score: float = 0.0  # 0-100; 100 is an exact match of a name or alias
    alternatives: tuple[Place, ...] = ()  # the candidates, when ambiguous
    matched_text: str = ""  # the name or alias that matched, as the gazetteer spells it
    span: tuple[int, int] | None = None  # character offsets in the text, for find_in_text

    def describe(self) -> str:
        """One plain-English line saying what the text was taken to mean."""
        if self.status is MatchStatus.ambiguous and self.alternatives:
            options = [place.display for place in self.alternatives]
            listed = (
                f"{', '.join(options[:-1])} or {options[-1]}" if len(options) > 1 else options[0]
            )
            return f"'{self.query}' is ambiguous: {listed}"
        if self.place is None or self.status is MatchStatus.unknown:
            return f"'{self.query}' is not a place we know"
        if self.score >= 100.0:
            return self.place.display
        return f"'{self.query}' matched {self.place.display}, score {self.score:.0f}"


def place_context(place: Place, district_name: str | None, inside: bool) -> str | None:
    """The few words shown after a place's name to tell it apart: its `context`.

    `district_name` is its nearest district's, `inside` whether it lies in Lancashire.
    """
    if place.kind is PlaceKind.outside:
        return "outside Lancashire"
    if place.kind is PlaceKind.district:
        return "district"
    if place.kind is PlaceKind.unitary:
        return "unitary authority"
    if place.kind is PlaceKind.group:
        return "partner area"
    if place.kind in (PlaceKind.town, PlaceKind.site):
        if district_name is not None and district_name != place.name:
            return district_name
        return "Lancashire" if inside else None
    return None
