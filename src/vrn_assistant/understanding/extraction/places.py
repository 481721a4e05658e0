"""Places: which of the places the gazetteer found in the question the case is about."""

from __future__ import annotations

from collections.abc import Sequence

from vrn_core.places import Gazetteer, MatchStatus, PlaceMatch
from vrn_core.vocabulary import Setting

__all__ = ["choose_place", "note_places", "place_text"]


def choose_place(
    places: Sequence[PlaceMatch], gazetteer: Gazetteer, family_only: bool
) -> PlaceMatch | None:
    """The most specific place in Lancashire; else the first outside it; else an ambiguity.

    For a prisoner's family the prison is where the prisoner is, not the family:
    it is chosen only when nothing else is named.
    """
    candidates = [
        match
        for match in places
        if not (family_only and match.place is not None and match.place.setting is Setting.prison)
    ] or list(places)
    inside = [m for m in candidates if m.status is MatchStatus.matched and m.place is not None]
    if inside:
        return max(inside, key=lambda m: len(gazetteer.ancestors(m.place.id)) if m.place else 0)
    for status in (MatchStatus.outside, MatchStatus.ambiguous):
        for match in candidates:
            if match.status is status:
                return match
    return None


def place_text(place: PlaceMatch | None) -> str | None:
    """The place as the Case records it: the gazetteer's name, else what was written."""
    if place is None:
        return None
    return place.place.name if place.place is not None else place.query


def note_places(place: PlaceMatch | None, places: Sequence[PlaceMatch], notes: list[str]) -> None:
    """Say which place was chosen (and how a misspelling was read), and the others found."""
    if place is None:
        return
    if place.place is not None and place.score < 100.0:
        notes.append(f"'{place.query}' read as {place.place.display}")
    else:
        notes.append(f"place: {place.describe()}")
    others = [m.describe() for m in places if m is not place]
    if others:
        notes.append("also mentioned: " + "; ".join(others))
