"""Who is asking: the asker's job, or that they ask as family or for themselves.

The words are in the lexicon (askers.yaml). The asker's job wins over anything else
said ("I'm a teacher, my pupil's dad ..."); then the asker being the person in need
("my ex hit me", "I'm 19 and ..."); then a relative asking ("my son", "I'm his mum").
Among the readings of one precedence, the first said wins, the longer on a tie
("custody sergeant" over "sergeant"). Nothing said of the asker, no asker is read:
a question about someone held in custody may come from custody staff, a solicitor,
a probation officer or a parent, and advice meant for one would mislead the others.
Who asks is kept apart (`Extraction.asker`), never made a fact of the person in need.
"""

from __future__ import annotations

import re

from vrn_assistant.understanding.extraction.age import AgeRead
from vrn_assistant.understanding.extraction.cues import allowed, asker, hits
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import Asker, describe

__all__ = ["asked_by_note", "asks_at_work", "read_asker"]

_PRECEDENCE = ("work", "self", "family")
# The first clause of a question, when it is a short heading: "Bpool custody, 22, in
# for assault", "Royal Blackburn ED - young woman", "Primary school in Rossendale, ...".
_HEADING = re.compile(r"\W*(?:[\w'&]+[^\S\n]+){0,4}?[\w'&]+\s*(?:[,:;.(\n]|\s[-–—]\s)")


def _opening(low: str) -> int:
    """Where the question's heading ends (0 when it opens with no short heading)."""
    heading = _HEADING.match(low)
    return heading.end() if heading is not None else 0


def read_asker(text: Prepared, age: AgeRead) -> Asker | None:
    """Who is asking, if the question says; None when it does not."""
    found: dict[str, tuple[int, int, Asker]] = {}  # precedence -> (start, -length, asker)
    for entry, cue in lexicon().askers:
        low = text.original if entry.case_sensitive else text.low
        for match in hits(cue, low):
            start = match.start()
            if not allowed(entry, low, start):
                continue
            if entry.speaker == "asker" and not asker(low, start):
                continue
            if entry.speaker == "opening" and match.end() > _opening(low):
                continue
            reading = (start, -len(match.group()), entry.asker)
            if entry.precedence not in found or reading < found[entry.precedence]:
                found[entry.precedence] = reading
            break  # the first match of an entry is the earliest
    if "work" not in found and age.first_person:
        return Asker.self
    for precedence in _PRECEDENCE:
        if precedence in found:
            return found[precedence][2]
    return None


def asks_at_work(asked_by: Asker | None) -> bool:
    """Is the asker asking in the course of their work?"""
    return asked_by is not None and asked_by not in (Asker.family, Asker.self)


def asked_by_note(asked_by: Asker) -> str:
    """The note the answer shows: "asked by: custody staff"."""
    return f"asked by: {describe(asked_by)}"
