"""Names the catalogue knows: its programmes and places, never taken for a person's."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache

from vrn_assistant.understanding.redaction.words import _keys
from vrn_core import Catalogue, PlaceKind, default_catalogue

__all__ = ["protected_names"]

# --- Names the catalogue knows ------------------------------------------------------------

# Places whose one-word names are no one's surname. A one-word town, district or
# place outside Lancashire may be (Preston, Pilling, Nelson): it is kept only as
# part of a longer name ("HMP Preston", "Hesketh Bank").
_NAMED_ALONE = frozenset({PlaceKind.county, PlaceKind.group, PlaceKind.region, PlaceKind.site})


def protected_names(catalogue: Catalogue) -> frozenset[str]:
    """The names `redact` never takes for a person's: the catalogue's programme names and
    aliases ("Strength Inside and Out", "DIVERT") and its gazetteer's place names and aliases
    ("Blackpool Victoria Hospital", "UCLan"), less one-word names of towns, districts and
    places outside Lancashire, which can be surnames too; a hyphenated one is kept, also
    written with spaces ("Bolton le Sands")."""
    names = {name for programme in catalogue for name in programme.names()}
    for place in catalogue.gazetteer:
        for name in (place.name, *place.aliases):
            if place.kind in _NAMED_ALONE or len(_keys(name)) > 1:
                names.add(name)
            elif "-" in name:  # "Bolton-le-Sands", also typed "Bolton le Sands"
                names.update((name, name.replace("-", " ")))
    return frozenset(names)


@cache
def _default_protected() -> frozenset[str]:
    return protected_names(default_catalogue())


@cache
def _place_words() -> frozenset[str]:
    """Every word of a place or programme the catalogue knows ("preston", "hesketh",
    "provide"): not a name on its own, but may be a surname after a given name."""
    catalogue = default_catalogue()
    names = [n for place in catalogue.gazetteer for n in (place.name, *place.aliases)]
    names += [n for programme in catalogue for n in programme.names()]
    return frozenset(key for name in names for key in _keys(name))


# Protected names as key tuples, under their first key, longest first.
_Index = Mapping[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=8)
def _by_first_word(names: frozenset[str]) -> _Index:
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        keys = _keys(name)
        if keys:
            index.setdefault(keys[0], set()).add(keys)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}
