"""Preparing the text: lower case, common misspellings of key words corrected
(the key words are in knowledge/lexicon/spelling.yaml), and the family-of-a-prisoner
phrases set apart.

Two spellings of speech are read as written out, without a note (they are not
mistakes): a dropped g ("kickin off", "turnin up") where the -ing word is one the
lexicon's phrases use, and "n" between words for "and" ("turnin up n kicking off")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from vrn_assistant.understanding.extraction.family import family_phrases
from vrn_assistant.understanding.extraction.lexicon import lexicon

__all__ = ["Prepared", "max_edits", "prepare", "words"]


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string: `words("one two")` -> ("one", "two")."""
    return tuple(text.split())


@dataclass(frozen=True)
class Prepared:
    """The question in the forms the readers need."""

    original: str
    plain: str  # lower case, aligned with `original`
    low: str  # lower case with misspellings of key words corrected
    rest: str  # `low` with family-of-a-prisoner phrases blanked out
    family: tuple[str, ...]  # those phrases
    family_starts: tuple[int, ...] = ()  # where each starts


_TOKEN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Spelling:
    """The key words of spelling.yaml, grouped by first letter, and the real words."""

    key_words: frozenset[str]
    prefixes: tuple[str, ...]
    by_letter: dict[str, tuple[str, ...]]
    real_words: frozenset[str]
    ing_words: frozenset[str]


@cache
def _spelling() -> _Spelling:
    words = lexicon()
    keys = words.key_words
    return _Spelling(
        key_words=frozenset(keys),
        prefixes=keys,
        # Typos rarely change the first letter: "pounding" is not "wounding".
        by_letter={
            letter: tuple(w for w in keys if w[0] == letter) for letter in {w[0] for w in keys}
        },
        real_words=words.real_words,
        ing_words=words.ing_words,
    )


def prepare(text: str, notes: list[str], prisons: tuple[str, ...] = ()) -> Prepared:
    """The question prepared for reading; each spelling correction is noted. `prisons`:
    the prisons' names, lower case, for "her dad has gone into Lancaster Farms"."""
    plain = text.lower()
    if len(plain) != len(text):  # a few characters grow when lower-cased; keep offsets aligned
        plain = "".join(ch.lower()[0] for ch in text)
    plain = plain.replace("’", "'").replace("‘", "'")
    low = _correct_spelling(plain, notes)
    family = family_phrases(low, prisons)
    rest = low
    for match in family:
        start = match.start("family")
        rest = rest[:start] + " " * (match.end() - start) + rest[match.end() :]
    return Prepared(
        text,
        plain,
        low,
        rest,
        tuple(match.group() for match in family),
        tuple(match.start() for match in family),
    )


def max_edits(word: str) -> int:
    """Typos allowed: one edit (a transposition counts as one), two in long words."""
    return 1 if len(word) < 10 else 2


def _correct_spelling(plain: str, notes: list[str]) -> str:
    spelling = _spelling()
    pieces: list[str] = []
    last = 0
    for token in _TOKEN.finditer(plain):
        word = token.group()
        spoken = _spoken(plain, token, spelling.ing_words)
        if spoken is not None:
            pieces += [plain[last : token.start()], spoken]
            last = token.end()
            continue
        if len(word) < 5 or word in spelling.key_words or word in spelling.real_words:
            continue
        if word.startswith(spelling.prefixes):
            continue  # an inflection ("stabbings"), not a misspelling
        best = process.extractOne(
            word,
            spelling.by_letter.get(word[0], ()),
            scorer=OSA.distance,
            score_cutoff=max_edits(word),
        )
        if best is None:
            continue
        pieces += [plain[last : token.start()], best[0]]
        last = token.end()
        notes.append(f"'{word}' read as '{best[0]}'")
    return "".join([*pieces, plain[last:]]) if pieces else plain


def _spoken(plain: str, token: re.Match[str], ing_words: frozenset[str]) -> str | None:
    """The written-out form of a spoken spelling ("kickin" -> "kicking", "n" -> "and")."""
    word = token.group()
    if word.endswith("in") and word + "g" in ing_words:
        return word + "g"
    if word == "n" and _N_FOR_AND.match(plain, token.start()):
        return "and"
    return None


_N_FOR_AND = re.compile(r"(?<=[a-z] )n(?= [a-z])")  # "n" between two words
