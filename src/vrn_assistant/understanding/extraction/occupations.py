"""Occupations: the asker's practitioner role and sector ("I'm a custody nurse", "our charity")."""

from __future__ import annotations

import re

from vrn_assistant.understanding.extraction.cues import asker, hits
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Role, Sector

__all__ = ["Occupation", "read_occupations"]

Occupation = tuple[int, Sector | None, Role]  # where it is said, the sector if any, the role

_TEAM_WORDS = re.compile(r"\b(?:team|teams|staff|colleagues|workforce|professionals)\b")
_OCCUPATIONS: tuple[tuple[re.Pattern[str], Sector | None, Role], ...] = tuple(
    (re.compile(pattern), sector, role)
    for pattern, sector, role in (
        (
            r"\bsocial\s+work(?:ers?)?\b|\bsocial\s+care\b|\bchildren'?s\s+services\b"
            r"|\bfamily\s+support\s+workers?\b",
            Sector.social_care,
            Role.practitioner,
        ),
        (
            r"\bhead\s*teachers?\b|\bheadteachers?\b|\b(?:school|primary|secondary|deputy"
            r"|assistant)\s+(?:school\s+)?head\b|\bhead\s+of\s+(?:year|school)\b|\bteachers?\b"
            r"|\bsenco\b|\bdsl\b|\bdesignated\s+safeguarding\s+leads?\b|\bteaching\s+assistants?\b"
            r"|\bschool\s+(?:staff|team)\b|\bwork\s+(?:in|at)\s+a\s+(?:\w+\s+)?school\b",
            Sector.education,
            Role.practitioner,
        ),
        (
            r"\bnurses?\b|\bdoctors?\b|\bgps?\b|\bparamedics?\b|\bmidwi(?:fe|ves)\b"
            r"|\bhealth\s+visitors?\b|\bclinicians?\b|\b(?:a&e|a\s+and\s+e|ed|emergency"
            r"\s+department|hospital|nhs|ward)\s+(?:staff|team|nurse|doctor|consultant|clinician"
            r"|workers?)\b|\bwork\s+(?:in|at)\s+(?:a&e|a\s+hospital|the\s+hospital|the\s+ed)\b",
            Sector.health,
            Role.practitioner,
        ),
        (
            r"\bpublic\s+health\s+researchers?\b",
            Sector.public_health,
            Role.researcher,
        ),
        (
            r"\bpublic\s+health\s+(?:team|staff|practitioners?|professionals?"
            r"|specialists?|consultants?|officers?|leads?|workers?)\b",
            Sector.public_health,
            Role.practitioner,
        ),
        (
            r"\bprobation(?:\s+officers?|\s+service)?\b|\bprison\s+(?:officers?|staff|governors?"
            r"|workers?)\b|\byot\b|\byouth\s+(?:offending|justice)\s+(?:team|service|workers?)\b"
            r"|\boffender\s+managers?\b|\bmagistrates?\b|\bcourt\s+staff\b",
            Sector.justice,
            Role.practitioner,
        ),
        (
            r"\bhousing\s+(?:officers?|team|staff|workers?|support\s+workers?)\b",
            Sector.housing,
            Role.practitioner,
        ),
        (
            r"\bhousing\s+(?:associations?|providers?)\b|\blandlords?\b",
            Sector.housing,
            Role.organisation,
        ),
        (
            r"\bpolice\s+(?:officers?|staff|sergeants?|constables?)\b|\bpcsos?\b|\bsergeants?\b"
            r"|\bdetectives?\b|\bcustody\s+(?:staff|sergeants?|officers?|team)\b"
            r"|\bdetention\s+officers?\b|\bneighbourhood\s+(?:policing\s+)?team\b"
            r"|\bwork(?:s|ing)?\s+in\s+(?:police\s+)?custody\b|\bofficers?\b|\bin\s+the\s+police\b",
            Sector.policing,
            Role.practitioner,
        ),
        (
            r"\bcharit(?:y|ies)\b|\bvoluntary\s+(?:sector|organi[sz]ations?|groups?)\b"
            r"|\bthird\s+sector\b|\bvcfse?\b|\bcommunity\s+(?:groups?|organi[sz]ations?)\b",
            Sector.voluntary,
            Role.organisation,
        ),
        (
            r"\bcouncils?\b|\blocal\s+authority\b|\bcommunity\s+safety\s+partnership\b",
            Sector.local_government,
            Role.organisation,
        ),
        (
            r"\buniversit(?:y|ies)\s+(?:researchers?|lecturers?|staff)\b|\bacademics?\b"
            r"|\blecturers?\b|\bprofessors?\b|\bresearchers?\b",
            Sector.academic,
            Role.researcher,
        ),
        (
            r"\bidvas?\b|\bisvas?\b|\bpractitioners?\b|\byouth\s+workers?\b|\bsupport\s+workers?\b"
            r"|\bkey\s*workers?\b|\bcase\s*workers?\b|\boutreach\s+workers?\b|\bcounsell?ors?\b"
            r"|\btherapists?\b|\bpsychologists?\b|\bmentors?\b|\bcoach(?:es)?\b|\bnavigators?\b"
            r"|\bprofessionals?\b(?!\s+policing)|\bstaff\b|\bcolleagues?\b|\bteam\b|\bworkforce\b"
            r"|\bsafeguarding\s+leads?\b|\bi\s+work\b|\bwe\s+work\b",
            None,
            Role.practitioner,
        ),
    )
)


def read_occupations(text: Prepared) -> list[Occupation]:
    """Occupations of the asker, in order: 'I'm a nurse', 'our team', 'custody staff'."""
    found: list[Occupation] = []
    low = text.low
    for pattern, sector, role in _OCCUPATIONS:
        for match in hits(pattern, low):
            start = match.start()
            if (
                asker(low, start)
                or _TEAM_WORDS.search(match.group())
                or role is Role.researcher
                or match.group().startswith(("i work", "we work"))
            ):
                found.append((start, sector, role))
    return sorted(found, key=lambda hit: hit[0])
