"""Personal details out of a question before anything else reads, logs or stores it.

`redact` swaps names, phone numbers, emails, dates of birth, addresses,
postcodes, reference numbers, NHS and NI numbers for placeholders such as
`[name]` and says which kinds it removed. It keeps what the assistant needs:
ages ("22 year old"), places (Preston, Lancaster Farms), programme names and
the dates a question is about ("last night", "in February 2021").

Rules are deliberately conservative for names: a capitalised word is only a
name when something says so (a title, "named", "my client", an age after it)
or it is a common first name; ordinary words that start a sentence ("Dad
serving...", "Lad aged 17") are left alone, and so are the names the catalogue
knows (`protected_names`: its programmes and its gazetteer's places).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from vrn_core import Catalogue, PlaceKind, default_catalogue

__all__ = ["Redaction", "protected_names", "redact"]


@dataclass(frozen=True)
class Redaction:
    """The text with personal details replaced, and the kinds that were found."""

    text: str
    found: tuple[str, ...] = ()


# --- Patterns, in the order they run ---------------------------------------------
# Earlier patterns take the text they match, so an email's digits are never read
# as a phone number and a date of birth is never read as a reference.

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

# NHS numbers are 10 digits, usually written 3-3-4; a leading 0 would be a phone.
_NHS = re.compile(
    r"\b(?i:nhs)\s*(?i:number|no\.?|num|#)?\s*[:#]?\s*\d{3}[\s-]?\d{3}[\s-]?\d{4}\b"
    r"|(?<![\d+])\b[1-9]\d{2}([\s-]?)\d{3}\1\d{4}\b(?![\d-])"
)

# National Insurance: two prefix letters (D, F, I, Q, U, V never first; O never
# second), six digits, a suffix A-D.
_NI = re.compile(
    r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# Only a date introduced as a birth date: other dates are the question's context.
_DOB = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born(?:\s+(?:on|in))?|birthday)"
    rf"\s*(?:is\s+|was\s+)?[:-]?\s*{_DATE}",
    re.IGNORECASE,
)

# UK numbers: +44 / 0044 / 0, then 9 or 10 digits with optional spaces, dashes,
# brackets. Short service numbers (999, 0800 1111, 116 123) are too short to match.
_PHONE = re.compile(
    r"(?<![\w+/])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s-]?\d){6,8}(?![\d/])"
)

# Full postcodes only; an outward code alone ("PR1") is an area, not an address.
# The inward letters never include C, I, K, M, O or V, which keeps "3am"/"3pm" out.
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d(?!(?:st|nd|rd|th)\b)[ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)

_ID = r"[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*"
_REFERENCE = re.compile(
    r"\b(?:(?:ref(?:erence)?|urn|log)(?:\s+(?:number|no\.?|num|id))?"
    r"|(?:crime|incident|occurrence|custody|case|cad|storm|pnc|job)\s+"
    r"(?:ref(?:erence)?|number|no\.?|num|id|log|record)(?:\s+(?:number|no\.?))?)"
    rf"\s*[:#]?\s*{_ID}\b"
    # Formatted references carry their own shape: CR/12345/20, 06/123456/20.
    r"|(?-i:\b[A-Z]{1,4}[/-]\d{3,}(?:[/-]\d{2,4})+\b)|\b\d{2,}/\d{4,}/\d{2,4}\b",
    re.IGNORECASE,
)

_STREET_TYPES = (
    r"(?i:road|rd|street|st|avenue|ave|lane|ln|drive|dr|close|cl|way|crescent|cres|court|ct"
    r"|place|pl|grove|gardens|gdns|terrace|walk|square|sq|row|mews|rise|view|parade|brow|fold)"
)
# Street types that are not everyday words, for addresses typed in lower case.
_PLAIN_STREET_TYPES = r"(?:road|rd|street|avenue|lane|drive|crescent|terrace|gardens|grove|mews)"
_FLAT = r"(?i:flat|apartment|apt|unit)"
_ADDRESS = re.compile(
    rf"\b(?:{_FLAT}\s*\d+[a-z]?,?\s*)?\d{{1,4}}[a-z]?,?\s+"
    rf"(?:((?:[A-Z][a-z'’]+\s+){{1,3}}){_STREET_TYPES}"
    rf"|((?:[a-z][a-z'’]+\s+){{1,3}}){_PLAIN_STREET_TYPES})\b\.?"
    rf"|\b{_FLAT}\s+\d+[a-z]?\b"
)

# A capitalised word that may be part of a name ("O'Neill", "McDonald", "Smith-Jones").
_CAP = (
    r"(?:[A-Z]['’][A-Z][a-z]+|[A-Z](?:[a-z]*[A-Z])?[a-z]+(?:['’][a-z]+)?)"
    r"(?:-[A-Z][a-z'’]+)?"
)
_TITLE = re.compile(rf"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+({_CAP}(?:\s+{_CAP})?)")
_INTRODUCED = re.compile(
    r"\b(?i:named|called|known\s+as|goes\s+by|name\s+is|name's|names\s+are|my\s+client|client"
    r"|patient|service\s+user|pupil|student|victim|suspect|son|daughter|stepson|stepdaughter"
    r"|brother|sister|partner|boyfriend|girlfriend|husband|wife|nephew|niece|cousin|grandson"
    r"|granddaughter|friend|mum|mother|dad|father)"
    rf"\s*[:,]?\s+({_CAP}(?:\s+{_CAP}){{0,2}})"
)
# "his name is john smith": after these words a lowercase name counts too.
_NAME_IS = re.compile(
    r"\b(?:named|name\s+is|name's|names\s+are)\s+([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)",
    re.IGNORECASE,
)
# Two capitalised words followed by an age: "Jane Doe, 22", "Jane Doe (22)", "Jane Doe aged 22".
_NAMED_WITH_AGE = re.compile(
    rf"\b({_CAP})\s+({_CAP})(?=\s*(?:,\s*(?:aged?\s*)?\d{{1,3}}\b(?!\s*(?:%|am|pm|:|years?\s+ago))"
    r"|\(\s*\d{1,3}\s*\)|\s+aged?\s+\d{1,3}\b|\s+\d{1,3}\s*(?:yo|y/o|yrs?)\b))"
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Common UK first names that are not also ordinary words, places or programme
# names (no Will, May, Grace, Mia, Preston, Nelson, Richard as in Charnock Richard...):
# safe to remove on sight.
_FIRST_NAMES = _word_set(
    """
    aaron abdul abigail adam ahmed aidan aimee aisha alex alfie alice amelia amina amy andrew
    angela anthony archie ashley ava ayesha ben benjamin bilal bradley brandon callum carl
    caroline catherine charlotte chloe chris christopher claire connor courtney craig daniel
    danielle danny darren dave david declan dylan elizabeth ella ellie emily emma ethan evie
    fatima freddie freya gary gemma george hannah harrison harry hassan helen imran isabella
    isla jack jacob jake james jamie jane jasmine jason jayden jennifer jessica joanne joe
    john jonathan joseph josh joshua julie kai karen katie kayleigh keeley kelly kevin kieran
    kirsty kyle laura lauren leah leanne lewis liam lisa logan louise lucy luke margaret
    mary matthew megan michael michelle mohammed molly muhammad nathan natalie niamh nicola
    noah oliver omar oscar owen paige patrick paul peter rachel rebecca reece riley
    robert ryan samantha samuel sarah scott sean shaun sophie stacey stephen steven stuart
    susan tanya thomas toby tracy tyler tyrone wayne william zak zara zoe
    """
)
_FIRST_NAME = re.compile(
    r"(?<!\bSt\s)(?<!\bSt\.\s)(?<!\bSaint\s)\b("  # St Mary's is a school or church
    + "|".join(sorted((name.title() for name in _FIRST_NAMES), key=len, reverse=True))
    + rf")\b(?:\s+({_CAP})\b)?"
)

# Capitalised words that are never taken as part of a name: sentence starters,
# people's roles, and the words of institutions and organisations that sit next
# to names. The names of programmes and places come from the catalogue instead
# (`protected_names`).
_NOT_NAMES = _word_set(
    """
    a about after all also an and any anything are as at be but by can could dear did do
    does for from had has have he her here his how i if in is it its just may me my no not
    now of on or our please she so some than thanks that the their them then there these
    they this those to today tonight was we were what when where which who why will with
    would yes yesterday you your
    adult adults baby boy boyfriend brother carer child children client colleague dad daddy
    daughter father female friend girl girlfriend guy husband kid kids lad lady lass male man
    men mother mum mummy nan officer parent partner patient people person prisoner pupil
    sister son student suspect teen teenager victim wife woman women worker young youth
    worried concerned local new old older younger middle social domestic police custody
    prison hospital school college university council court team staff service services
    network trust office home house road street station suite centre center group
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    operation navigators navigator emergency department royal general infirmary hmp hmyoi
    yoi constabulary violence reduction vrn nhs crown magistrates professional policing bsc
    instagram facebook snapchat tiktok whatsapp twitter youtube google
    support agency agencies organisation organisations charity association housing care
    health public information unknown known withheld confidential redacted anonymous
    """
)

# Words that cannot sit between a house number and a street type ("17 year old lane").
_NOT_STREET_WORDS = _word_set("year years yr yrs old aged age") | _NOT_NAMES

_WORD = re.compile(r"\S+")
_NON_DIGIT = re.compile(r"\D")
_MAX_PASSES = 4  # each pass can expose another match ("John Smith Jones, 22"); a fixpoint ends it


# --- Names the catalogue knows ------------------------------------------------------

# Places whose one-word names are no one's surname. A one-word town, district or
# place outside Lancashire may be (Preston, Pilling, Nelson): it is kept only as
# part of a longer name ("HMP Preston", "Hesketh Bank").
_NAMED_ALONE = frozenset({PlaceKind.county, PlaceKind.group, PlaceKind.region, PlaceKind.site})
_NAME_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def protected_names(catalogue: Catalogue) -> frozenset[str]:
    """The names `redact` never takes for a person's: the catalogue's programme names and
    aliases ("Strength Inside and Out", "DIVERT") and its gazetteer's place names and aliases
    ("Blackpool Victoria Hospital", "UCLan"), less one-word names of towns, districts and
    places outside Lancashire, which can be surnames too."""
    names = {name for programme in catalogue for name in programme.names()}
    for place in catalogue.gazetteer:
        for name in (place.name, *place.aliases):
            if place.kind in _NAMED_ALONE or len(_name_words(name)) > 1:
                names.add(name)
    return frozenset(names)


@cache
def _default_protected() -> frozenset[str]:
    return protected_names(default_catalogue())


def _name_words(text: str) -> list[re.Match[str]]:
    """Words as names are compared: lower case, one apostrophe, no other punctuation; the
    matches' offsets are those of `text` (a few characters grow when lower-cased)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[0] for ch in text)
    return list(_NAME_TOKEN.finditer(lowered.replace("’", "'")))


