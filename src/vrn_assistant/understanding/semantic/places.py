"""Place names made neutral before a text is embedded.

Most of the lexicon's examples name a Lancashire town, and most of those are about
custody ("Blackpool custody"): left as they are, the encoder would learn that
"Blackpool" means police custody. So towns, districts and counties the gazetteer finds
are replaced by one neutral word, in the examples and in the questions alike. A site
keeps its name: "HMP Garth" and "Royal Preston Hospital" say where a person is.
"""

from __future__ import annotations

from vrn_core.places import Gazetteer, PlaceKind

__all__ = ["NEUTRAL_PLACE", "neutral_places"]

NEUTRAL_PLACE = "town"


def neutral_places(text: str, gazetteer: Gazetteer) -> str:
    """`text` with every place but a site replaced by NEUTRAL_PLACE."""
    pieces: list[str] = []
    position = 0
    for match in gazetteer.find_in_text(text):
        if match.span is None or match.span[0] < position:
            continue
        if match.place is not None and match.place.kind is PlaceKind.site:
            continue
        start, end = match.span
        pieces += [text[position:start], NEUTRAL_PLACE]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
