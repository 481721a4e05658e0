"""From a practitioner's free text to a `Case`, with rules and no language model.

`extract` reads age, place, setting, roles, issues, offence, gender, sector,
course and wants from a question with keyword tables and regular expressions,
and says in plain English what it read (`notes`) so the answer can show it and
the user can correct it. Places come from the gazetteer; programme names from
the catalogue, passed in.

The rules read the *subject* of the question where they can: a girl "whose
father is in prison" is a prisoner's child, not a parent or a prisoner; "her
boyfriend" says nothing about the subject's gender; "volunteer with young
people" does not make the asker a young person. Negations are read too: "no
violence" records violence as known absent, "not in custody" sets no setting.
Common misspellings of key words ("custdy", "assualt") are corrected first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from rapidfuzz import process
from rapidfuzz.distance import OSA

from vrn_core.case import Case, Gender, Issue, OffenceCategory, Role, Sector, Setting, Want
from vrn_core.places import Gazetteer, MatchStatus, PlaceMatch
from vrn_core.vocabulary import describe

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True)
class Extraction:
    """What was read from a question."""

    case: Case
    place: PlaceMatch | None  # the place the case is about (most specific in Lancashire)
    places: tuple[PlaceMatch, ...]  # every place found, in order
    asked_about: tuple[str, ...]  # programme ids the question names
    notes: tuple[str, ...]  # plain-English notes of what was read, for the user to check


_NO_PROGRAMMES: Mapping[str, Sequence[str]] = MappingProxyType({})


def extract(
    text: str,
    gazetteer: Gazetteer,
    programme_names: Mapping[str, Sequence[str]] = _NO_PROGRAMMES,
) -> Extraction:
    """Read a Case from free text. Never raises on any text; unknown facts stay None/empty."""
    notes: list[str] = []
    prepared = _prepare(text, notes)

    age = _age(prepared, notes)
    family = bool(prepared.family)
    for phrase in prepared.family:
        notes.append(f"'{phrase.strip()}': family of someone in prison")
    occupations = _occupations(prepared)
    roles = _roles(prepared, age, family, occupations)

    places = tuple(gazetteer.find_in_text(text))
    place = _choose_place(places, gazetteer, family and Role.prisoner not in roles)
    _note_places(place, places, notes)
    setting = _setting(prepared, places, place, roles, notes)
    issues, without = _issues(prepared, family)
    offence = _offence(prepared, roles, setting, without, notes)
    for issue in sorted(without):
        notes.append(f"{describe(issue)}: known not to be involved")
    course = _course(prepared, places, Role.student in roles, notes)
    if course is not None:
        roles.add(Role.student)
    case = Case(
        age=age,
        place=_place_text(place),
        setting=setting,
        roles=frozenset(roles),
        issues=frozenset(issues),
        without_issues=frozenset(without),
        offence=offence,
        gender=_gender(prepared),
        sector=next((sector for _, sector, _ in occupations if sector is not None), None),
        course=course,
        wants=frozenset(_wants(prepared)),
    )
    asked_about = _asked_about(text, programme_names, notes)
    return Extraction(
        case=case, place=place, places=places, asked_about=asked_about, notes=tuple(notes)
    )


# --- Preparing the text -------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class _Text:
    original: str
    plain: str  # lower case, aligned with `original`
    low: str  # lower case with misspellings of key words corrected
    rest: str  # `low` with family-of-a-prisoner phrases blanked out
    family: tuple[str, ...]  # those phrases


# Key words whose misspellings are worth correcting. A word of five letters or
# more is corrected when it is one edit from one of these (two for long words),
# starts with the same letter, and is not itself an ordinary word.
_VOCABULARY = _words(
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
    _words(
        "poison violet stabled stubbed stabling stubbing detailed policy polite herein heroic "
        "researched researches knaves heron"
    )
)
_TOKEN = re.compile(r"[a-z]+")


def _prepare(text: str, notes: list[str]) -> _Text:
    plain = text.lower()
    if len(plain) != len(text):  # a few characters grow when lower-cased; keep offsets aligned
        plain = "".join(ch.lower()[0] for ch in text)
    plain = plain.replace("’", "'").replace("‘", "'")
    low = _correct_spelling(plain, notes)
    family = [match for pattern in _FAMILY for match in pattern.finditer(low)]
    rest = low
    for match in family:
        start = match.start("family")
        rest = rest[:start] + " " * (match.end() - start) + rest[match.end() :]
    return _Text(text, plain, low, rest, tuple(match.group() for match in family))


def _max_edits(word: str) -> int:
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
            score_cutoff=_max_edits(word),
        )
        if best is None:
            continue
        pieces += [plain[last : token.start()], best[0]]
        last = token.end()
        notes.append(f"'{word}' read as '{best[0]}'")
    return "".join([*pieces, plain[last:]]) if pieces else plain


# --- Negation and context ------------------------------------------------------------

# A negation just before a cue: "not in custody", "no violence", "non-violent",
# "hasn't been arrested". Punctuation ends its reach; "not sure if" is no negation.
_NEGATED_BEFORE = re.compile(
    r"(?:(?:\b(?:not|no|never|without|nor|neither|no\s+longer)|n't)"
    r"(?!\s*(?:sure|certain|clear|only|just|known)\b)[\s-]+(?:[a-z']+\s+){0,2}"
    r"|\bnon[\s-]*)$"  # "non-" negates only the word it is attached to
)
# Somebody else's relative or pronoun: "her boyfriend", "whose father", "the boy's mum".
_OTHERS_BEFORE = re.compile(r"(?:\b(?:his|her|their|whose|your|its)\s+(?:[\w-]+\s+){0,3}?|'s\s+)$")
# The people a programme is for, not the subject: "for young people", "with children".
_AUDIENCE_BEFORE = re.compile(
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
_TEAM_WORDS = re.compile(r"\b(?:team|teams|staff|colleagues|workforce|professionals)\b")


def _cue(pattern: str) -> re.Pattern[str]:
    """Compile a cue for scanning whole questions; `_starts` keeps matches at word starts."""
    return re.compile(pattern)


def _at_word_start(text: str, start: int) -> bool:
    """A match opening with a letter or digit must start a word (not "ran" in "grant")."""
    if start == 0 or not text[start].isalnum():
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_")


def _starts(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of a `_cue` pattern that start at a word start."""
    return [match for match in pattern.finditer(text) if _at_word_start(text, match.start())]


def _negated(text: str, start: int) -> bool:
    return _NEGATED_BEFORE.search(text, max(0, start - 40), start) is not None


def _before(pattern: re.Pattern[str], text: str, start: int, reach: int = 40) -> bool:
    return pattern.search(text, max(0, start - reach), start) is not None


def _asker(text: str, start: int) -> bool:
    """Is the word at `start` the asker describing themselves or their organisation?"""
    if _before(_ASKER_BEFORE, text, start, 60):
        return True
    sentence = _SENTENCE_BREAK.split(text[max(0, start - 80) : start])[-1]
    at_start = start <= 80 or _SENTENCE_BREAK.search(text, max(0, start - 80), start)
    return bool(at_start) and _LEADING_WORDS.fullmatch(sentence) is not None


