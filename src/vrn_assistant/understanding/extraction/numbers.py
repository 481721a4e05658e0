"""Numbers written in digits or words: "17", "seventeen", "twenty-three"."""

from __future__ import annotations

import re

__all__ = ["NUMBER_WORD", "number"]

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
# Every alternative opens with a letter, so patterns that start with it stay fast.
NUMBER_WORD = "|".join(
    [rf"{tens}(?:[\s-]?(?:{'|'.join(_UNITS[1:10])})\b)?" for tens in _TENS]
    + sorted(_UNITS, key=len, reverse=True)
)
_SEPARATOR = re.compile(r"[\s-]+")


def number(word: str) -> int:
    """'17' -> 17, 'seventeen' -> 17, 'twenty-three' -> 23 (a match of NUMBER_WORD or digits)."""
    if word.isdigit():
        return int(word)
    parts = _SEPARATOR.split(word)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.index(parts[1]) if len(parts) > 1 else 0)
    return _UNITS.index(parts[0])
