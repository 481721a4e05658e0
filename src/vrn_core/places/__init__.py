"""The gazetteer of Lancashire: which place a practitioner means, and where it lies.

`Gazetteer` (in `gazetteer`) is the way in; the rest is its parts:

- `model`: the values, `Place` and `PlaceMatch`, and their kinds and statuses;
- `text`: the form names and queries are compared in (`normalise`);
- `loading`: reading `knowledge/places.yaml` and checking its places hang together;
- `scanning`: finding the places mentioned in free text.
"""

from __future__ import annotations

from vrn_core.places.gazetteer import Gazetteer
from vrn_core.places.model import LANCASHIRE, Country, MatchStatus, Place, PlaceKind, PlaceMatch
from vrn_core.places.text import normalise

__all__ = [
    "LANCASHIRE",
    "Country",
    "Gazetteer",
    "MatchStatus",
    "Place",
    "PlaceKind",
    "PlaceMatch",
    "normalise",
]
