"""Ages, in digits or words: "24yo", "aged 17", "twenty-three year old", "Young woman, 19",
"19M"."""

from __future__ import annotations

import re

from vrn_assistant.understanding.extraction.cues import before, starts
from vrn_assistant.understanding.extraction.text import Prepared, words

__all__ = ["AGE_CODED", "NUMBER_WORD", "read_age"]

_UNITS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
# Every alternative opens with a letter, so patterns that start with it stay fast.
NUMBER_WORD = "|".join(
    [rf"{tens}(?:[\s-]?(?:{'|'.join(_UNITS[1:10])})\b)?" for tens in _TENS]
    + sorted(_UNITS, key=len, reverse=True)
)
_N = rf"(?P<n>\d\d?\d?|{NUMBER_WORD})"
_PERSON = (
    r"(?:man|woman|lad|lass|boy|girl|male|female|teen|teenager|son|daughter|child|kid|youth"
    r"|person|client|patient|victim|suspect|prisoner|pupil|student|mum|dad|mother|father|adult"
    r"|he|she|\[name\])"
)
# Each pattern opens with its number or key word so the regex engine can skip
# ahead; what must not come before it is checked in `read_age`. With each, whether
# what it matches can be a length of time ("served 5 yrs").
_NUMBER_FIRST = (
    # "24 year old", "24-year-old", "twenty-three years of age"
    (r"[\s-]*(?:years?|yrs?|yr|y)\.?[\s-]*(?:old|of\s+age)\b", False),
    # "24yo", "24 y/o"
    (r"\s*(?:yo|y/o|y\.o\.?)(?![a-z/])(?!\s*ago\b)", False),
    # "17yrs", "17 yr" (not "10yrs sentence", "5 yrs in prison"; "served 5 yrs" see below)
    (
        r"\s*(?:yrs?|yr)(?![a-z/])(?!\.?\s*(?:sentence|ago|in\s+(?:prison|jail|custody)|inside"
        r"|later|for))",
        True,
    ),
)
_AGE_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    *(
        (re.compile(rf"(?P<n>{number}){after}"), may_be_duration)
        for number in (r"\d\d?\d?", NUMBER_WORD)
        for after, may_be_duration in _NUMBER_FIRST
    ),
    # "aged 17", "age 17", "age: 17", "at the age of 15" (not "aged 18-25")
    (re.compile(rf"age(?:d|:)?\s*(?:of\s+)?{_N}\b(?!\s*(?:-|–|to|and|or)\s*\d)(?![.,]\d)"), False),
    # "Young woman, 19," / "[name], 22"
    (
        re.compile(
            rf"{_PERSON}\s*,\s*{_N}\b(?!\s*(?:%|years?\s+ago|am|pm|people|times|children|kids"
            r"|pupils|[-–]|\d|[.,]\d|:\d))"
        ),
        False,
    ),
    # "lad 20 custody preston"
    (
        re.compile(
            rf"{_PERSON}\s+{_N}\b(?=\s+(?:arrested|held|detained|custody|charged|from|who|with)\b"
            r"|\s*,)"
        ),
        False,
    ),
    # "woman (19)"
    (re.compile(rf"{_PERSON}\s*\(\s*{_N}\s*\)"), False),
    # "he is 17", "my son's 15."
    (
        re.compile(
            r"(?:he|she|who|son|daughter|child|boy|girl|lad|kid|brother|sister|client|pupil"
            r"|patient|victim)\s*(?:is|'s|turned|turns|(?:has\s+)?just\s+turned)\s+"
            rf"(?:only\s+|just\s+)?{_N}(?=\s*(?:$|[,.;:!?)]|\s(?:and|but|now|so)\b))"
        ),
        False,
    ),
)
# Before a number: money, decimals and ranges ("18-25") are no ages.
_NOT_AGE_BEFORE = re.compile(r"(?:[\d.,£$€]|\d\s*(?:-|–|to|and|or)\s*)$")
# Before "5 yrs": a length of time, not an age.
_DURATION_BEFORE = re.compile(
    r"\b(?:for|served|serving|spent|got|did|past|last|over|after|within|than|done)\s+$"
)
# "19M", "25yo F", on the original text
AGE_CODED = re.compile(r"(?<![£$€\d.,])\b(\d{1,2})\s?(?:yo\s?|y/o\s?)?([MF])\b")
_NUMBER_SEPARATOR = re.compile(r"[\s-]+")


def _number(word: str) -> int:
    if word.isdigit():
        return int(word)
    parts = _NUMBER_SEPARATOR.split(word)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.index(parts[1]) if len(parts) > 1 else 0)
    return _UNITS.index(parts[0])


def read_age(text: Prepared, notes: list[str]) -> int | None:
    """The subject's age: the first one said; any others are noted as someone else's."""
    found: list[tuple[int, int, str]] = []
    plain = text.plain
    for pattern, may_be_duration in _AGE_PATTERNS:
        for match in starts(pattern, plain):
            number = match.start("n")
            if before(_NOT_AGE_BEFORE, plain, number, 12) or (
                may_be_duration and before(_DURATION_BEFORE, plain, number, 12)
            ):
                continue
            found.append((match.start(), _number(match.group("n")), match.group().strip()))
    for match in AGE_CODED.finditer(text.original):
        found.append((match.start(), int(match.group(1)), match.group()))
    ages = sorted((place, age, said) for place, age, said in found if 0 <= age <= 120)
    if not ages:
        return None
    _, age, said = ages[0]
    notes.append(f"age {age} from '{said}'")
    others = sorted({other for _, other, _ in ages[1:] if other != age})
    if others:
        listed = ", ".join(str(other) for other in others)
        notes.append(f"also mentioned: age {listed} (taken as someone else's)")
    return age
