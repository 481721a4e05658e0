"""Cutting a question into the clauses the semantic reader compares with its examples.

A question mixes facts ("custody sgt here, got a lad in for glassing someone, anything
for him?"); one vector for all of it blurs them. Each sentence is cut at commas, dashes
and the words that join clauses ("and", "but", "because", "after", "who"...); a clause
keeps at least two words. Clauses saying something is not so ("no weapon involved") are
kept apart (`negated`): the reader guesses nothing from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vrn_assistant.understanding.extraction.lexicon import lexicon

__all__ = ["Clause", "split_clauses"]

_SENTENCE = re.compile(r"[.!?;:\n]+(?:\s+|$)|\s*[()]\s*")
_JOINS = (
    "and",
    "but",
    "because",
    "cos",
    "as",
    "after",
    "before",
    "since",
    "while",
    "whilst",
    "when",
    "so",
    "who",
    "whose",
    "which",
    "although",
    "though",
    "or",
)
_CLAUSE = re.compile(r"\s*(?:,|\s-+\s|\s/\s)\s*|\s+(?=(?:" + "|".join(_JOINS) + r")\b)", re.I)
MIN_WORDS = 2
MAX_CLAUSES = 12  # a long question's first clauses; the rest repeat or add little


@dataclass(frozen=True)
class Clause:
    text: str
    negated: bool  # says something is not so: never read for a fact


@cache
def _negation() -> re.Pattern[str]:
    words = lexicon()
    return re.compile(f"{words.word('negator')}|{words.word('negating_ending')}", re.I)


def split_clauses(text: str) -> tuple[Clause, ...]:
    """The clauses of `text`, in order, each of at least two words."""
    clauses: list[Clause] = []
    negation = _negation()
    for sentence in _SENTENCE.split(text):
        for part in _CLAUSE.split(sentence):
            words = part.split()
            if len(words) < MIN_WORDS:
                continue
            clause = " ".join(words)
            clauses.append(Clause(text=clause, negated=negation.search(clause) is not None))
            if len(clauses) == MAX_CLAUSES:
                return tuple(clauses)
    return tuple(clauses)
