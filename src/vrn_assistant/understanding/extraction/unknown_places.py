"""Places the question names that the gazetteer does not know, so the answer can say so.

A town missing from `knowledge/places.yaml` would otherwise vanish: nothing is read, and
the area criteria come out unknown with no word on why. Only a capitalised name right
after a word that introduces a place ("lives in Foulridge", "held at Tarnside") counts,
not inside a capitalised title ("Families in Need"), and only when the gazetteer cannot resolve it and it is not a word such questions often
capitalise ("in Year 9", "at School", "in December").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from vrn_core.places import Gazetteer, MatchStatus, PlaceMatch

__all__ = ["unknown_place_note", "unknown_places"]

_CANDIDATE = re.compile(
    r"(?<![^\W_])(?:lives|living|live|based|held|staying|stays|in|at|near)\s+"
    r"((?:[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*)(?:[ \t]+[A-Z][a-z]+)?)"
)
# Capitalised words that follow "in"/"at" without naming a place.
_NOT_PLACES = frozenset(
    """
    a an the my his her our their your this that these those it its he she they we i
    year years school college custody hospital prison court care police home work uni
    university nursery primary secondary high sixth town city centre station cells
    a&e ed hmp yoi january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday christmas
    easter summer winter spring autumn english maths science england britain uk wales
    scotland ireland europe lancashire mental health social services children adult
    """.split()
)


def unknown_places(
    text: str,
    gazetteer: Gazetteer,
    found: Sequence[PlaceMatch],
    guarded: Collection[str] = (),
) -> tuple[str, ...]:
    """Names after a place word that no place found in the text covers and the gazetteer
    cannot resolve, in order, once each. `guarded`: programme and organisation names, in
    lower case (the caller lowers them once, not on every question)."""
    known = {match.matched_text.lower() for match in found if match.matched_text}
    unknown: list[str] = []
    for candidate in _CANDIDATE.finditer(text):
        if _inside_a_title(text, candidate.start()):
            continue
        name = candidate.group(1)
        lowered = name.lower()
        words = lowered.split()
        if words[0] in _NOT_PLACES or lowered in guarded or words[0] in guarded:
            continue
        if not known.isdisjoint(words) or any(
            lowered in seen or words[0] in seen for seen in known
        ):
            continue
        # Resolved whole, then by its first word when it has more than one.
        tried = (name, name.split()[0]) if len(words) > 1 else (name,)
        if any(gazetteer.resolve(each).status is not MatchStatus.unknown for each in tried):
            continue
        if name not in unknown:
            unknown.append(name)
    return tuple(unknown)


_WORD_BEFORE = re.compile(r"(\S+)\s*$")


def _inside_a_title(text: str, start: int) -> bool:
    """'Families in Need': a capitalised word before "in" makes it part of a name."""
    # Only the word just before matters: read a few characters back, not the whole text.
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    word = before.group(1) if before else ""
    return word[:1].isupper() and not word.isupper()


def unknown_place_note(name: str) -> str:
    """The note the answer shows for a place it does not know."""
    return (
        f"'{name}' is not a place I know in Lancashire: give its town or district "
        "(e.g. Hyndburn) in the facts so I can check where programmes run."
    )
