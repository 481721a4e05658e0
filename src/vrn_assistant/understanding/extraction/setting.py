"""The setting: where the subject is when the practitioner meets them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from vrn_assistant.understanding.extraction.cues import (
    allowed,
    before,
    hits,
    negated,
    of_a_relative,
    of_the_partner,
    patterns,
    starts,
    worker,
)
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.places import (
    prison_left_at,
    release_to_come,
    released_from,
    the_askers_workplace,
)
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.places import PlaceMatch
from vrn_core.vocabulary import Role, Setting, describe

__all__ = ["SettingRead", "of_the_prisoner", "police_custody_said", "read_setting"]

# The settings of someone held, or just let out: said of a relative or partner, they are
# theirs ("a girl whose mum is out on licence").
_HELD = frozenset({Setting.police_custody, Setting.prison, Setting.community})
_BREAK = re.compile(r"[.;!?\n]")  # the end of a sentence
_PRONOUN = re.compile(r"\b(?:he|she)\b")


def police_custody_said(text: Prepared, described: bool = False) -> bool:
    """Does the question say police custody outright ("in the cells", "custody suite"),
    not of a relative ("her partner is in custody") nor as where the asker works ("I work
    in custody")? `described`: of someone named by a noun, not by "he" or "she", and
    hints count too ("lad of 22 held at Preston for a glassing")."""
    rest = text.rest
    strengths = ("strong", "weak") if described else ("strong",)
    for (setting, strength), cue in lexicon().settings:
        if setting is Setting.police_custody and strength in strengths and not cue.case_sensitive:
            for match in hits(cue, rest):
                start = match.start()
                if not allowed(cue.entry(match), rest, start) or of_a_relative(rest, start):
                    continue
                if of_the_prisoner(text, start):
                    continue  # "her husband was remanded | into custody"
                if not (worker(rest, start) or (described and _by_pronoun(rest, start))):
                    return True
    return False


def _by_pronoun(rest: str, start: int) -> bool:
    """Is the person at `start` named by "he" or "she" earlier in the same sentence?"""
    sentence = max((m.end() for m in _BREAK.finditer(rest, 0, start)), default=0)
    return _PRONOUN.search(rest, sentence, start) is not None


def of_the_prisoner(text: Prepared, start: int) -> bool:
    """Are the words at `start` the rest of a prisoner's family phrase, about the prisoner
    ("whose brother was just remanded | to HMP Preston for a stabbing")?"""
    for phrase, at in zip(text.family, text.family_starts, strict=True):
        end = at + len(phrase)
        if 0 <= start - end <= 25 and not _BREAK.search(text.rest, end, start):
            return True
    return False


def _someone_elses(text: Prepared, setting: Setting, start: int, roles: set[Role]) -> bool:
    """Is the setting said at `start` another person's: a relative's or partner's ("12 yo
    boy, dad in HMP Liverpool"), the prison just after a prisoner's family phrase ("whose
    brother was remanded to HMP Preston"), or "he's in the cells" said of the partner
    who harmed a victim?"""
    if setting not in _HELD:
        return False
    rest = text.rest
    if of_a_relative(rest, start) or of_the_prisoner(text, start):
        return True
    return Role.victim in roles and of_the_partner(rest, start)


@dataclass(frozen=True)
class SettingRead:
    """Where the person is (`setting`), the settings said not to be theirs, and of those
    the ones they are said to have left ("released from HMP Preston")."""

    setting: Setting | None
    denied: frozenset[Setting] = frozenset()
    left: frozenset[Setting] = frozenset()


def _read(setting: Setting | None, denied: set[Setting], left: set[Setting]) -> SettingRead:
    return SettingRead(setting, frozenset(denied - {setting}), frozenset(left - {setting}))


def read_setting(
    text: Prepared,
    places: Sequence[PlaceMatch],
    place: PlaceMatch | None,
    roles: set[Role],
    notes: list[str],
) -> SettingRead:
    """Where the subject is: a setting said outright ("custody"); else the setting of a
    place named ("Royal Preston Hospital"); else one hinted at ("arrested", "locked up");
    else a last resort: at home ("locked in the bedroom"), else on the scene ("on scene in
    Bispham": the community). Said of a relative or partner ("12 yo boy, dad in HMP
    Liverpool"), a prison, the cells or a release are theirs, not the person's. A strong
    setting said negated ("he's not in custody") is `denied`: known not to be the person's."""
    family_only = Role.prisoner_family in roles and Role.prisoner not in roles
    words = lexicon()
    found: list[tuple[int, Setting, str]] = []
    weak: list[tuple[int, Setting, str]] = []
    last: list[tuple[int, Setting, str]] = []
    denied: set[Setting] = set()  # "He's not in custody": no hint may say he is
    for (setting, strength), cue in words.settings:
        if cue.case_sensitive:  # "ED": as written, never negated
            found += [(m.start(), setting, m.group()) for m in cue.finditer(text.original)]
            continue
        matches = starts(cue, text.rest)  # once: `hits` would find them again
        affirmed: list[re.Match[str]] = []
        for match in matches:
            if not negated(text.rest, match.start()):
                affirmed.append(match)
            elif strength == "strong" and not _someone_elses(text, setting, match.start(), roles):
                denied.add(setting)
        for match in affirmed:
            if not allowed(cue.entry(match), text.rest, match.start()):
                continue
            if _someone_elses(text, setting, match.start(), roles):
                continue
            if strength == "strong":
                if setting is Setting.prison and family_only:
                    continue
                found.append((match.start(), setting, match.group()))
            elif strength == "weak":
                weak.append((match.start(), setting, match.group()))
            else:  # "home": a last resort
                last.append((match.start(), setting, match.group()))
    left = set() if family_only else _left(text, places, roles)
    denied |= left
    weak = [hit for hit in weak if hit[1] not in denied]
    let_out = _last_let_out(text.rest)
    found, weak = _since_let_out(found, let_out), _since_let_out(weak, let_out)
    over = [span for match in places if (span := _stay_over(text, match)) is not None]
    weak = [hit for hit in weak if not any(start <= hit[0] < end for start, end in over)]
    again = _held_again(text.rest, [*found, *weak])
    if again is not None:
        notes.append(f"setting: {describe(again[1])} (from '{again[2].strip()}', after a release)")
        return _read(again[1], denied, left)
    if found:
        # "arrested, now in HMP Preston": a setting said to be current wins; else the first.
        now = patterns().now_before
        current = [hit for hit in found if before(now, text.rest, hit[0], 30)]
        _, setting, said = sorted(current)[-1] if current else sorted(found)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return _read(setting, denied, left)
    site_setting = _place_setting(text, places, place, roles, family_only, let_out)
    if site_setting is not None:
        setting, display = site_setting
        notes.append(f"setting: {describe(setting)} (from the place {display})")
        return _read(setting, denied, left)
    if weak:
        _, setting, said = sorted(weak)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return _read(setting, denied, left)
    if last:
        # "on scene in Blackpool, he's still inside the house": the scene is a home.
        homes = [hit for hit in last if hit[1] is Setting.home]
        _, setting, said = sorted(homes or last)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return _read(setting, denied, left)
    return _read(None, denied, left)


@cache
def _let_out() -> re.Pattern[str]:
    return re.compile(rf"\b{lexicon().word('let_out')}(?![\w'])")


def _last_let_out(rest: str) -> int:
    """Where the person was last said to be let out of police custody ("was in custody at
    Lancaster last week, he's out now", "got nicked, let out this morning"), or -1; a
    release still to come ("before he's released") is none."""
    return max(
        (
            match.start()
            for match in hits(_let_out(), rest)
            if not release_to_come(rest, match.start())
        ),
        default=-1,
    )


def _since_let_out(
    said: list[tuple[int, Setting, str]], let_out: int
) -> list[tuple[int, Setting, str]]:
    """The readings left once police custody said before the person was let out (at
    `let_out`) goes: it is not where they are."""
    return [hit for hit in said if hit[1] is not Setting.police_custody or hit[0] > let_out]


# Out of prison, as an event: "released yesterday", "got out last month".
_RELEASE = re.compile(r"\b(?:released|(?:got|came|let)\s+out)\b")
_BACK_IN = re.compile(r"\b(?:now|currently|still|back)\s+(?:[\w-]+\s+){0,2}$")
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]|\s(?:and|then|but)\s")


def _held_again(
    rest: str, said: Sequence[tuple[int, Setting, str]]
) -> tuple[int, Setting, str] | None:
    """Police custody said in a later clause than a release from prison is where the
    person is now ("released yesterday, arrested again today, held at Blackburn ... he'd
    been inside for 2 years"), unless a prison is said to be current ("now back in HMP
    Preston"); not the custody released from ("released from custody")."""
    release = _RELEASE.search(rest)
    if release is None:
        return None
    if any(hit[1] is Setting.prison and before(_BACK_IN, rest, hit[0], 30) for hit in said):
        return None
    after = [
        hit
        for hit in said
        if hit[1] is Setting.police_custody
        and hit[0] > release.end()
        and _CLAUSE_BREAK.search(rest, release.end(), hit[0]) is not None
    ]
    return min(after) if after else None


def _left(text: Prepared, places: Sequence[PlaceMatch], roles: set[Role]) -> set[Setting]:
    """The settings the person is said to have left ("released from HMP Preston last
    month", "came out of prison in May"): known not to be theirs now, unless a later
    reading says they are back."""
    left = {
        match.place.setting
        for match in places
        if match.place is not None
        and match.place.setting is not None
        and match.span is not None
        and released_from(match, text.plain)
        and not _someone_elses(text, match.place.setting, match.span[0], roles)
    }
    for start in prison_left_at(text.rest):
        if not _someone_elses(text, Setting.prison, start, roles):
            left.add(Setting.prison)
    return left


# Just before a place: a stay there that is over ("was in the Vic", "were at Preston").
_WAS_IN = re.compile(r"\b(?:was|were)\s+(?:in|at|kept\s+in)\s+(?:the\s+)?$")


def _stay_over(text: Prepared, match: PlaceMatch) -> tuple[int, int] | None:
    """The span of a place told as a stay that is over ("was in the Royal Preston
    Hospital for a week"), or None."""
    span = match.span
    if span is None or not before(_WAS_IN, text.rest, span[0], 25):
        return None
    return span[0], span[1]


def _place_setting(
    text: Prepared,
    places: Sequence[PlaceMatch],
    place: PlaceMatch | None,
    roles: set[Role],
    family_only: bool,
    let_out: int,
) -> tuple[Setting, str] | None:
    """The setting of the place named that has one (the chosen place first), and its name;
    not a prison or custody suite said to be a relative's, nor a custody suite named
    before the person was let out (at `let_out`)."""
    ordered = [place, *places] if place is not None else list(places)
    for candidate in ordered:
        site = candidate.place
        if site is None or site.setting is None:
            continue
        if site.setting is Setting.prison and family_only:
            continue
        if candidate.span is not None and _someone_elses(
            text, site.setting, candidate.span[0], roles
        ):
            continue
        if (
            site.setting is Setting.police_custody
            and candidate.span is not None
            and candidate.span[0] <= let_out
        ):
            continue  # "held at Burnley custody suite on Saturday, released Sunday"
        if _stay_over(text, candidate) is not None:
            continue  # "was in the Vic for 3 days": a stay that is over
        if released_from(candidate, text.plain):
            continue  # "released from HMP Preston last month": no longer there
        if the_askers_workplace(candidate, text.plain):
            continue  # "I work at BVH ... my nephew got jumped": not where he is
        return site.setting, site.display
    return None
