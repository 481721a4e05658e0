"""Ages, in digits or words: "24yo", "aged 17", "twenty-three year old", "Young woman, 19",
"lad of 19", "Jess is 19", "I'm seventeen", "19M", "a girl in my class (10)",
"client (f, 29)", "seventeen and a half", "only turned 18", "just gone 18"; a birthday
still to come is a year short ("nearly 18", "almost 26", "turns 18 next week", "he'll be
18 in May": 17 and 25); and ranges: "in her late teens", "early twenties", "(40s)", "a
Year 9 boy", "a teenager", "30ish", "about forty", "18 or 19", "twenty-something", and
bounds: "under 18", "not 18 yet", "a minor" (under 18), "over 25" (26 and above).

The first exact age said is the subject's ("two brothers, 15 and 22": 15). A range is
never taken as a single age: it goes to `Case.age_range`, when no exact age is said or
when it is said first, apart from the age ("in her early twenties ... the kids are 4
and 7"). The words for a person are in the lexicon (people.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vrn_assistant.understanding.extraction.cues import AUDIENCE_BEFORE, before, patterns, starts
from vrn_assistant.understanding.extraction.lexicon import lexicon
from vrn_assistant.understanding.extraction.numbers import NUMBER_WORD, number
from vrn_assistant.understanding.extraction.text import Prepared
from vrn_core.case import MAX_AGE, AgeRange

__all__ = ["AGE_CODED", "NUMBER_WORD", "AgeRead", "read_age"]

_N = rf"(?P<n>\d\d?\d?|{NUMBER_WORD})"  # a number, in "Jess is 19"
_N_SAID = rf"(?:\d\d?|{NUMBER_WORD})"  # an age's number, ungrouped
# What may not follow an age: a unit ("5 minutes"), a count ("16 partner agencies"),
# a range ("18-25"), a time ("10:30") or a decimal.
_NOT_AN_AGE_AFTER = (
    r"(?!\s*(?:%|percent\b|(?:months?|weeks?|days?|hours?|hrs?|minutes?|mins?|times|pm|am"
    r"|miles|quid|pounds|people|children|kids|pupils|schools|agencies|partner|young|men|women"
    r"|families|referrals|cases|staff|officers|volunteers)\b"
    r"|years?\s+ago\b|-?ish\b|[-–/]\s*\d|\s+(?:or|to)\s+\d|[.,:]\d|\d))"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# After "turns 18", "she's 18": the birthday is still to come, so the age now is a year less
_BIRTHDAY_AHEAD = re.compile(
    r"\s+(?:next\s+(?:week|month|year|\w+day)|this\s+(?:week|weekend|month|\w+day)|tomorrow"
    r"|soon|on\s+(?:the\s+\d\d?(?:st|nd|rd|th)?|\w+day)\b|in\s+(?:a\s+(?:few\s+|couple\s+of\s+)?"
    r"(?:days?|weeks?|months?)|(?:\d\d?|two|three|four|five|six|a\s+few)\s+(?:days?|weeks?|months?)"
    rf"|{_MONTH})\b)"
)
# "client (f, 29)", "(male, 19)": a gender said with the age
_GENDER_SAID = r"(?:m|f|male|female)"
# "seventeen and a half": an age; "two and a half years", "an hour and a half" are no ages
_AND_A_HALF = (
    r"\s+and\s+a\s+half\b(?!\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?"
    r"|miles|stone|pints|times)\b)"
)
# Every number in the question; each reading then checks the words before and after it,
# so the few numbers are looked at, not every position ("lad of 19", "Client is 28").
_NUMBER = re.compile(rf"(?P<n>\d{{1,3}}(?!\d)|(?:{NUMBER_WORD})\b)")


@dataclass(frozen=True)
class _Reading:
    """One way of saying an age: what comes before the number, and after it."""

    before: re.Pattern[str] | None  # ends in $; searched in the words before the number
    after: re.Pattern[str]  # matched where the number ends
    may_be_duration: bool = False  # "served 5 yrs" is a length of time
    anywhere: bool = False  # the number need not start a word ("aged17")
    digits: bool = False  # digits only
    counts_one: bool = False  # "one" may be the age ("aged one"); elsewhere it is a count
    short: bool = False  # a year short of the number said ("nearly 18", "will be 18 in May")
    birthday_may_follow: bool = False  # "she's 18 on Saturday": a birthday still to come


@cache
def _readings() -> tuple[_Reading, ...]:
    """The ways of saying an age, with the lexicon's words for a person (people.yaml)."""
    words = lexicon()
    person = rf"(?:{words.word('person')}|\bhe\b|\bshe\b|\[name\])"
    # "he hasn't got any kids and is 24": "and" carries the subject on
    person_is = rf"(?:{words.word('person_is')}|\[name\]|\band)"
    said = words.word("age_said")
    counted = rf"(?:{words.word('counted_of')})"
    qualifier = r"(?:(?:only|just|now|still|barely)\s+){0,2}"
    # "he's nearly 18", "lad, almost twenty-six", "coming up 18": a year short of it
    short_of = (
        r"(?:nearly|almost|coming\s+up(?:\s+to)?|(?:about|going)\s+to\s+turn|just\s+under"
        r"|not\s+quite)\s+$"
    )
    return (
        # "24 year old", "24-year-old", "twenty-three years of age"
        _Reading(
            None,
            re.compile(r"[\s-]*(?:years?|yrs?|yr|y)\.?[\s-]*(?:old|of\s+age)\b"),
            counts_one=True,
        ),
        # "24yo", "24 y/o"
        _Reading(None, re.compile(r"\s*(?:yo|y/o|y\.o\.?)(?![a-z/])(?!\s*ago\b)")),
        # "17yrs", "17 yr" (not "10yrs sentence", "5 yrs in prison"; "served 5 yrs")
        _Reading(
            None,
            re.compile(
                r"\s*(?:yrs?|yr)(?![a-z/])(?!\.?\s*(?:sentence|ago|in\s+(?:prison|jail|custody)"
                r"|inside|later|for))"
            ),
            may_be_duration=True,
        ),
        # "aged 17", "age 17", "age: 17", "at the age of 15" (not "aged 18-25")
        _Reading(
            re.compile(r"\bage(?:d|:)?\s*(?:of\s+)?$"),
            re.compile(r"\b(?!\s*(?:-|–|to|or)\s*\d)(?![.,]\d)"),
            anywhere=True,
            counts_one=True,
        ),
        # "Young woman, 19," / "[name], 22" / "Two brothers, 19 and 27"
        _Reading(
            re.compile(rf"{person}\s*,\s*$"),
            re.compile(
                r"(?!\s*(?:%|years?\s+ago|am|pm|people|times|children|kids|pupils|[-–]|\d"
                r"|[.,]\d|:\d))"
            ),
        ),
        # "lad 20 custody preston", "woman 31 in Ribbleton", "lad of 19", "Lady of 78"
        _Reading(re.compile(rf"{person}\s+$"), re.compile(_NOT_AN_AGE_AFTER)),
        # "client in Chorley 31, partner's controlling": a place between, the number last
        _Reading(
            re.compile(
                rf"{person}\s+(?:in|from)\s+(?!(?:year|yr|y|class|form|set|group|room|ward|bed"
                r"|cell|block|wing|number|no|unit|bay)\s)[a-z][\w'-]*\s+$"
            ),
            re.compile(rf"{_NOT_AN_AGE_AFTER}(?=\s*(?:[,.;!?]|$))"),
            digits=True,
        ),
        # ... but "mum of 3" counts her children
        _Reading(
            re.compile(rf"(?!{counted}\s)(?:{person})\s+of\s+$"), re.compile(_NOT_AN_AGE_AFTER)
        ),
        # "woman (19)", "grandkids (6 and 13)", "a girl in my class (10)", "client (f, 29)"
        _Reading(
            re.compile(rf"{person}(?:[ \t]+[\w'-]+){{0,4}}?\s*\(\s*(?:{_GENDER_SAID}\s*,\s*)?$"),
            re.compile(r"\s*(?:\)|,|&|and\b)"),
        ),
        # "he's nearly 18", "my son who's almost 26", "aged nearly 18", "coming up 18, held"
        _Reading(
            re.compile(
                rf"(?:{person_is}\s*(?:is|'s|are)\s+|{said}\s+|\bwho'?s\s+|\bage[ds]?\s+|[,(]\s*"
                rf"|^\s*){qualifier}{short_of}"
            ),
            re.compile(_NOT_AN_AGE_AFTER),
            short=True,
        ),
        # "he'll be 18 next month", "turning 18 on Friday": only with the birthday said
        _Reading(
            re.compile(r"\b(?:(?:will|'ll|ll)\s+be|turning)\s+$"),
            _BIRTHDAY_AHEAD,
            short=True,
        ),
        # "he is 17", "my son's 15.", "Client is 28", "kids are 4 and 12", "he turned 18 today"
        _Reading(
            re.compile(
                rf"{person_is}\s*(?:is|'s|are|turned|turns|(?:has\s+)?just\s+turned)\s+{qualifier}$"
            ),
            re.compile(_NOT_AN_AGE_AFTER),
            birthday_may_follow=True,
        ),
        # "male, only turned 18 last week", "twins in my class, both 9", "just gone 18"
        _Reading(
            re.compile(r"\b(?:turned|both|just\s+gone)\s+(?:aged\s+)?$"),
            re.compile(_NOT_AN_AGE_AFTER),
        ),
        # "seventeen and a half, charged with wounding" (not "two and a half years")
        _Reading(None, re.compile(_AND_A_HALF), may_be_duration=True),
        # "19, my mum's in prison": a number opening the question
        _Reading(re.compile(r"^\s*$"), re.compile(r"\s*,")),
        # "I'm seventeen", "im 14", "shes 19", "theyre 6 and 8"
        _Reading(re.compile(rf"{said}\s+{qualifier}$"), re.compile(_NOT_AN_AGE_AFTER)),
        # "Held at Burnley, 24, in for wounding", "my client - 23 - is": a number set apart
        _Reading(re.compile(r"[,:–-]\s*$"), re.compile(r"\s*(?:,|[-–]\s+(?!\d))"), digits=True),
    )