def _hits(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of a `_cue` pattern at word starts, not negated."""
    return [match for match in _starts(pattern, text) if not _negated(text, match.start())]


# --- Age ---------------------------------------------------------------------------

_UNITS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
# Every alternative opens with a letter, so `_cue` patterns stay fast.
_NUMBER_WORD = "|".join(
    [rf"{tens}(?:[\s-]?(?:{'|'.join(_UNITS[1:10])})\b)?" for tens in _TENS]
    + sorted(_UNITS, key=len, reverse=True)
)
_N = rf"(?P<n>\d\d?\d?|{_NUMBER_WORD})"
_PERSON = (
    r"(?:man|woman|lad|lass|boy|girl|male|female|teen|teenager|son|daughter|child|kid|youth"
    r"|person|client|patient|victim|suspect|prisoner|pupil|student|mum|dad|mother|father|adult"
    r"|he|she|\[name\])"
)
# Each pattern opens with its number or key word so the regex engine can skip
# ahead; what must not come before it is checked in `_age`.
_NUMBER_FIRST = (
    # "24 year old", "24-year-old", "twenty-three years of age"
    r"[\s-]*(?:years?|yrs?|yr|y)\.?[\s-]*(?:old|of\s+age)\b",
    # "24yo", "24 y/o"
    r"\s*(?:yo|y/o|y\.o\.?)(?![a-z/])(?!\s*ago\b)",
    # "17yrs", "17 yr" (not "10yrs sentence", "5 yrs in prison"; "served 5 yrs" see below)
    r"\s*(?:yrs?|yr)(?![a-z/])(?!\.?\s*(?:sentence|ago|in\s+(?:prison|jail|custody)|inside"
    r"|later|for))",
)
_AGE_PATTERNS = (
    *(_cue(rf"(?P<n>\d\d?\d?){after}") for after in _NUMBER_FIRST),
    *(_cue(rf"(?P<n>{_NUMBER_WORD}){after}") for after in _NUMBER_FIRST),
    # "aged 17", "age 17", "age: 17", "at the age of 15" (not "aged 18-25")
    _cue(rf"age(?:d|:)?\s*(?:of\s+)?{_N}\b(?!\s*(?:-|–|to|and|or)\s*\d)(?![.,]\d)"),
    # "Young woman, 19," / "[name], 22"
    _cue(
        rf"{_PERSON}\s*,\s*{_N}\b(?!\s*(?:%|years?\s+ago|am|pm|people|times|children|kids"
        r"|pupils|[-–]|\d|[.,]\d|:\d))"
    ),
    # "lad 20 custody preston"
    _cue(
        rf"{_PERSON}\s+{_N}\b(?=\s+(?:arrested|held|detained|custody|charged|from|who|with)\b"
        r"|\s*,)"
    ),
    # "woman (19)"
    _cue(rf"{_PERSON}\s*\(\s*{_N}\s*\)"),
    # "he is 17", "my son's 15."
    _cue(
        r"(?:he|she|who|son|daughter|child|boy|girl|lad|kid|brother|sister|client|pupil"
        r"|patient|victim)\s*(?:is|'s|turned|turns|(?:has\s+)?just\s+turned)\s+"
        rf"(?:only\s+|just\s+)?{_N}(?=\s*(?:$|[,.;:!?)]|\s(?:and|but|now|so)\b))"
    ),
)
# Before a number: money, decimals and ranges ("18-25") are no ages.
_NOT_AGE_BEFORE = re.compile(r"(?:[\d.,£$€]|\d\s*(?:-|–|to|and|or)\s*)$")
# Before "5 yrs": a length of time, not an age.
_DURATION_BEFORE = re.compile(
    r"\b(?:for|served|serving|spent|got|did|past|last|over|after|within|than|done)\s+$"
)
_YEARS_PATTERNS = (2, 5)  # the "17yrs" patterns, which can be a length of time
# "19M", "25yo F", on the original text
_AGE_CODED = re.compile(r"(?<![£$€\d.,])\b(\d{1,2})\s?(?:yo\s?|y/o\s?)?([MF])\b")
_NUMBER_SEPARATOR = re.compile(r"[\s-]+")


def _number(word: str) -> int:
    if word.isdigit():
        return int(word)
    parts = _NUMBER_SEPARATOR.split(word)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.index(parts[1]) if len(parts) > 1 else 0)
    return _UNITS.index(parts[0])


def _age(text: _Text, notes: list[str]) -> int | None:
    found: list[tuple[int, int, str]] = []
    plain = text.plain
    for index, pattern in enumerate(_AGE_PATTERNS):
        for match in _starts(pattern, plain):
            number = match.start("n")
            if _before(_NOT_AGE_BEFORE, plain, number, 12) or (
                index in _YEARS_PATTERNS and _before(_DURATION_BEFORE, plain, number, 12)
            ):
                continue
            found.append((match.start(), _number(match.group("n")), match.group().strip()))
    for match in _AGE_CODED.finditer(text.original):
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


# --- Family of a prisoner -------------------------------------------------------------

_RELATIVE = (
    r"(?:father|dad|daddy|mother|mum|mummy|mom|parents?|step[\s-]?(?:dad|mum|father|mother"
    r"|parent)|brother|sister|sibling|son|daughter|husband|wife|partner|boyfriend|girlfriend"
    r"|uncle|aunt(?:ie)?|grand(?:dad|father|ma|mother|pa|parent)|carer|family\s+member"
    r"|relative)"
)
_CUSTODIAL = (
    r"(?:(?:in|into|to|at)\s+(?:prison|jail|gaol|hmp|hmyoi|yoi|a\s+young\s+offenders?"
    r"(?:\s+institution)?)|serving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?"
    r"(?:sentence|time|years?)|locked\s+up|behind\s+bars"
    r"|inside\b(?!\s+(?:the|a|my|his|her|their|our|it|of|out)\b)|jailed|imprisoned|incarcerated"
    r"|on\s+remand|remanded|doing\s+time|sent\s+down)"
)
_FAMILY_AUX = (
    r"(?:(?:is|are|was|has|have|had|'s|s|just|been|currently|now|recently|got|gone|went|going"
    r"|being|sent|who\s+is|who's|that\s+is|and|\d{1,2})\s+){0,4}"
)
# A prison named after the phrase belongs to the prisoner: "...of a prisoner at HMP Haverigg".
_AT_PRISON = r"(?:\s+(?:at|in)\s+(?:hmp|hmyoi|yoi)\s+[a-z]+(?:\s+[a-z]+)?)?"
_FAMILY = (
    re.compile(
        rf"(?P<family>\b(?:whose|my|his|her|their|our|your|with\s+an?|has\s+an?|have\s+an?"
        rf"|having\s+an?)\s+(?:[\w-]+\s+)?{_RELATIVE}\s+{_FAMILY_AUX}{_CUSTODIAL}){_AT_PRISON}"
    ),
    # "mum of a prisoner": the relative stays (she is a mum), the prisoner goes.
    re.compile(
        r"\b(?:famil(?:y|ies)|child(?:ren)?|kids?|relatives?|loved\s+ones?|visitors?|partners?"
        rf"|{_RELATIVE}s?)\s+(?P<family>of\s+(?:a\s+|an\s+)?(?:prisoners?|inmates?"
        rf"|someone\s+in\s+(?:prison|jail)|people\s+in\s+(?:prison|jail)){_AT_PRISON})"
    ),
    re.compile(
        r"(?P<family>\bprisoners?'?\s*(?:s\s+)?(?:famil(?:y|ies)|children|kids|partners?"
        r"|relatives|loved\s+ones)|\bparental\s+imprisonment|\baffected\s+by\s+(?:a\s+|the\s+)?"
        r"(?:prison\s+sentence|imprisonment|parental\s+imprisonment|a\s+(?:parent|family\s+member"
        r"|relative)'?s?\s+(?:imprisonment|sentence|prison\s+sentence)))"
    ),
)


# --- Setting ------------------------------------------------------------------------

_CUSTODY_WORDS = (
    r"\bcustody\b(?!\s+(?:of|battle|dispute|hearing|arrangements?|case|order|rights|visits?))"
    r"(?<!child\scustody)(?<!shared\scustody)(?<!joint\scustody)(?<!full\scustody)"
    r"(?<!remanded\sin\scustody)"
    r"|\bcells?\b(?<!prison\scell)(?<!prison\scells)(?<!phone\scell)(?<!phone\scells)"
    r"|\bpolice\s+station\b|\bcustody\s+suites?\b"
)
_PRISON_WORDS = (
    r"\b(?:prisons?|jail|gaol|hmp|hmyoi|yoi|young\s+offenders?\s+institution|on\s+remand"
    r"|remanded|behind\s+bars|locked\s+up|incarcerated|imprisoned|jailed|inmates?|prisoners?"
    r"|custodial\s+sentence|doing\s+time|sent\s+down|lifer)\b"
    r"|\bserving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?(?:sentence|time)\b"
    r"|\b(?:is|been|was|'s|while|whilst|time|years|months|spent|currently|still)\s+inside\b"
    r"(?!\s+(?:the|a|an|my|his|her|their|our|it|of|out|and)\b)"
)
_ED_WORDS = (
    r"\ba\s*&\s*e\b|\ba\s+and\s+e\b|\baccident\s+and\s+emergency\b|\bemergency\s+department\b"
    r"|\bcasualty\b(?!\s+(?:of|figures|rates?))|\bemergency\s+room\b"
)
_SETTING_STRONG: tuple[tuple[re.Pattern[str], Setting], ...] = (
    (_cue(_CUSTODY_WORDS), Setting.police_custody),
    (_cue(_PRISON_WORDS), Setting.prison),
    (_cue(_ED_WORDS), Setting.hospital_emergency_department),
)
_SETTING_WEAK: tuple[tuple[re.Pattern[str], Setting], ...] = (
    (
        _cue(r"\barrest(?:ed)?\b(?!\s+referral)|\bdetained\b(?!\s+under)"),
        Setting.police_custody,
    ),
    (_cue(r"\bhospital\b"), Setting.hospital_emergency_department),
    (
        _cue(
            r"\bschools?\b|\bpupils?\b|\bhead\s*teachers?\b|\bheadteachers?\b|\bclassrooms?\b"
            r"|\bsixth\s+form\b|\bsenco\b|\bdesignated\s+safeguarding\s+lead\b|\bacadem(?:y|ies)\b"
        ),
        Setting.school,
    ),
    (
        _cue(
            r"\buniversit(?:y|ies)\b|\buni\b|\buclan\b|\bundergrad(?:uate)?s?\b"
            r"|\bpostgrad(?:uate)?s?\b|\bdegree\b|\blecturers?\b|\bcampus\b|\bbsc\b|\bmsc\b"
        ),
        Setting.university,
    ),
    (_cue(r"\bin\s+the\s+community\b"), Setting.community),
)
_STUDENT_SETTING = _cue(r"\bstudents?\b")
_ED_ORIGINAL = re.compile(r"\bED\b")
_RELEASED_BEFORE = re.compile(
    r"\b(?:released\s+from|out\s+of|left|leaving|after|since|came\s+out\s+of|got\s+out\s+of"
    r"|ex|former|previous(?:ly)?)[\s-]+(?:\w+\s+)?$"
)
_PRISON_NOT_PRISONER_AFTER = re.compile(
    r"\s*(?:staff|officers?|service|governors?|chaplains?|workers?|visits?|visiting|visitors?"
    r"|leavers?|healthcare|nurses?|education|teachers?|estate|system|reform)\b"
)
_WORKER_BEFORE = re.compile(
    r"\b(?:work(?:s|ed|ing)?|based|staff|employed|volunteer(?:s|ing)?|visit(?:s|ed|ing)?"
    r"|officers?|nurse)\s+(?:in|at|on)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:work(?:s|ed|ing)?|based|employed|staff|officers?|nurses?|teachers?|volunteers?)\s+$"
)
_NOW_BEFORE = re.compile(r"\b(?:now|currently|still|today|is|'s|are)\s+(?:[\w-]+\s+){0,2}$")


def _setting(
    text: _Text,
    places: Sequence[PlaceMatch],
    place: PlaceMatch | None,
    roles: set[Role],
    notes: list[str],
) -> Setting | None:
    family_only = Role.prisoner_family in roles and Role.prisoner not in roles
    found: list[tuple[int, Setting, str]] = []
    for pattern, setting in _SETTING_STRONG:
        for match in _hits(pattern, text.rest):
            if setting is Setting.prison and (
                family_only or _before(_RELEASED_BEFORE, text.rest, match.start(), 30)
            ):
                continue
            found.append((match.start(), setting, match.group()))
    for match in _ED_ORIGINAL.finditer(text.original):
        found.append((match.start(), Setting.hospital_emergency_department, match.group()))
    if found:
        # "arrested, now in HMP Preston": a setting said to be current wins; else the first.
        current = [hit for hit in found if _before(_NOW_BEFORE, text.rest, hit[0], 30)]
        _, setting, said = sorted(current)[-1] if current else sorted(found)[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return setting
    weak = sorted(
        (match.start(), setting, match.group())
        for pattern, setting in _SETTING_WEAK
        for match in _hits(pattern, text.rest)
    )
    if weak:
        _, setting, said = weak[0]
        notes.append(f"setting: {describe(setting)} (from '{said.strip()}')")
        return setting
    ordered = [place, *places] if place is not None else list(places)
    for candidate in ordered:
        site = candidate.place
        if site is None or site.setting is None:
            continue
        if site.setting is Setting.prison and family_only:
            continue
        notes.append(f"setting: {describe(site.setting)} (from the place {site.display})")
        return site.setting
    if _starts(_STUDENT_SETTING, text.rest):
        notes.append("setting: a university (from 'student')")
        return Setting.university
    return None


# --- Roles --------------------------------------------------------------------------

_SUSPECT = _cue(
    r"\barrest(?:ed|s)?\b(?!\s+referral)|\bdetained\b(?!\s+under)|\bcharged\s+(?:with|for)\b"
    r"|\bsuspect(?:s|ed)?\b(?<!\bi\ssuspect)(?<!\bwe\ssuspect)|\boffend(?:er|ers|ing|s)?\b|\bre-?offend\w*"
    r"|\bperpetrators?\b|\baccused\b|\b(?:held|kept)\s+(?:in|at|for)\b|\bon\s+bail\b|\bbailed\b"
    r"|\breleased\s+under\s+investigation\b|\bcautioned\b|\bconvicted\b"
    r"|\bin\s+(?:[\w-]+\s+){0,2}?custody\b"
    r"|\bcommitted\s+(?:an?\s+)?(?:offence|crime|assault|robbery)"
)
_VICTIM = _cue(
    r"\bvictims?\b(?!\s+support|'s)|\bsurvivors?\b"
    r"|\b(?:was|been|being|got|is|were)\s+(?:\w+\s+)?(?:assaulted|attacked|abused|raped|stabbed"
    r"|beaten|hit|punched|mugged|robbed|threatened|groomed|exploited|bullied|harassed|stalked"
    r"|glassed|strangled|controlled|coerced)\b"
    r"|\b(?:assaulted|attacked|abused|beaten|hit|hurt|stabbed|raped|strangled|threatened|robbed"
    r"|mugged|glassed|exploited|groomed|controlled)\s+by\b"
    r"|\b(?:controlling|abusive|coercive|violent)\s+(?:relationship|partner|husband|wife"
    r"|boyfriend|girlfriend|ex)\b|\bcoercive\s+control\b"
    r"|\b(?:experiencing|suffering|fleeing|escaping|survived|living\s+with)\s+(?:domestic\s+)?"
    r"(?:abuse|violence)\b"
    r"|(?:\b(?:my|his|her|their)|'s)\s+(?:partner|boyfriend|girlfriend|husband|wife"
    r"|ex(?:[\s-]partner)?)\s+(?:\w+\s+)?(?:hits|beats|abuses|controls|assaults|attacks"
    r"|stalks|harasses|follows|strangles|threatens|hurts|is\s+(?:violent|abusive|controlling))\b"
    r"|\bsubject\s+to\s+(?:domestic\s+)?(?:abuse|violence)"
)
# "the victim" beside an arrest is someone else.
_OTHER_VICTIM_BEFORE = re.compile(r"\b(?:the|his|her|their|a)\s+$")
_PRISONER = _cue(
    # "at HMP Preston" alone may be a programme's site; "in prison" is a person's
    r"\b(?:in|into|to)\s+(?:prison|jail|gaol|hmp|hmyoi|yoi)\b|\bprisoners?\b|\binmates?\b"
    r"|\bprison\s+(?:dads?|fathers?|mums?|mothers?|parents?)\b"
    r"|\bserving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?(?:sentence|time)\b"
    r"|\blocked\s+up\b|\bbehind\s+bars\b|\bjailed\b|\bimprisoned\b|\bincarcerated\b"
    r"|\bon\s+remand\b|\bremanded\b|\bdoing\s+time\b|\bsent\s+down\b|\bcustodial\s+sentence\b"
    r"|\blifers?\b"
    r"|\b(?:is|been|was|'s|while|whilst|time|years|months|spent|currently|still)\s+inside\b"
    r"(?!\s+(?:the|a|an|my|his|her|their|our|it|of|out|and)\b)"
)
_PARENT = _cue(
    r"\b(?:dad|dads|daddy|father|fathers|mum|mums|mummy|mom|mother|mothers|parent|parents"
    r"|step[\s-]?(?:dad|mum|father|mother|parent)s?|grandparents?|grandma|grandad|granddad"
    r"|grandmother|grandfather|guardian|carer)\b(?!\s+of\s+(?:the|a|an)\s+(?:victim|suspect))"
    r"(?<!young\scarer)"
)
_HAS_CHILD = _cue(
    r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+){0,4}?(?:sons?|daughters?|child|children|kids?"
    r"|bab(?:y|ies)|toddlers?|teenagers?|twins|stepsons?|stepdaughters?)\b"
    r"|\b(?:mum|mother|dad|father|parent)[\s-]+of[\s-]+(?:one|two|three|four|five|\d)\b"
    rf"|\b(?:my|our)\s+(?:{_NUMBER_WORD})[\s-]*(?:years?|yrs?)[\s-]*old\b"
    r"|\b(?:my|our)\s+\d{1,2}[\s-]*(?:years?|yrs?|yo)(?:[\s-]*old)?\b"
)
_CHILD = _cue(
    r"\b(?:child|children|kid|kids|girl|girls|boy|boys|toddlers?|baby|infant|pupils?"
    r"|schoolboy|schoolgirl|little\s+one)\b(?!['’]s|s')"
    r"|\b(?:my|a|the|our)\s+(?:[\w-]+\s+){0,4}?(?:son|daughter)\b"
)
_YOUNG = _cue(
    r"\b(?:teen|teens|teenager|teenagers|teenage|adolescents?|lads?|lass|youths?|juveniles?"
    r"|young\s+(?:person|people|man|men|woman|women|adults?|lad|lass|offenders?|mum|dad"
    r"|father|mother|parent|girl|boy))\b"
    r"(?!\s+(?:workers?|work|services?|club|justice|offending|team|organisations?))"
)
_STUDENT = _cue(
    r"\bstudents?\b|\bstudying\b|\bi\s+study\b|\bundergrad(?:uate)?s?\b|\bpostgrad(?:uate)?s?\b"
    r"|\bi'?m\s+on\s+(?:the|a|an)\s+(?:[\w&-]+\s+){0,5}?(?:course|degree|programme)\b"
    r"|\b(?:my|doing\s+a|studying\s+for\s+a)\s+(?:[\w-]+\s+){0,3}?degree\b|\bfreshers?\b"
    r"|\bdissertation\b"
)
_RESEARCHER = _cue(
    r"\bresearchers?\b|\bacademics?\b|\bphd\b|\blecturers?\b|\bprofessors?\b"
    r"|\b(?:my|our|doing|conducting|carrying\s+out)\s+(?:\w+\s+)?research\b|\bresearching\b"
)
_POLICY = _cue(
    r"\bpolicy[\s-]?makers?\b|\bpolicymakers?\b|\bcommissioners?\b|\bpccs?\b|\bcouncillors?\b"
    r"|\bpolicy\s+(?:officers?|leads?|advis[eo]rs?|team)\b|\bcommissioning\b"
)
_ORGANISATION = _cue(
    r"\bour\s+(?:[\w-]+\s+){0,2}?(?:association|charity|organi[sz]ation|agency|council|service"
    r"|school|trust|company|business|club|group|academy|college|practice|surgery|partnership"
    r"|department|network|provider)\b"
    r"|\b(?:we'?re|we\s+are)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:charity|organi[sz]ation|agency"
    r"|association|provider|service|group|club|trust|cic|business|company|school|council"
    r"|partnership)\b"
    r"|\bagency\b|\bagencies\b|\bpartner\s+organi[sz]ations?\b|\bhousing\s+associations?\b"
)


def _roles(
    text: _Text,
    age: int | None,
    family: bool,
    occupations: Sequence[tuple[int, Sector | None, Role]],
) -> set[Role]:
    rest = text.rest
    roles: set[Role] = set()
    if family:
        roles.add(Role.prisoner_family)
    suspect = [m for m in _hits(_SUSPECT, rest) if not _before(_WORKER_BEFORE, rest, m.start())]
    if suspect:
        roles.add(Role.suspect)
    for match in _hits(_VICTIM, rest):
        if suspect and _before(_OTHER_VICTIM_BEFORE, rest, match.start(), 8):
            continue
        roles.add(Role.victim)
        break
    for match in _hits(_PRISONER, rest):
        start, end = match.start(), match.end()
        if (
            _before(_RELEASED_BEFORE, rest, start, 30)
            or _before(_WORKER_BEFORE, rest, start)
            or _PRISON_NOT_PRISONER_AFTER.match(rest, end)
        ):
            continue
        roles.add(Role.prisoner)
        break
    if any(
        not _before(_OTHERS_BEFORE, rest, m.start(), 30)
        and not _before(_AUDIENCE_BEFORE, rest, m.start(), 30)
        for m in _hits(_PARENT, rest)
    ) or _hits(_HAS_CHILD, rest):
        roles.add(Role.parent)
    if any(
        not _before(_OTHERS_BEFORE, rest, m.start(), 30)
        and not _before(_AUDIENCE_BEFORE, rest, m.start(), 30)
        for m in _hits(_CHILD, rest)
    ) or (age is not None and age < 18):
        roles.add(Role.child)
    if any(not _before(_AUDIENCE_BEFORE, rest, m.start(), 30) for m in _hits(_YOUNG, rest)) or (
        age is not None and 13 <= age < 18
    ):
        roles.add(Role.young_person)
    if _hits(_STUDENT, rest):
        roles.add(Role.student)
    if _hits(_RESEARCHER, rest):
        roles.add(Role.researcher)
    if _hits(_POLICY, rest):
        roles.add(Role.policy_maker)
    if _hits(_ORGANISATION, rest):
        roles.add(Role.organisation)
    roles.update(role for _, _, role in occupations)
    return roles


# --- Occupations: practitioner roles and sectors ------------------------------------

_OCCUPATIONS: tuple[tuple[re.Pattern[str], Sector | None, Role], ...] = tuple(
    (_cue(pattern), sector, role)
    for pattern, sector, role in (
        (
            r"\bsocial\s+work(?:ers?)?\b|\bsocial\s+care\b|\bchildren'?s\s+services\b"
            r"|\bfamily\s+support\s+workers?\b",
            Sector.social_care,
            Role.practitioner,
        ),
        (
            r"\bhead\s*teachers?\b|\bheadteachers?\b|\b(?:school|primary|secondary|deputy"
            r"|assistant)\s+(?:school\s+)?head\b|\bhead\s+of\s+(?:year|school)\b|\bteachers?\b"
            r"|\bsenco\b|\bdsl\b|\bdesignated\s+safeguarding\s+leads?\b|\bteaching\s+assistants?\b"
            r"|\bschool\s+(?:staff|team)\b|\bwork\s+(?:in|at)\s+a\s+(?:\w+\s+)?school\b",
            Sector.education,
            Role.practitioner,
        ),
        (
            r"\bnurses?\b|\bdoctors?\b|\bgps?\b|\bparamedics?\b|\bmidwi(?:fe|ves)\b"
            r"|\bhealth\s+visitors?\b|\bclinicians?\b|\b(?:a&e|a\s+and\s+e|ed|emergency"
            r"\s+department|hospital|nhs|ward)\s+(?:staff|team|nurse|doctor|consultant|clinician"
            r"|workers?)\b|\bwork\s+(?:in|at)\s+(?:a&e|a\s+hospital|the\s+hospital|the\s+ed)\b",
            Sector.health,
            Role.practitioner,
        ),
        (
            r"\bpublic\s+health\s+researchers?\b",
            Sector.public_health,
            Role.researcher,
        ),
        (
            r"\bpublic\s+health\s+(?:team|staff|practitioners?|professionals?"
            r"|specialists?|consultants?|officers?|leads?|workers?)\b",
            Sector.public_health,
            Role.practitioner,
        ),
        (
            r"\bprobation(?:\s+officers?|\s+service)?\b|\bprison\s+(?:officers?|staff|governors?"
            r"|workers?)\b|\byot\b|\byouth\s+(?:offending|justice)\s+(?:team|service|workers?)\b"
            r"|\boffender\s+managers?\b|\bmagistrates?\b|\bcourt\s+staff\b",
            Sector.justice,
            Role.practitioner,
        ),
        (
            r"\bhousing\s+(?:officers?|team|staff|workers?|support\s+workers?)\b",
            Sector.housing,
            Role.practitioner,
        ),
        (
            r"\bhousing\s+(?:associations?|providers?)\b|\blandlords?\b",
            Sector.housing,
            Role.organisation,
        ),
        (
            r"\bpolice\s+(?:officers?|staff|sergeants?|constables?)\b|\bpcsos?\b|\bsergeants?\b"
            r"|\bdetectives?\b|\bcustody\s+(?:staff|sergeants?|officers?|team)\b"
            r"|\bdetention\s+officers?\b|\bneighbourhood\s+(?:policing\s+)?team\b"
            r"|\bwork(?:s|ing)?\s+in\s+(?:police\s+)?custody\b|\bofficers?\b|\bin\s+the\s+police\b",
            Sector.policing,
            Role.practitioner,
        ),
        (
            r"\bcharit(?:y|ies)\b|\bvoluntary\s+(?:sector|organi[sz]ations?|groups?)\b"
            r"|\bthird\s+sector\b|\bvcfse?\b|\bcommunity\s+(?:groups?|organi[sz]ations?)\b",
            Sector.voluntary,
            Role.organisation,
        ),
        (
            r"\bcouncils?\b|\blocal\s+authority\b|\bcommunity\s+safety\s+partnership\b",
            Sector.local_government,
            Role.organisation,
        ),
        (
            r"\buniversit(?:y|ies)\s+(?:researchers?|lecturers?|staff)\b|\bacademics?\b"
            r"|\blecturers?\b|\bprofessors?\b|\bresearchers?\b",
            Sector.academic,
            Role.researcher,
        ),
        (
            r"\bidvas?\b|\bisvas?\b|\bpractitioners?\b|\byouth\s+workers?\b|\bsupport\s+workers?\b"
            r"|\bkey\s*workers?\b|\bcase\s*workers?\b|\boutreach\s+workers?\b|\bcounsell?ors?\b"
            r"|\btherapists?\b|\bpsychologists?\b|\bmentors?\b|\bcoach(?:es)?\b|\bnavigators?\b"
            r"|\bprofessionals?\b(?!\s+policing)|\bstaff\b|\bcolleagues?\b|\bteam\b|\bworkforce\b"
            r"|\bsafeguarding\s+leads?\b|\bi\s+work\b|\bwe\s+work\b",
            None,
            Role.practitioner,
        ),
    )
)


def _occupations(text: _Text) -> list[tuple[int, Sector | None, Role]]:
    """Occupations of the asker, in order: 'I'm a nurse', 'our team', 'custody staff'."""
    found: list[tuple[int, Sector | None, Role]] = []
    low = text.low
    for pattern, sector, role in _OCCUPATIONS:
        for match in _hits(pattern, low):
            start = match.start()
            if (
                _asker(low, start)
                or _TEAM_WORDS.search(match.group())
                or role is Role.researcher
                or match.group().startswith(("i work", "we work"))
            ):
                found.append((start, sector, role))
    return sorted(found, key=lambda hit: hit[0])


# --- Gender -------------------------------------------------------------------------

_MALE = _cue(
    r"\b(?:man|lad|boy|son|dad|daddy|father|male|gentleman|mr|stepson|stepdad|grandson|brother)\b"
)
_FEMALE = _cue(
    r"\b(?:woman|lady|lass|girl|daughter|mum|mummy|mom|mother|female|mrs|ms|miss|stepdaughter"
    r"|stepmum|granddaughter|sister)\b"
)
# "her boyfriend", "his kids": the possessive is the subject's.
_RELATION = (
    r"\s+(?:partner|boyfriend|girlfriend|husband|wife|ex|ex-partner|son|daughter|kids|children"
    r"|child|baby)\b"
)
_HIS_RELATION = _cue(rf"\bhis{_RELATION}")
_HER_RELATION = _cue(rf"\bher{_RELATION}")
_HE = _cue(r"\b(?:he|him|his|himself)\b")
_SHE = _cue(r"\b(?:she|her|hers|herself)\b")


def _gender(text: _Text) -> Gender | None:
    rest = text.rest

    def strong(pattern: re.Pattern[str]) -> bool:
        return any(not _before(_OTHERS_BEFORE, rest, m.start(), 30) for m in _starts(pattern, rest))

    coded = {match.group(2) for match in _AGE_CODED.finditer(text.original)}
    male = strong(_MALE) or "M" in coded or bool(_starts(_HIS_RELATION, rest))
    female = strong(_FEMALE) or "F" in coded or bool(_starts(_HER_RELATION, rest))
    if male != female:
        return Gender.male if male else Gender.female
    if male:
        return None  # both: the question is about more than one person
    he, she = bool(_starts(_HE, rest)), bool(_starts(_SHE, rest))
    if he != she:
        return Gender.male if he else Gender.female
    return None


# --- Issues and offence -------------------------------------------------------------

_ISSUES: tuple[tuple[re.Pattern[str], Issue], ...] = tuple(
    (_cue(pattern), issue)
    for pattern, issue in (
        (
            r"\bassault\w*|\bgbh\b|\babh\b|\bwounding\b|\baffray\b|\brobber(?:y|ies)\b"
            r"|\bmugg(?:ed|ing)\b|\bstab(?:bing|bings|bed|s)?\b|\bfight(?:s|ing)?\b"
            r"(?!\s+(?:for|against|back|addiction|it))|\bfought\b|\bviolen(?:t|ce)\b"
            r"(?!\s+reduction)|\battack(?:s|ed|ing)?\b(?<!heart\sattack)(?<!panic\sattack)"
            r"|\bpunch(?:ed|ing|es)?\b|\bglass(?:ed|ing)\b|\bbeaten\b|\bbeat\s+(?:up|him|her"
            r"|them|someone)\b|\bknife\s+crime\b|\bsection\s+(?:18|20|47)\b|\bs(?:18|20|47)\b"
            r"|\bthreats?\s+to\s+kill\b|\bbrawl\w*|\bmurder\w*|\bmanslaughter\b|\bstrangl\w+"
            r"|\bshooting\b",
            Issue.violence,
        ),
        (
            r"\bdomestic\b(?!\s+burglar)|\bdv\b|\bpartner\s+abuse\b|\bintimate\s+partner\b|\bipv\b"
            r"|\babusive\s+(?:relationship|partner|husband|wife|boyfriend|girlfriend|ex)\b"
            r"|\bcontrolling\s+(?:relationship|partner|behaviou?r|husband|wife|boyfriend"
            r"|girlfriend|ex)\b|\bcoerci(?:ve|on)\b|\bidvas?\b|\bmarac\b|\bdash\s+risk\b"
            r"|\bhonou?r[\s-]+based\b|\bforced\s+marriage\b"
            r"|\b(?:assaulted|attacked|abused|beaten|hit|hurt|strangled|threatened|controlled"
            r"|stalked|harassed)\s+by\s+(?:her|his|their|my|an?|the)?\s*(?:ex[\s-]?)?(?:partner"
            r"|boyfriend|girlfriend|husband|wife|ex)\b"
            r"|\b(?:threatening|hitting|attacking|assaulting|abusing|beating|hurting|strangling"
            r"|controlling)\s+(?:his|her|their)\s+(?:partner|girlfriend|boyfriend|wife|husband"
            r"|ex)\b"
            r"|(?:\b(?:my|his|her|their|whose)|'s)\s+(?:partner|boyfriend|girlfriend|husband|wife"
            r"|ex(?:[\s-]partner)?)\s+(?:\w+\s+){0,2}?(?:hit(?:s|ting)?|beat(?:s|ing)?"
            r"|abus(?:e|es|ed|ing)|control(?:s|led|ling)?|assault(?:s|ed|ing)?|attack(?:s|ed|ing)?"
            r"|stalk(?:s|ed|ing)?|harass(?:es|ed|ing)?|follow(?:s|ed|ing)|strangl(?:e|es|ed|ing)"
            r"|threaten(?:s|ed|ing)?|hurt(?:s|ing)?|is\s+(?:violent|abusive|controlling))\b",
            Issue.domestic_abuse,
        ),
        (
            r"\bdrugs?\b|\bheroine?\b|\bcrack\b(?!\s+down)|\bcocaine\b|\bcoke\b|\bopiates?\b"
            r"|\bopioids?\b|\bspice\b|\bcannabis\b|\bweed\b|\bskunk\b|\bketamine\b|\bmdma\b"
            r"|\becstasy\b|\bmethadone\b|\bamphetamines?\b|\bcounty\s+lines?\b"
            r"|\baddict(?:ion|ed|s)?\b(?!\s+to\s+(?:gambling|gaming|alcohol|porn|social\s+media"
            r"|(?:his|her|their)\s+phones?|phones?))|\bdealing\b(?!\s+with)|\bdealers?\b"
            r"|\bsubstance\s+(?:misuse|abuse|use)\b|\boverdos\w+|\bpwits\b"
            r"|\bpossession\s+with\s+intent\b",
            Issue.drugs,
        ),
        (
            r"\bkni(?:fe|ves|fes)\b|\bblades?\b|\bbladed\b|\bmachetes?\b|\bknife\s*free\b"
            r"|\bstab(?:bing|bings|bed|s)?\b|\bweapons?\b|\bunarmed\b",
            Issue.knives,
        ),
        (
            r"\btrauma\w*|\bptsd\b|\badverse\s+childhood\s+experiences?\b",
            Issue.trauma,
        ),
        (
            r"\bpublic[\s-]+health\s+(?:approach(?:es)?|model|lens|perspective|framework"
            r"|response|in\s+policing|and\s+policing)\b",
            Issue.public_health_approach,
        ),
        (r"\bparental\s+imprisonment\b", Issue.family_imprisonment),
    )
)
_ISSUES_ORIGINAL: tuple[tuple[re.Pattern[str], Issue], ...] = (
    (re.compile(r"\bACEs?\b"), Issue.trauma),
    (re.compile(r"\bDA\b"), Issue.domestic_abuse),
)
_UNARMED = re.compile(r"\bunarmed\b")


def _issues(text: _Text, family: bool) -> tuple[set[Issue], set[Issue]]:
    found: set[Issue] = {Issue.family_imprisonment} if family else set()
    negated: set[Issue] = set()
    low = text.low
    for pattern, issue in _ISSUES:
        for match in _starts(pattern, low):
            if _negated(low, match.start()) or _UNARMED.fullmatch(match.group()):
                negated.add(issue)
            else:
                found.add(issue)
    for pattern, issue in _ISSUES_ORIGINAL:
        if pattern.search(text.original):
            found.add(issue)
    return found, negated - found


_VIOLENT_OFFENCE = _cue(
    r"\bassault\w*|\bgbh\b|\babh\b|\bwounding\b|\baffray\b|\brobber(?:y|ies)\b|\bmugg(?:ing|ed)\b"
    r"|\bstabbing\b|\bviolen(?:t|ce)\b(?!\s+reduction)|\bfight(?:s|ing)?\b(?!\s+(?:for|against))"
    r"|\bfought\b|\bmurder\b|\bmanslaughter\b|\bsection\s+(?:18|20|47)\b|\bs(?:18|20|47)\b"
    r"|\bthreats?\s+to\s+kill\b|\bglassing\b|\bbrawl\w*|\bpunch\w*|\bstrangulation\b"
    r"|\bkidnap\w*"
)
_DRUG_OFFENCE = _cue(
    r"\bpossession\s+with\s+intent\b|\bpwits\b|\bsupply(?:ing)?\b|\bdealing\b(?!\s+with)"
    r"|\bdealers?\b|\bcounty\s+lines\b|\bpossession\s+of\s+(?:drugs|cannabis|cocaine|heroin|crack"
    r"|class)\b|\bdrugs?\s+(?:offences?|charges?|possession|dealing|supply)\b|\bcultivat\w+"
)
_NON_VIOLENT_OFFENCE = _cue(
    r"\bshoplift\w*|\btheft\b|\bthieving\b|\bstealing\b|\bstole\b|\bstolen\b|\bburglar\w*"
    r"|\bcriminal\s+damage\b|\bfraud\b|\bdrink[\s-]?driv\w*|\bdrunk[\s-]?driv\w*"
    r"|\bdriving\s+(?:offences?|while|without|disqualified)\b|\bvandalism\b|\btwoc\b"
    r"|\bbreach\s+of\s+(?:bail|the\s+peace|an?\s+order)\b|\bpublic\s+order\b"
    r"|\bdrunk\s+and\s+disorderly\b|\banti[\s-]?social\s+behaviou?r\b|\bbeing\s+drunk\b"
)
# "knife crime" and "violent crime" are topics, not offences: no "crime" here.
_OFFENCE_CONTEXT = _cue(r"\boffen[cs]es?\b|\bcharged\b|\bconvicted\b")


def _offence(
    text: _Text,
    roles: set[Role],
    setting: Setting | None,
    without: set[Issue],
    notes: list[str],
) -> OffenceCategory | None:
    low = text.low
    context = (
        Role.suspect in roles
        or Role.prisoner in roles
        or setting is Setting.police_custody
        or bool(_starts(_OFFENCE_CONTEXT, low))
    )
    if not context:
        return None
    offence: OffenceCategory | None = None
    said = ""
    for pattern, category in (
        (_VIOLENT_OFFENCE, OffenceCategory.violent),
        (_DRUG_OFFENCE, OffenceCategory.drugs),
        (_NON_VIOLENT_OFFENCE, OffenceCategory.non_violent),
    ):
        hits = _hits(pattern, low)
        if hits:
            offence, said = category, hits[0].group()
            break
    if offence is None and Issue.violence in without:
        offence, said = OffenceCategory.non_violent, "no violence"
    if offence is not None:
        notes.append(f"offence: {describe(offence)} (from '{said}')")
    return offence


# --- Course -------------------------------------------------------------------------

_DEGREE = re.compile(
    r"\b(BSc|BA|MSc|MA|LLB|LLM|MPhil|PhD|HND|HNC|PGCE|FdA|FdSc)\s*(?:\(Hons\)\s*)?"
    r"((?:[A-Z][A-Za-z&]*)(?:\s+(?:and\s+|&\s+|of\s+|in\s+)?[A-Z][A-Za-z&]*){0,4})"
)
_DEGREE_LOWER = re.compile(
    r"\b(bsc|msc|llb|phd|pgce)\s*(?:\(hons\)\s*)?([a-z&]+(?:\s+[a-z&]+){0,3}?)"
    r"(?=\s+(?:course|degree|programme|at|in|student|students|and|with|from)\b|[,.;:!?)-]|$)"
)
_COURSE_NAMED = re.compile(
    r"\b(?:on|doing|taking|studying|study|in)\s+(?:a\s+|an\s+|the\s+|my\s+)?"
    r"((?:[a-z&]+\s+){0,2}?[a-z&]+)\s+(?:course|degree)\b"
    r"|\b(?:a|an|as\s+a|as\s+an)\s+((?:[a-z&]+\s+){0,2}?[a-z&]+)\s+student\b"
    r"|\bstudying\s+([a-z&]+(?:\s+[a-z&]+){0,2}?)(?=\s+(?:at|in|and|with|from)\b|[,.;:!?]|$)"
)
_NOT_COURSE_WORDS = frozenset(
    _words(
        "a an the this that any some short online free new refresher awareness training first "
        "second third final year uni university college mature international placement former "
        "current local young female male how to my our their his her full part time"
    )
)


def _course(
    text: _Text, places: Sequence[PlaceMatch], student: bool, notes: list[str]
) -> str | None:
    course: str | None = None
    match = _DEGREE.search(text.original) or _DEGREE_LOWER.search(text.plain)
    if match and match.group(2):
        course = f"{match.group(1)} {match.group(2)}"
    else:
        for named in _COURSE_NAMED.finditer(text.plain):
            if named.group(1) and not student and "degree" not in named.group():
                continue  # "the trauma informed practice course" for staff is training
            words = next(group for group in named.groups() if group is not None).split()
            while words and words[0] in _NOT_COURSE_WORDS:
                words = words[1:]
            if words:
                course = " ".join(words)
                break
    if course is None:
        return None
    at_uclan = "uclan" in text.plain or any(
        match.place is not None and match.place.id == "site:uclan" for match in places
    )
    if "policing" in course.lower() and "professional" not in course.lower() and at_uclan:
        notes.append(f"course '{course}' at UCLan read as BSc Professional Policing")
        return "BSc Professional Policing"
    notes.append(f"course: {course}")
    return course


# --- Wants --------------------------------------------------------------------------

_WANTS: tuple[tuple[re.Pattern[str], Want], ...] = tuple(
    (_cue(pattern), want)
    for pattern, want in (
        (
            r"\btrain(?:ing|ed|s)?\b|\bupskill\w*|\blearn(?:ing)?\b|\bsessions?\b|\bworkshops?\b"
            r"|\bcpd\b|\binduction\b|\bcourses?\s+for\s+(?:staff|us|our|practitioners"
            r"|professionals|teachers|schools)\b",
            Want.training,
        ),
        (
            r"\bevents?\b|\bwebinars?\b|\bconferences?\b|\bseminars?\b|\bjoin\b"
            r"|\bsign(?:ing)?\s+up\b",
            Want.event,
        ),
        (
            r"\bleaflets?\b|\bresources?\b|\bguides?\b|\bguidance\b|\bbooks?\b|\bbooklets?\b"
            r"|\bread\b|\breading\b|\bdownload\w*|\bevidence\b|\binformation\b|\binfo\b"
            r"|\bmaterials?\b|\btoolkits?\b|\bfactsheets?\b|\badvice\b|\brecommendations?\b"
            r"|\breports?\b|\bstor(?:y|ies)\b|\bposters?\b|\bwebsite\b",
            Want.resource,
        ),
        (r"\bvolunteer\w*", Want.volunteering),
        (r"\bcampaigns?\b|\bsocial\s+media\b|\bawareness\b", Want.campaign),
        (
            r"\bsupport\b|\bprogrammes?\b|\bprograms?\b|\brefer(?:red|ral|rals|ring)?\b|\bhelp\b"
            r"|\bservices?\b|\bcoach(?:es|ing)?\b|\bwork\s+with\b|\binterventions?\b|\bschemes?\b"
            r"|\bavailable\b|\bmentor\w*",
            Want.service,
        ),
    )
)


def _wants(text: _Text) -> set[Want]:
    return {want for pattern, want in _WANTS if _hits(pattern, text.low)}


# --- Places -------------------------------------------------------------------------


def _choose_place(
    places: Sequence[PlaceMatch], gazetteer: Gazetteer, family_only: bool
) -> PlaceMatch | None:
    """The most specific place in Lancashire; else the first outside it; else an ambiguity.

    For a prisoner's family the prison is where the prisoner is, not the family:
    it is chosen only when nothing else is named.
    """
    candidates = [
        match
        for match in places
        if not (family_only and match.place is not None and match.place.setting is Setting.prison)
    ] or list(places)
    inside = [m for m in candidates if m.status is MatchStatus.matched and m.place is not None]
    if inside:
        return max(inside, key=lambda m: len(gazetteer.ancestors(m.place.id)) if m.place else 0)
    for status in (MatchStatus.outside, MatchStatus.ambiguous):
        for match in candidates:
            if match.status is status:
                return match
    return None


def _place_text(place: PlaceMatch | None) -> str | None:
    if place is None:
        return None
    return place.place.name if place.place is not None else place.query


def _note_places(place: PlaceMatch | None, places: Sequence[PlaceMatch], notes: list[str]) -> None:
    if place is None:
        return
    if place.place is not None and place.score < 100.0:
        notes.append(f"'{place.query}' read as {place.place.display}")
    else:
        notes.append(f"place: {place.describe()}")
    others = [m.describe() for m in places if m is not place]
    if others:
        notes.append("also mentioned: " + "; ".join(others))


# --- Programmes named in the question -----------------------------------------------


@dataclass(frozen=True)
class _ProgrammeMatcher:
    exact: re.Pattern[str] | None
    by_name: Mapping[str, str]  # normalised name -> programme id
    single: Mapping[str, re.Pattern[str]]  # one-word names (maybe verbs: "divert"), as written
    fuzzy: tuple[str, ...]  # distinctive one-word names of 5+ letters, for typos
    initials: frozenset[str]  # their first letters: other words are not compared
    display: Mapping[str, str]  # programme id -> its first name


_INFLECTIONS = frozenset({"s", "ed", "ing", "er", "ers", "ion", "ions", "d"})
# "how can we divert young people from crime" uses the verb, not the programme.
_VERB_OBJECT = re.compile(
    r"\s+(?:him|her|them|young|people|from|away|someone|children|resources|funds|money"
    r"|attention|the)\b"
)


_NAME_TOKEN = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans("", "", "'’‘`")


def _normalise(text: str) -> str:
    """Names and questions compared alike: "Mia's Story" -> "mias story", "A&E" -> "a and e"."""
    return " ".join(_NAME_TOKEN.findall(text.lower().translate(_APOSTROPHES).replace("&", " and ")))


@lru_cache(maxsize=8)
def _matcher(names: tuple[tuple[str, tuple[str, ...]], ...]) -> _ProgrammeMatcher:
    by_name: dict[str, str] = {}
    display: dict[str, str] = {}
    for programme_id, aliases in names:
        for alias in aliases:
            key = _normalise(alias)
            if key:
                by_name.setdefault(key, programme_id)
                display.setdefault(programme_id, alias)
    keys = sorted(by_name, key=len, reverse=True)
    exact = (
        re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, keys)) + r")(?![a-z0-9])")
        if keys
        else None
    )
    single = {key: re.compile(rf"(?i)\b{re.escape(key)}\b") for key in by_name if " " not in key}
    fuzzy = tuple(sorted(key for key in single if len(key) >= 5 and key.isalpha()))
    initials = frozenset(name[0] for name in fuzzy)
    return _ProgrammeMatcher(exact, by_name, single, fuzzy, initials, display)


