"""Preparing the text: lower case, common misspellings of key words corrected, and the
family-of-a-prisoner phrases set apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from vrn_assistant.understanding.extraction.family import family_phrases

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


# Key words whose misspellings are worth correcting. A word of five letters or
# more is corrected when it is one edit from one of these (two for long words),
# starts with the same letter, and is not itself an ordinary word.
_VOCABULARY = words(
    "custody arrested assault assaulted robbery burglary shoplifting domestic violence violent "
    "controlling coercive prison prisoner heroin cocaine cannabis addiction machete stabbed "
    "stabbing trauma traumatic victim teenager girlfriend boyfriend hospital university "
    "volunteer volunteering webinar leaflets researcher practitioner detained sentence "
    "offending abusive emergency department affray wounding knives weapon police station "
    "daughter"
)
_VOCABULARY_SET = frozenset(_VOCABULARY)
# Typos rarely change the first letter: "pounding" is not "wounding".
_VOCABULARY_BY_LETTER = {
    letter: tuple(word for word in _VOCABULARY if word[0] == letter)
    for letter in {word[0] for word in _VOCABULARY}
}
# Real words one edit from a key word: never "corrected".
_REAL_WORDS = frozenset(
    words(
        "poison violet stabled stubbed stabling stubbing detailed policy polite herein heroic "
        "researched researches knaves heron"
    )
)
_TOKEN = re.compile(r"[a-z]+")


def prepare(text: str, notes: list[str]) -> Prepared:
    """The question prepared for reading; each spelling correction is noted."""
    plain = text.lower()
    if len(plain) != len(text):  # a few characters grow when lower-cased; keep offsets aligned
        plain = "".join(ch.lower()[0] for ch in text)
    plain = plain.replace("’", "'").replace("‘", "'")
    low = _correct_spelling(plain, notes)
    family = family_phrases(low)
    rest = low
    for match in family:
        start = match.start("family")
        rest = rest[:start] + " " * (match.end() - start) + rest[match.end() :]
    return Prepared(text, plain, low, rest, tuple(match.group() for match in family))


def max_edits(word: str) -> int:
    """Typos allowed: one edit (a transposition counts as one), two in long words."""
    return 1 if len(word) < 10 else 2


def _correct_spelling(plain: str, notes: list[str]) -> str:
    pieces: list[str] = []
    last = 0
    for token in _TOKEN.finditer(plain):
        word = token.group()
        if len(word) < 5 or word in _VOCABULARY_SET or word in _REAL_WORDS:
            continue
        if word.startswith(_VOCABULARY):
            continue  # an inflection ("stabbings"), not a misspelling
        best = process.extractOne(
            word,
            _VOCABULARY_BY_LETTER.get(word[0], ()),
            scorer=OSA.distance,
            score_cutoff=max_edits(word),
        )
        if best is None:
            continue
        pieces += [plain[last : token.start()], best[0]]
        last = token.end()
        notes.append(f"'{word}' read as '{best[0]}'")
    return "".join([*pieces, plain[last:]]) if pieces else plain