# "Jess is 19": a capitalised word said to be an age, where no redaction has run
_NAME_IS = re.compile(rf"\b[A-Z][a-z]+\s+(?:is|'s)\s+{_N}\b{_NOT_AN_AGE_AFTER}")
_NOT_NAMES = frozenset({"it", "there", "this", "that", "what", "which", "who", "he", "she"})
_FIRST_PERSON = re.compile(r"\s*(?:i'?m|i\s+am)\b")

# --- Ranges ---------------------------------------------------------------------------

_DECADES = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
_DECADES |= {"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_PART = r"(?:(?P<part>early|mid|late)[\s-]*)"
_DECADE = rf"(?P<decade>{'|'.join(_DECADES)}|[2-9]0'?s)"
_RANGES = (
    # "in her late teens", "early twenties", "in his 40s", "mid-thirties"
    re.compile(rf"\b(?:in\s+(?:his|her|their|my|your)\s+)?{_PART}?{_DECADE}\b"),
    # "a Year 9 boy", "in year 10", "yr 11" (not "Year 11 form tutor", "head of year 9")
    re.compile(
        r"(?<!\bof\s)\b(?:year|yr|y)\s*(?P<school>[7-9]|1[0-3])s?\b"
        r"(?!\s*(?:olds?|ago|old|(?:form\s+)?(?:teacher|tutor|lead|head|team|coordinator)s?)\b)"
    ),
    # "he's under 18", "an under-18", "she's not yet 18", "still below 16": ages below it
    re.compile(
        rf"(?:\b(?:is|'s|s|are|aged?|being|still|only|both|who'?s)\s+|\ban?\s+)"
        rf"(?:under|below|younger\s+than|less\s+than|not\s+yet)\s*-?\s*(?P<under>{_N_SAID})\b"
        r"(?!'?s\b|\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|%)\b)"
    ),
    # "he's not 18 yet": the same
    re.compile(rf"\bnot\s+(?P<under>{_N_SAID})\s+yet\b"),
    # "she's over 25", "older than 25": ages above it
    re.compile(
        rf"(?:\b(?:is|'s|s|are|aged?|being|well|who'?s)\s+|\ban?\s+)"
        rf"(?:over|above|older\s+than)\s*-?\s*(?P<over>{_N_SAID})\b"
        r"(?!'?s\b|\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|%|times)\b)"
    ),
    # "she's 18 or 19", "aged 18-20", "between 18 and 20": either end
    re.compile(
        r"\b(?:is|'s|s|are|aged?|probably|maybe|who'?s)\s+(?:between\s+)?"
        r"(?P<low>\d\d?)\s*(?:or|/|-|–|to|and|&)\s*(?P<high>\d\d?)\b"
        r"(?!\s*(?:%|times|people|months?|weeks?|days?|hours?|minutes?|pm|am)\b|[.:]\d)"
    ),
    # "a twenty-something lad", "20-something": the decade
    re.compile(r"\b(?P<something>twenty|thirty|forty|fifty|[2-5]0)[\s-]*something\b"),
    # "she's still a minor", "a juvenile in custody" (not "a minor injury")
    re.compile(
        r"\b(?:an?|still\s+a|is\s+a|as\s+a)\s+(?P<minor>minor|juvenile)\b"
        r"(?!\s+(?:injur|offen|assault|incident|cut|wound|crime|matter|role|part|issue|concern"
        r"|burn|bruis|fracture|head|problem|thing|change|point|detail|\w+ing\b))"
    ),
    # "a teenager", "teen in A&E", "teenage girl"
    re.compile(r"\b(?P<teen>teen|teenager|teenage|adolescent)\b"),
    # "30ish", "aged about forty", "around 40": two years either side
    re.compile(
        rf"\b(?:(?:about|around|roughly|approx\.?|approximately)\s+(?P<about>{_N_SAID})"
        rf"|(?P<ish>{_N_SAID})\s*-?\s*ish)\b(?!\s*(?:years?|yrs?|of\b)){_NOT_AN_AGE_AFTER}"
    ),
)


def _span(match: re.Match[str]) -> AgeRange:
    found = match.groupdict()
    if found.get("school"):
        year = int(found["school"])  # Year 7 is the year a child turns 12
        return AgeRange(min=year + 4, max=year + 5)
    if found.get("teen"):
        return AgeRange(min=13, max=19)
    if found.get("minor"):
        return AgeRange(min=0, max=17)
    if said := found.get("under"):
        return AgeRange(min=0, max=max(0, number(said) - 1))
    if said := found.get("over"):
        return AgeRange(min=min(MAX_AGE, number(said) + 1), max=MAX_AGE)
    if found.get("low"):
        low, high = sorted((int(found["low"]), int(found["high"])))
        return AgeRange(min=low, max=high)
    if said := found.get("something"):
        low = number(said)
        return AgeRange(min=low, max=low + 9)
    if said := found.get("about") or found.get("ish"):
        about = number(said)
        return AgeRange(min=max(0, about - 2), max=about + 2)
    decade = found["decade"]
    low = _DECADES.get(decade) or int(decade[0]) * 10
    low, high = (13, 19) if low == 10 else (low, low + 9)
    part = found.get("part")
    if part == "early":
        high = low + 3 if low != 13 else 15
    elif part == "mid":
        low, high = (14, 16) if low == 13 else (low + 4, low + 6)
    elif part == "late":
        low = 17 if low == 13 else low + 7
    return AgeRange(min=low, max=high)


@dataclass(frozen=True)
class AgeRead:
    """What the question says of the subject's age."""

    age: int | None = None
    span: AgeRange | None = None  # only when no exact age is said
    first_person: bool = False  # the asker gave their own age ("I'm 14")


# Before a number: money, decimals and ranges ("18-25") are no ages.
_NOT_AGE_BEFORE = re.compile(r"(?:[\d.,£$€]|\d\s*(?:-|–|to|and|or)\s*)$")
# "19M", "25yo F", on the original text
AGE_CODED = re.compile(r"(?<![£$€\d.,])\b(\d{1,2})\s?(?:yo\s?|y/o\s?)?([MF])\b")


def read_age(text: Prepared, notes: list[str]) -> AgeRead:
    """The subject's age: the first one said; any others are noted as someone else's.
    Without one, a range ("in her late teens"), said of the subject."""
    found: list[tuple[int, int, str]] = []
    plain = text.plain
    duration = patterns().duration_before
    for number_match in _NUMBER.finditer(plain):
        at, end = number_match.start(), number_match.end()
        said = number_match.group("n")
        if before(_NOT_AGE_BEFORE, plain, at, 12):
            continue
        at_word_start = at == 0 or not plain[at - 1].isalnum()
        for reading in _readings():
            if (reading.digits and not said.isdigit()) or (
                said == "one" and not reading.counts_one
            ):
                continue
            if not (at_word_start or reading.anywhere):
                continue
            lead = at
            if reading.before is not None:
                leading = reading.before.search(plain, max(0, at - 60), at)
                if leading is None:
                    continue
                lead = leading.start()
            tail = reading.after.match(plain, end)
            if tail is None or (reading.may_be_duration and before(duration, plain, at, 12)):
                continue
            age, said_end = number(said), tail.end()
            if reading.birthday_may_follow and "turned" not in plain[lead:at]:
                ahead = _BIRTHDAY_AHEAD.match(plain, end)
                if ahead is not None:
                    age, said_end = age - 1, ahead.end()
            elif reading.short:
                age -= 1
            found.append((lead, age, plain[lead:said_end].strip()))
            break
    for match in AGE_CODED.finditer(text.original):
        found.append((match.start(), int(match.group(1)), match.group()))
    for match in _NAME_IS.finditer(text.original):
        if match.group().split()[0].lower() not in _NOT_NAMES:
            found.append((match.start(), number(match.group("n").lower()), match.group()))
    ages = sorted((place, age, said) for place, age, said in found if 0 <= age <= 120)
    span = _first_range(text)
    if span is not None and (not ages or _range_first(text.rest, span, ages[0][0])):
        notes.append(f"age {_span(span)} from '{span.group().strip()}' (a range, not one age)")
        return AgeRead(span=_span(span))
    if not ages:
        return AgeRead()
    _, age, said = ages[0]
    notes.append(f"age {age} from '{said}'")
    others = sorted({other for _, other, _ in ages[1:] if other != age})
    if others:
        listed = ", ".join(str(other) for other in others)
        notes.append(f"also mentioned: age {listed} (taken as someone else's)")
    return AgeRead(age=age, first_person=bool(_FIRST_PERSON.match(said)))


def _first_range(text: Prepared) -> re.Match[str] | None:
    """The first range said of a person ("in her early twenties", "year 10", "30ish")."""
    rest = text.rest
    spans = sorted(
        ((match.start(), match) for pattern in _RANGES for match in starts(pattern, rest)),
        key=lambda hit: hit[0],
    )
    # A decade alone is an era ("the 80s"): it needs "in her", "early", "late" or brackets.
    spans = [
        (start, match)
        for start, match in spans
        if not before(AUDIENCE_BEFORE, rest, start, 30)
        and not (
            match.groupdict().get("decade")
            and not match.group("part")
            and not match.group().startswith("in ")
            and match.group("decade") != "teens"
            and not rest[:start].rstrip().endswith("(")
        )
    ]
    return spans[0][1] if spans else None


# Between a range and an age said after it, what makes the age another person's:
# a new clause or someone else's ("in her early twenties ... the kids are 4 and 7").
_ANOTHER_PERSON = re.compile(r"[.,;:!?()]|\b(?:his|her|their|my|our)\b")


def _range_first(rest: str, span: re.Match[str], age_at: int) -> bool:
    """Is the range the subject's, said before the first exact age and apart from it? A
    teenager said with an age ("teenage girl, 15") is that age."""
    if span.start() >= age_at or span.groupdict().get("teen"):
        return False
    return _ANOTHER_PERSON.search(rest, span.end(), age_at) is not None