def _asked_about(
    text: str, programme_names: Mapping[str, Sequence[str]], notes: list[str]
) -> tuple[str, ...]:
    if not programme_names:
        return ()
    matcher = _matcher(tuple((pid, tuple(names)) for pid, names in programme_names.items()))
    normalised = _normalise(text)
    found: list[tuple[int, str]] = []
    if matcher.exact is not None:
        for match in matcher.exact.finditer(normalised):
            key = match.group()
            if key in matcher.single and _only_as_verb(text, matcher.single[key]):
                continue
            found.append((match.start(), matcher.by_name[key]))
    position = 0
    for word in normalised.split():
        position = normalised.index(word, position)
        if len(word) >= 5 and word[0] in matcher.initials and word not in matcher.by_name:
            best = process.extractOne(
                word, matcher.fuzzy, scorer=OSA.distance, score_cutoff=_max_edits(word)
            )
            if best is not None and _typo_of(word, best[0]):
                programme_id = matcher.by_name[best[0]]
                found.append((position, programme_id))
                notes.append(f"'{word}' read as {matcher.display[programme_id]}")
        position += len(word)
    return tuple(dict.fromkeys(programme_id for _, programme_id in sorted(found)))


def _typo_of(word: str, name: str) -> bool:
    """A misspelling of `name`, not a real word near it.

    Same first letter (typos rarely change it); not an inflection of the name
    ("diverted"), nor a shorter word it starts with or its plural ("diver", "divers").
    """
    if word[0] != name[0] or name.startswith(word.removesuffix("s")):
        return False
    return not (word.startswith(name) and word[len(name) :] in _INFLECTIONS)


def _only_as_verb(text: str, name: re.Pattern[str]) -> bool:
    """True when every use is the lower-case verb: "divert young people from crime"."""
    lowered = text.lower()
    uses = list(name.finditer(text))
    return bool(uses) and all(
        use.group().islower() and _VERB_OBJECT.match(lowered, use.end()) for use in uses
    )
