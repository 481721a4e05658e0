"""Places: which of the places the gazetteer found in the question the case is about,
and what each is for the case (where the person is held, treated, lives, or where it
happened).

The custody suite or hospital comes before the home town ("lives in Colne, held at
Preston" is about Preston), then the town the person lives in ("IDVA, Blackburn. Client
lives in Accrington"); a place said to be someone else's ("her sister lives in
Preston", "dad now on remand in HMP Preston") comes last; "Lancashire" itself, the VRN's whole area, only when nothing
else is named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from vrn_assistant.understanding.extraction.cues import (
    before,
    of_a_relative,
    own_relative,
    worker,
)
from vrn_core.places import Gazetteer, MatchStatus, PlaceKind, PlaceMatch
from vrn_core.vocabulary import PlaceRole, Setting

__all__ = [
    "choose_place",
    "note_places",
    "place_roles",
    "place_text",
    "prison_left_at",
    "prison_names",
    "release_to_come",
    "released_from",
    "role_places",
    "the_askers_workplace",
]

_HELD_BEFORE = re.compile(
    r"\b(?:held|detained|kept|keep(?:s|ing)?|arrested|nicked|lifted|booked\s+in|custody|cells"
    r"|nick|police\s+station|in\s+for\s+\w+)\s+(?:\w+\s+){0,4}?(?:at|in)\s+(?:the\s+)?$"
)
# "custody nurse blackpool, 23yo in for wounding", "custody, blackpool: 25yo ...": the
# custody word, perhaps the asker's job in it, then the town: where the suite is.
_HELD_RIGHT_AFTER = re.compile(
    r"\b(?:custody|cells)\s*(?:[,:\-–]\s*|(?:nurse|sgt|sergeant|officer|officers|staff|team"
    r"|suite|desk|inspector|insp|doctor|dr|paramedic|hcp)\s*[,:]?\s+)$"
)
_HELD_AFTER = re.compile(r"\s*(?:police\s+)?(?:custody|cells|nick|police\s+station)\b")
_TREATED_BEFORE = re.compile(
    r"\b(?:hospital|a\s*&\s*e|a\s+and\s+e|ed|emergency\s+department|taken|taking\s+\w+"
    r"|brought|admitted|treated|rushed)\s+(?:at|to|in|into)\s+(?:the\s+)?$"
)
_TREATED_AFTER = re.compile(r"\s*(?:a\s*&\s*e|a\s+and\s+e|ed|emergency\s+department)\b")
_LIVES_BEFORE = re.compile(
    r"\b(?:(?:lives?|living|home|staying|resident|based)\s+(?:\w+\s+)?(?:in|at|of)"
    r"|lives|from|we'?re\s+in|we\s+are\s+in)\s+$"
)
_LIVES_AFTER = re.compile(r"\s*,?\s*where\s+(?:he|she|they)\s+lives?\b")
_HAPPENED_BEFORE = re.compile(
    r"\b(?:night\s+out|happened|assaulted|attacked|stabbed|glassed|jumped|fight|brawl)"
    r"\s+(?:\w+\s+){0,3}?(?:in|at|on)\s+$"
)
_SOMEONE_ELSES_BEFORE = re.compile(
    r"\b(?:his|her|their|whose)\s+(?:[\w-]+\s+){1,2}(?:lives?|living|is|are|works?|moved)"
    r"\s+(?:\w+\s+)?(?:in|at|to)\s+$"
)
# "Do the Blackpool ED navigators cover us?": a place naming a programme's own base is
# not the person's (unless nothing else is named).
_PROGRAMME_AFTER = re.compile(
    r"\s*(?:(?:ed|a\s*&\s*e|a\s+and\s+e|hospital)\s+)?(?:navigators?|navs?)\b"
    r"|\s*(?:divert|idva\s+car|da\s+car|operation\s+(?:provide|adder))\b"
)
# "released from HMP Preston last month", "came out of Lancaster Farms": a prison or
# custody suite left, where the person no longer is.
_RELEASED_FROM = re.compile(
    r"\b(?:(?:released|let\s+out|came\s+out|got\s+out|(?:just|now|been)\s+out)\s+(?:of|from)"
    r"|(?:left|leaving|since\s+leaving|after\s+leaving))\s+(?:the\s+)?$"
)
# Before a release, words that make it still to come: "before he's released", "about to
# be released from HMP Kirkham".
_TO_COME = re.compile(
    r"\b(?:before|until|till|when|once|if|be|being|get|gets|will|won't|wont|to)"
    r"\s+(?:[\w']+\s+)?$"
)
_PROGRAMMES = "a programme's"
_LEFT = "a place left"
_BROAD = frozenset({PlaceKind.county, PlaceKind.region})
_FIRST = (PlaceRole.held, PlaceRole.treated)


@lru_cache(maxsize=4)
def prison_names(gazetteer: Gazetteer) -> tuple[str, ...]:
    """The names and aliases of the prisons the gazetteer knows, lower case."""
    return tuple(
        name.lower()
        for place in gazetteer
        if place.setting is Setting.prison
        for name in (place.name, *place.aliases)
    )


def _role(match: PlaceMatch, plain: str) -> PlaceRole | str | None:
    """What the place is for the case, from its kind and the words around each mention
    of it (held or treated before the rest: "a night out in Kendal ... held at Kendal
    custody"); "someone else" for a place that is another person's."""
    site = match.place
    if site is not None and site.setting is Setting.prison and _a_relatives(match, plain):
        return "someone else"  # "two kids, dad now on remand in HMP Preston"
    if released_from(match, plain):
        return _LEFT
    if site is not None and site.setting in (Setting.police_custody, Setting.prison):
        return PlaceRole.held
    if site is not None and site.setting is Setting.hospital_emergency_department:
        return "someone else" if the_askers_workplace(match, plain) else PlaceRole.treated
    if match.span is None:
        return None
    said = plain[match.span[0] : match.span[1]]
    spans = [m.span() for m in re.finditer(re.escape(said), plain)] if said else []
    found = [_role_at(plain, start, end) for start, end in spans or [match.span]]
    for role in (*_FIRST, "someone else", PlaceRole.lives, PlaceRole.happened, _PROGRAMMES):
        if role in found:
            return role
    return None


# Someone at hospital: the place of work is theirs after all ("my son is in A&E").
_AT_HOSPITAL = re.compile(
    r"\b(?:a\s*&\s*e|a\s+and\s+e|emergency\s+department|admitted|brought\s+in|ward|in\s+ed)\b"
)


def the_askers_workplace(match: PlaceMatch, plain: str) -> bool:
    """A hospital the asker works at, when they ask about their own relative and nobody
    is said to be in hospital ("I work at BVH as a nurse but this is personal. My nephew
    (20) got jumped in Preston"): not where the relative is."""
    return (
        match.place is not None
        and match.place.setting is Setting.hospital_emergency_department
        and match.span is not None
        and worker(plain, match.span[0])
        and own_relative(plain)
        and _AT_HOSPITAL.search(plain) is None
    )


def released_from(match: PlaceMatch, plain: str) -> bool:
    """A prison or custody suite the person is said to have left ("released from HMP
    Preston"): not where they are."""
    site = match.place
    if site is None or site.setting not in (Setting.prison, Setting.police_custody):
        return False
    if match.span is None:
        return False
    release = _RELEASED_FROM.search(plain, max(0, match.span[0] - 25), match.span[0])
    return release is not None and not release_to_come(plain, release.start())


def release_to_come(text: str, start: int) -> bool:
    """Is the release told at `start` one still to come ("before he's released")?"""
    return before(_TO_COME, text, start, 25)


_RELEASED_FROM_PRISON = re.compile(
    r"\b(?:released|let\s+out|came\s+out|got\s+out|just\s+out)\s+(?:of|from)\s+(?:prison|jail|gaol)\b"
)


def prison_left_at(plain: str) -> list[int]:
    """Where a release from a prison not named is told ("came out of prison in May"); not
    one still to come ("when he gets released from prison")."""
    return [
        release.start()
        for release in _RELEASED_FROM_PRISON.finditer(plain)
        if not release_to_come(plain, release.start())
    ]


def _a_relatives(match: PlaceMatch, plain: str) -> bool:
    return match.span is not None and of_a_relative(plain, match.span[0])


def _role_at(plain: str, start: int, end: int) -> PlaceRole | str | None:
    window = plain[max(0, start - 60) : start]
    after = plain[end : end + 30]
    if _SOMEONE_ELSES_BEFORE.search(window):
        return "someone else"
    if _PROGRAMME_AFTER.match(after):
        return _PROGRAMMES
    if _HELD_BEFORE.search(window) or _HELD_RIGHT_AFTER.search(window) or _HELD_AFTER.match(after):
        return PlaceRole.held
    if _TREATED_BEFORE.search(window) or _TREATED_AFTER.match(after):
        return PlaceRole.treated
    if _LIVES_BEFORE.search(window) or _LIVES_AFTER.match(after):
        return PlaceRole.lives
    if _HAPPENED_BEFORE.search(window):
        return PlaceRole.happened
    return None


def place_roles(places: Sequence[PlaceMatch], plain: str) -> list[PlaceRole | str | None]:
    """Each place's role in the case, in order (see `_role`)."""
    return [_role(match, plain) for match in places]


def choose_place(
    places: Sequence[PlaceMatch],
    gazetteer: Gazetteer,
    family_only: bool,
    roles: Sequence[PlaceRole | str | None] = (),
    prefer: PlaceRole | None = None,
) -> PlaceMatch | None:
    """The place the case is about: where the person is held or treated, if said (even
    outside Lancashire: "held at Kendal custody"; `prefer`, held or treated, when both are
    said and the person's setting says which is theirs); else the most specific place in
    Lancashire where the person is said to live; else the most specific place in
    Lancashire; else the first outside it; else an ambiguity. Someone else's place and
    the county itself only when nothing else is named.

    For a prisoner's family the prison is where the prisoner is, not the family:
    it is chosen only when nothing else is named.
    """
    said = list(roles) or [None] * len(places)
    pairs = [
        (match, role)
        for match, role in zip(places, said, strict=True)
        if not (family_only and match.place is not None and match.place.setting is Setting.prison)
    ] or list(zip(places, said, strict=True))
    for unwanted in (_anothers, _broad):
        pairs = [pair for pair in pairs if not unwanted(*pair)] or pairs
    known = [
        (m, r) for m, r in pairs if m.place is not None and m.status is not MatchStatus.ambiguous
    ]
    preferred = [m for m, r in known if prefer is not None and r == prefer]
    first = preferred or [m for m, r in known if r in _FIRST]
    if first:
        return max(first, key=lambda m: len(gazetteer.ancestors(m.place.id)) if m.place else 0)
    # "IDVA, Blackburn. Client lives in Accrington": where the person lives, before
    # the asker's town.
    home = [m for m, r in known if r is PlaceRole.lives and m.status is MatchStatus.matched]
    if home:
        return max(home, key=lambda m: len(gazetteer.ancestors(m.place.id)) if m.place else 0)
    candidates = [m for m, _ in pairs]
    inside = [m for m in candidates if m.status is MatchStatus.matched and m.place is not None]
    if inside:
        return max(inside, key=lambda m: len(gazetteer.ancestors(m.place.id)) if m.place else 0)
    for status in (MatchStatus.outside, MatchStatus.ambiguous):
        for match in candidates:
            if match.status is status:
                return match
    return None


def _anothers(match: PlaceMatch, role: PlaceRole | str | None) -> bool:
    """Someone else's place, a programme's own base, or a prison the person has left."""
    return role in ("someone else", _PROGRAMMES, _LEFT)


def _broad(match: PlaceMatch, role: PlaceRole | str | None) -> bool:
    """The county or a region: the VRN's whole area, no one's place."""
    return match.place is not None and match.place.kind in _BROAD


def role_places(
    places: Sequence[PlaceMatch], roles: Sequence[PlaceRole | str | None]
) -> Mapping[PlaceRole, PlaceMatch]:
    """The first place of each role (held, treated, lives, happened) said."""
    found: dict[PlaceRole, PlaceMatch] = {}
    for match, role in zip(places, roles, strict=True):
        if isinstance(role, PlaceRole) and match.place is not None:
            found.setdefault(role, match)
    return found


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
