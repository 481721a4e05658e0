"""Negation and context: what the words just before a cue say about it.

Patterns are plain compiled regexes, scanned over the whole question; `starts`
keeps the matches that begin at a word start, `hits` those that are not negated
("not in custody", "no violence"). The `*_BEFORE` patterns end with `$` and are
searched in the few characters before a match (`before`).
"""

from __future__ import annotations

import re

__all__ = [
    "AUDIENCE_BEFORE",
    "OTHERS_BEFORE",
    "RELEASED_BEFORE",
    "asker",
    "before",
    "hits",
    "negated",
    "starts",
]

# A negation just before a cue: "not in custody", "no violence", "non-violent",
# "hasn't been arrested". Punctuation ends its reach; "not sure if" is no negation.
_NEGATED_BEFORE = re.compile(
    r"(?:(?:\b(?:not|no|never|without|nor|neither|no\s+longer)|n't)"
    r"(?!\s*(?:sure|certain|clear|only|just|known)\b)[\s-]+(?:[a-z']+\s+){0,2}"
    r"|\bnon[\s-]*)$"  # "non-" negates only the word it is attached to
)
# Somebody else's relative or pronoun: "her boyfriend", "whose father", "the boy's mum".
OTHERS_BEFORE = re.compile(r"(?:\b(?:his|her|their|whose|your|its)\s+(?:[\w-]+\s+){0,3}?|'s\s+)$")
# The people a programme is for, not the subject: "for young people", "with children".
AUDIENCE_BEFORE = re.compile(
    r"\b(?:for|with|to|at|about|support(?:ing)?|help(?:ing)?|aimed\s+at|other|among|amongst"
    r"|protect(?:ing)?|safeguard(?:ing)?|engage|engaging)\s+"
    # "for a dad whose son..." names the subject; "for young children" an audience
    r"(?:(?!(?:a|an|the|this|that|my|our)\b)[\w-]+\s+)?$"
)
# The asker speaking of themselves or their team: "I'm a", "our", "as a".
_ASKER_BEFORE = re.compile(
    r"\b(?:i'?m|i\s+am|im|we'?re|we\s+are|as|our|my|i|we|working\s+as)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w&-]+\s+){0,3}?$"
)
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")
_LEADING_WORDS = re.compile(r"\W*(?:[\w'&-]+\W+){0,3}")  # the first few words of a sentence
# Out of prison: "released from prison", "an ex-prisoner", "since leaving HMP Preston".
RELEASED_BEFORE = re.compile(
    r"\b(?:released\s+from|out\s+of|left|leaving|after|since|came\s+out\s+of|got\s+out\s+of"
    r"|ex|former|previous(?:ly)?)[\s-]+(?:\w+\s+)?$"
)


def _at_word_start(text: str, start: int) -> bool:
    """A match opening with a letter or digit must start a word (not "ran" in "grant")."""
    if start == 0 or not text[start].isalnum():
        return True
    previous = text[start - 1]
    return not (previous.isalnum() or previous == "_")


def starts(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of `pattern` that start at a word start."""
    return [match for match in pattern.finditer(text) if _at_word_start(text, match.start())]


def negated(text: str, start: int) -> bool:
    """Is the word at `start` negated ("not in custody", "no violence", "non-violent")?"""
    return _NEGATED_BEFORE.search(text, max(0, start - 40), start) is not None


def before(pattern: re.Pattern[str], text: str, start: int, reach: int = 40) -> bool:
    """Does `pattern` (ending in `$`) match within `reach` characters before `start`?"""
    return pattern.search(text, max(0, start - reach), start) is not None


def asker(text: str, start: int) -> bool:
    """Is the word at `start` the asker describing themselves or their organisation?"""
    if before(_ASKER_BEFORE, text, start, 60):
        return True
    sentence = _SENTENCE_BREAK.split(text[max(0, start - 80) : start])[-1]
    at_start = start <= 80 or _SENTENCE_BREAK.search(text, max(0, start - 80), start)
    return bool(at_start) and _LEADING_WORDS.fullmatch(sentence) is not None


def hits(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of `pattern` at word starts, not negated."""
    return [match for match in starts(pattern, text) if not negated(text, match.start())]
