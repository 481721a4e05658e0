"""Wants: what the asker is looking for, as kinds of programme; used for ranking only."""

from __future__ import annotations

import re

from vrn_assistant.understanding.extraction.cues import hits
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import ProgrammeKind

__all__ = ["read_wants"]

_WANTS: tuple[tuple[re.Pattern[str], ProgrammeKind], ...] = tuple(
    (re.compile(pattern), want)
    for pattern, want in (
        (
            r"\btrain(?:ing|ed|s)?\b|\bupskill\w*|\blearn(?:ing)?\b|\bsessions?\b|\bworkshops?\b"
            r"|\bcpd\b|\binduction\b|\bcourses?\s+for\s+(?:staff|us|our|practitioners"
            r"|professionals|teachers|schools)\b",
            ProgrammeKind.training,
        ),
        (
            r"\bevents?\b|\bwebinars?\b|\bconferences?\b|\bseminars?\b|\bjoin\b"
            r"|\bsign(?:ing)?\s+up\b",
            ProgrammeKind.event,
        ),
        (
            r"\bleaflets?\b|\bresources?\b|\bguides?\b|\bguidance\b|\bbooks?\b|\bbooklets?\b"
            r"|\bread\b|\breading\b|\bdownload\w*|\bevidence\b|\binformation\b|\binfo\b"
            r"|\bmaterials?\b|\btoolkits?\b|\bfactsheets?\b|\badvice\b|\brecommendations?\b"
            r"|\breports?\b|\bstor(?:y|ies)\b|\bposters?\b|\bwebsite\b",
            ProgrammeKind.resource,
        ),
        (r"\bvolunteer\w*", ProgrammeKind.volunteering),
        (r"\bcampaigns?\b|\bsocial\s+media\b|\bawareness\b", ProgrammeKind.campaign),
        (
            r"\bsupport\b|\bprogrammes?\b|\bprograms?\b|\brefer(?:red|ral|rals|ring)?\b|\bhelp\b"
            r"|\bservices?\b|\bcoach(?:es|ing)?\b|\bwork\s+with\b|\binterventions?\b|\bschemes?\b"
            r"|\bavailable\b|\bmentor\w*",
            ProgrammeKind.service,
        ),
    )
)


def read_wants(text: Prepared) -> set[ProgrammeKind]:
    """The kinds of programme the asker is looking for (training, an event, a service...)."""
    return {want for pattern, want in _WANTS if hits(pattern, text.low)}
