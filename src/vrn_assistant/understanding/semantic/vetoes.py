"""Where the word lists have already judged: a clause holding their words is not guessed.

When a clause holds a phrase of the lexicon for a kind of fact and the rules still
read nothing, they decided so ("custody" said of someone else, "police attended"
without an arrest): a semantic guess there would only undo their judgement. So a
clause matching any phrase of a kind's entries gives no guess of that kind. The
phrases are matched plainly (their `not_before`, `not_after` and `unless` are left
out): a wider veto only makes the reader more careful.

Calibration reads each held-out entry as the word lists lacking it: its own phrases
veto nothing then (`excluding`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from vrn_assistant.understanding.extraction.lexicon import Lexicon, compile_phrase
from vrn_assistant.understanding.semantic.examples import LEXICON_FILES, Kind

__all__ = ["Veto", "lexicon_vetoes", "vetoed"]


@dataclass(frozen=True)
class Veto:
    entry: str  # file.yaml#id, as `Example.entry` names it
    kind: Kind
    pattern: re.Pattern[str]
    case_sensitive: bool

    def matches(self, clause: str) -> bool:
        return self.pattern.search(clause if self.case_sensitive else clause.lower()) is not None


def lexicon_vetoes(words: Lexicon) -> tuple[Veto, ...]:
    """One veto per entry of the settings, roles, issues and offences files."""
    vetoes: list[Veto] = []
    for entry_id, (file_name, entry) in words.entries.items():
        if file_name not in LEXICON_FILES or getattr(entry, "says", "present") != "present":
            continue
        sources = [
            compile_phrase(phrase if entry.case_sensitive else phrase.lower(), words.words)
            for phrase in entry.phrases
        ]
        vetoes.append(
            Veto(
                entry=f"{file_name}.yaml#{entry_id}",
                kind=LEXICON_FILES[file_name][0],
                pattern=re.compile("|".join(f"(?:{source})" for source in sources)),
                case_sensitive=entry.case_sensitive,
            )
        )
    return tuple(vetoes)


def vetoed(clause: str, vetoes: Sequence[Veto], excluding: Collection[str] = ()) -> frozenset[Kind]:
    """The kinds the word lists have judged in `clause` (entries in `excluding` aside)."""
    return frozenset(
        veto.kind for veto in vetoes if veto.entry not in excluding and veto.matches(clause)
    )
