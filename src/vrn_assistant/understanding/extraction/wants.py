"""Wants: what the asker is looking for, as kinds of programme; used for ranking only.
The words are in the lexicon (wants.yaml)."""

from __future__ import annotations

from vrn_assistant.understanding.extraction.cues import hits
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.vocabulary import ProgrammeKind

__all__ = ["read_wants"]


def read_wants(text: Prepared) -> set[ProgrammeKind]:
    """The kinds of programme the asker is looking for (training, an event, a service...)."""
    return {want for want, cue in lexicon().wants if hits(cue, text.low)}