# Protected names as word tuples, under their first word, longest first.
_Index = Mapping[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=8)
def _by_first_word(names: frozenset[str]) -> _Index:
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(word.group() for word in _name_words(name))
        if words:
            index.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}


class _Kept:
    """Where one text names what the catalogue knows; looked for only when a rule asks."""

    def __init__(self, text: str, names: _Index) -> None:
        self._text = text
        self._names = names
        self._spans: list[tuple[int, int]] | None = None

    def covers(self, start: int, end: int) -> bool:
        """Does text[start:end] overlap a protected name?"""
        if self._spans is None:
            self._spans = self._find()
        return any(start < span_end and span_start < end for span_start, span_end in self._spans)

    def _find(self) -> list[tuple[int, int]]:
        words = _name_words(self._text)
        spans: list[tuple[int, int]] = []
        for index, word in enumerate(words):
            for name in self._names.get(word.group(), ()):
                following = words[index : index + len(name)]
                if tuple(w.group() for w in following) == name:
                    spans.append((word.start(), following[-1].end()))
                    break
        return spans


# --- Redacting ------------------------------------------------------------------------

_Replace = Callable[[re.Match[str], _Kept], str]


def redact(text: str, *, protected: Collection[str] | None = None) -> Redaction:
    """Replace personal details with placeholders; `found` lists the kinds removed.

    `protected`: names never taken for a person's (see `protected_names`); by default those
    of `vrn_core.default_catalogue()`. Idempotent: redacting the result again changes nothing.
    """
    names = _by_first_word(_default_protected() if protected is None else frozenset(protected))
    found: list[str] = []
    for _ in range(_MAX_PASSES):
        redacted = _one_pass(text, found, names)
        if redacted == text:
            break
        text = redacted
    return Redaction(text=text, found=tuple(dict.fromkeys(found)))


