"""The setting: where the subject is when the practitioner meets them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vrn_assistant.understanding.extraction.cues import RELEASED_BEFORE, before, hits, starts
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.places import PlaceMatch
from vrn_core.vocabulary import Role, Setting, describe

__all__ = ["read_setting"]

_CUSTODY_WORDS = (
    r"\bcustody\b(?!\s+(?:of|battle|dispute|hearing|arrangements?|case|order|rights|visits?))"
    r"(?<!child\scustody)(?<!shared\scustody)(?<!joint\scustody)(?<!full\scustody)"
    r"(?<!remanded\sin\scustody)"
    r"|\bcells?\b(?<!prison\scell)(?<!prison\scells)(?<!phone\scell)(?<!phone\scells)"
    r"|\bpolice\s+station\b|\bcustody\s+suites?\b"
)
_PRISON_WORDS = (
    r"\b(?:prisons?|jail|gaol|hmp|hmyoi|yoi|young\s+offenders?\s+institution|on\s+remand"
    r"|remanded|behind\s+bars|locked\s+up|incarcerated|imprisoned|jailed|inmates?|prisoners?"
    r"|custodial\s+sentence|doing\s+time|sent\s+down|lifer)\b"
    r"|\bserving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?(?:sentence|time)\b"
    r"|\b(?:is|been|was|'s|while|whilst|time|years|months|spent|currently|still)\s+inside\b"
    r"(?!\s+(?:the|a|an|my|his|her|their|our|it|of|out|and)\b)"
)
_ED_WORDS = (
    r"\ba\s*&\s*e\b|\ba\s+and\s+e\b|\baccident\s+and\s+emergency\b|\bemergency\s+department\b"
    r"|\bcasualty\b(?!\s+(?:of|figures|rates?))|\bemergency\s+room\b"
)
_SETTING_STRONG: tuple[tuple[re.Pattern[str], Setting], ...] = (
    (re.compile(_CUSTODY_WORDS), Setting.police_custody),
    (re.compile(_PRISON_WORDS), Setting.prison),
    (re.compile(_ED_WORDS), Setting.hospital_emergency_department),
)
_SETTING_WEAK: tuple[tuple[re.Pattern[str], Setting], ...] = (
    (
        re.compile(r"\barrest(?:ed)?\b(?!\s+referral)|\bdetained\b(?!\s+under)"),
        Setting.police_custody,
    ),
    (re.compile(r"\bhospital\b"), Setting.hospital_emergency_department),
    (
        re.compile(
            r"\bschools?\b|\bpupils?\b|\bhead\s*teachers?\b|\bheadteachers?\b|\bclassrooms?\b"
            r"|\bsixth\s+form\b|\bsenco\b|\bdesignated\s+safeguarding\s+lead\b|\bacadem(?:y|ies)\b"
        ),
        Setting.school,
    ),
    (
        re.compile(
            r"\buniversit(?:y|ies)\b|\buni\b|\buclan\b|\bundergrad(?:uate)?s?\b"
            r"|\bpostgrad(?:uate)?s?\b|\bdegree\b|\blecturers?\b|\bcampus\b|\bbsc\b|\bmsc\b"
        ),
        Setting.university,
    ),
    (re.compile(r"\bin\s+the\s+community\b"), Setting.community),
)
_STUDENT_SETTING = re.compile(r"\bstudents?\b")
_ED_ORIGINAL = re.compile(r"\bED\b")
_NOW_BEFORE = re.compile(r"\b(?:now|currently|still|today|is|'s|are)\s+(?:[\w-]+\s+){0,2}$")


def read_setting(
    text: Prepared,
    places: Sequence[PlaceMatch],
    place: PlaceMatch | None,
    roles: set[Role],
    notes: list[str],
) -> Setting | None:
    """Where the subject is: a setting said in words, strong ones ("custody") before weak
    ("arrested"); else the setting of a place named ("Royal Preston Hospital"); else a
    university for a student."""
    family_only = Role.prisoner_family in roles and Role.prisoner not in roles
    found: list[tuple[int, Setting, str]] = []
    for pattern, setting in _SETTING_STRONG:
        for match in hits(pattern, text.rest):
            if setting is Setting.prison and (
                family_only or before(RELEASED_BEFORE, text.rest, match.start(), 30)
            ):
                continue
            found.append((match.start(), setting, match.group()))
    for match in _ED_ORIGINAL.finditer(text.original):
        found.append((match.start(), Setting.hospital_emergency_department, match.group()))
    if found:
        # "arrested, now in HMP Preston": a setting said to be current wins; else the first.
        current = [hit for hit in found if before(_NOW_BEFORE, text.rest, hit[0], 30)]
        _, setting, said = sorted(current)[-1] if current else sorted(found)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return setting
    weak = sorted(
        (match.start(), setting, match.group())
        for pattern, setting in _SETTING_WEAK
        for match in hits(pattern, text.rest)
    )
    if weak:
        _, setting, said = weak[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return setting
    ordered = [place, *places] if place is not None else list(places)
    for candidate in ordered:
        site = candidate.place
        if site is None or site.setting is None:
            continue
        if site.setting is Setting.prison and family_only:
            continue
        notes.append(f"setting: {describe(site.setting)} (from the place {site.display})")
        return site.setting
    if starts(_STUDENT_SETTING, text.rest):
        notes.append("setting: a university (from 'student')")
        return Setting.university
    return None
