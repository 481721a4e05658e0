"""Occupations: the asker's practitioner role and sector ("I'm a custody nurse", "our charity").

The occupations and their sectors are in the lexicon (occupations.yaml); an entry
with `speaker: asker` counts only when the asker says it of themselves or their team.
"""

from __future__ import annotations

import re
from functools import cache

from vrn_assistant.understanding.extraction.cues import asker, hits
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Role, Sector

__all__ = ["Occupation", "read_occupations"]

Occupation = tuple[int, Sector | None, Role]  # where it is said, the sector if any, the role


@cache
def _team() -> re.Pattern[str]:
    return re.compile(lexicon().word("team"))


_THEIRS_BEFORE = re.compile(
    r"\b(?:under|by|from|with|to)\s+(?:the|a|an|his|her|their)\s+(?:[\w&-]+\s+){0,3}$"
)


def read_occupations(text: Prepared) -> list[Occupation]:
    """Occupations of the asker, in order: 'I'm a nurse', 'our team', 'custody staff'."""
    found: list[Occupation] = []
    low = text.low
    team = _team()
    for entry, cue in lexicon().occupations:
        for match in hits(cue, low):
            start = match.start()
            said = match.group()
            # "custody staff", "staff training", "our team": the asker's team; a team that
            # someone is under or seen by ("under the mental health team") is another's.
            of_a_team = team.search(said) is not None and (
                team.fullmatch(said) is None or _THEIRS_BEFORE.search(low, 0, start) is None
            )
            if entry.speaker == "anyone" or asker(low, start) or of_a_team:
                found.append((start, entry.sector, entry.role))
    return sorted(found, key=lambda hit: hit[0])