def _one_pass(text: str, found: list[str], names: _Index) -> str:
    for kind, pattern, replace in _STEPS:
        text = pattern.sub(_recording(kind, replace, _Kept(text, names), found), text)
    return text


def _recording(
    kind: str, replace: _Replace, kept: _Kept, found: list[str]
) -> Callable[[re.Match[str]], str]:
    def substitute(match: re.Match[str]) -> str:
        result = replace(match, kept)
        if result != match.group(0):
            found.append(kind)
        return result

    return substitute


def _placeholder(kind: str) -> _Replace:
    return lambda _match, _kept: f"[{kind}]"


def _phone(match: re.Match[str], _kept: _Kept) -> str:
    digits = _NON_DIGIT.sub("", match.group(0)).removeprefix("00")
    national = digits.removeprefix("44").removeprefix("0")
    return "[phone]" if len(national) in (9, 10) else match.group(0)


def _reference(match: re.Match[str], _kept: _Kept) -> str:
    # At least three digits: "log 3 incidents" is not a log number.
    return "[reference]" if sum(ch.isdigit() for ch in match.group(0)) >= 3 else match.group(0)


def _address(match: re.Match[str], _kept: _Kept) -> str:
    words = (match.group(1) or match.group(2) or "").split()
    if any(word.lower() in _NOT_STREET_WORDS for word in words):
        return match.group(0)
    return "[address]"


def _not_a_name(word: str) -> bool:
    return word.lower().strip("'’") in _NOT_NAMES


def _is_name(match: re.Match[str], kept: _Kept, *groups: int) -> bool:
    """Each of these groups is a name-like word, not an ordinary one nor a protected name's."""
    return not any(
        _not_a_name(match.group(group)) or kept.covers(match.start(group), match.end(group))
        for group in groups
    )


def _splice_name(match: re.Match[str], group: int, kept: _Kept) -> str:
    """_Replace the leading name-like words of `group` with [name], keeping the rest."""
    phrase, offset = match.group(group), match.start(group)
    end = 0
    for word in _WORD.finditer(phrase):
        if _not_a_name(word.group()) or kept.covers(offset + word.start(), offset + word.end()):
            break
        end = word.end()
    if end == 0:
        return match.group(0)
    whole, offset = match.group(0), offset - match.start(0)
    return f"{whole[:offset]}[name]{whole[offset + end :]}"


def _title(match: re.Match[str], kept: _Kept) -> str:
    # The title stays: it identifies no one, and it tells the extractor the gender.
    return _splice_name(match, 2, kept)


def _introduced(match: re.Match[str], kept: _Kept) -> str:
    return _splice_name(match, 1, kept)


def _named_with_age(match: re.Match[str], kept: _Kept) -> str:
    return "[name]" if _is_name(match, kept, 1, 2) else match.group(0)


def _first_name(match: re.Match[str], kept: _Kept) -> str:
    if not _is_name(match, kept, 1):
        return match.group(0)
    if match.group(2) and _is_name(match, kept, 2):
        return "[name]"
    return "[name]" + match.group(0)[len(match.group(1)) :]


_STEPS: tuple[tuple[str, re.Pattern[str], _Replace], ...] = (
    ("email", _EMAIL, _placeholder("email")),
    ("date of birth", _DOB, _placeholder("date of birth")),
    ("phone", _PHONE, _phone),
    ("NHS number", _NHS, _placeholder("NHS number")),
    ("NI number", _NI, _placeholder("NI number")),
    ("postcode", _POSTCODE, _placeholder("postcode")),
    ("reference", _REFERENCE, _reference),
    ("address", _ADDRESS, _address),
    ("name", _TITLE, _title),
    ("name", _NAME_IS, _introduced),
    ("name", _INTRODUCED, _introduced),
    ("name", _NAMED_WITH_AGE, _named_with_age),
    ("name", _FIRST_NAME, _first_name),
)
