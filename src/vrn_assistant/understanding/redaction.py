"""Personal details out of a question before anything else reads, logs or stores it.

`redact` swaps names, phone numbers, emails, dates of birth, addresses,
postcodes, reference numbers, NHS and NI numbers for placeholders such as
`[name]` and says which kinds it removed (`Redaction.found`). It keeps what the
assistant needs: ages ("22 year old"), places (Preston, Lancaster Farms),
programme names and the dates a question is about ("last night", "in February
2021").

Two halves:

- Numbers and addresses are regular expressions, each written so that a match
  is tried only where one can start and every repeat is bounded or possessive:
  the time taken grows with the length of the text, never with its square.
- Names are found on the text's words, one pass over them: a word is a name
  when its case, its neighbours or the word lists in `knowledge/lexicon/names.yaml`
  say so -- a title ("Mr"), an introducer ("called"), a role ("my client",
  "her son", "patient"), an age after it ("jamal, 19"), a capital inside a
  sentence on a word that is no ordinary word ("spoke to Zanele"), a given name
  on sight ("oscar"), a verb whose subject it is ("siobhan came in"). Names run
  on over surnames and particles ("lucas van der berg"), across "and"
  ("Mark and Frank Sutton"), and every later mention of a name found goes too.
  The names the catalogue knows (`protected_names`: its programmes and places)
  and the lexicon's everyday short names of places ("the Vic") are never names.

Redaction lowers the risk; it cannot promise that nothing personal is left, so
callers should say what was removed, never that nothing was there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from vrn_core import Catalogue, PlaceKind, default_catalogue
from vrn_core.paths import default_knowledge_dir
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = ["NameLexicon", "Redaction", "load_lexicon", "protected_names", "redact"]


@dataclass(frozen=True)
class Redaction:
    """The text with personal details replaced, and the kinds that were found."""

    text: str
    found: tuple[str, ...] = ()


# --- Patterns for numbers and addresses, in the order they run --------------------------
# Earlier patterns take the text they match, so an email's digits are never read as a
# phone number and a date of birth is never read as a reference. Every pattern starts
# only where a lookbehind or \b allows and bounds its repeats, so each is linear.

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])")

# NHS numbers are 10 digits, usually written 3-3-4; a leading 0 would be a phone.
_NHS = re.compile(
    r"\b(?i:nhs)\s{0,3}(?i:number|no\.?|num|#)?\s{0,3}[:#]?\s{0,3}\d{3}[ -]?\d{3}[ -]?\d{4}\b"
    r"|(?<![\d+])\b[1-9]\d{2}([ -]?)\d{3}\1\d{4}\b(?![\d-])"
)

# National Insurance: two prefix letters (D, F, I, Q, U, V never first; O never
# second), six digits, a suffix A-D.
_NI = re.compile(
    r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    r"(?:\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?{_MONTH},?\s{{1,3}}\d{{2,4}}"
    rf"|{_MONTH}\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,3}}\d{{4}}"
    rf"|{_MONTH}\s{{1,3}}\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# Only a date introduced as a birth date: other dates are the question's context.
_DOB = re.compile(
    r"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s{1,3}of\s{1,3}birth|born(?:\s{1,3}(?:on|in))?|birthday)"
    rf"\s{{0,3}}(?:is\s{{1,3}}|was\s{{1,3}})?[:-]?\s{{0,3}}{_DATE}",
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
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) {0,2}\d(?!(?:st|nd|rd|th)\b)[ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)

# An identifier: letters and digits in up to five parts joined by / or -, each part
# taken whole (possessive, so a failed match never re-reads it).
_ID = r"[A-Z0-9]{1,24}+(?:[/-][A-Z0-9]{1,24}+){0,4}+(?![\w/])"
_REFERENCE = re.compile(
    r"\b(?:(?:ref(?:erence)?|urn|log|crn|upn|pnc|nomis|cro)(?:\s{1,3}(?:number|no\.?|num|id))?"
    r"|(?:crime|incident|occurrence|custody|case|cad|storm|pnc|job|prison|prisoner|warrant"
    r"|pupil|patient|hospital)\s{1,3}"
    r"(?:ref(?:erence)?|number|no\.?|num|id|log|record)(?:\s{1,3}(?:number|no\.?))?)"
    rf"\s{{0,3}}[:#]?\s{{0,3}}{_ID}"
    # Formatted references carry their own shape: CR/12345/20, 06/123456/20.
    r"|(?-i:\b[A-Z]{1,4}[/-]\d{3,12}+(?:[/-]\d{2,4}+){1,4}+(?![\w/]))"
    r"|(?<![\w/])\d{2,12}+/\d{4,12}+/\d{2,4}+(?![\w/])",
    re.IGNORECASE,
)
# An unlabelled token shaped like an identifier: capitals and at least four digits
# ("X123456", "LCS-4471902", "BP-24-008812"); `_shaped_reference` checks the count.
_SHAPED_ID = re.compile(r"(?<![\w/-])[A-Z0-9]{1,24}+(?:[/-][A-Z0-9]{1,24}+){0,4}+(?![\w/-])")

_STREET_TYPES = (
    r"(?i:road|rd|street|st|avenue|ave|lane|ln|drive|dr|close|cl|way|crescent|cres|court|ct"
    r"|place|pl|grove|gardens|gdns|terrace|walk|square|sq|row|mews|rise|view|parade|brow|fold"
    r"|range|hill|park|green|vale|meadows?|fields?|croft|gate|heights|nook|boulevard|approach"
    r"|broadway|wharf|yard|chase|dene|wynd)"
)
# Street types that are not everyday words, for addresses typed in lower case.
_PLAIN_STREET_TYPES = r"(?:road|rd|street|avenue|lane|drive|crescent|terrace|gardens|grove|mews)"
_FLAT = r"(?i:flat|apartment|apt|unit)"
_ADDRESS = re.compile(
    rf"\b(?:{_FLAT}\s{{0,3}}\d{{1,4}}[a-z]?,?\s{{0,3}})?\d{{1,4}}[a-z]?,?\s{{1,3}}"
    rf"(?:((?:[A-Z][a-z'’]{{1,30}}\s{{1,3}}){{1,3}}){_STREET_TYPES}"
    rf"|((?:[a-z][a-z'’]{{1,30}}\s{{1,3}}){{1,3}}){_PLAIN_STREET_TYPES})\b\.?"
    rf"|\b{_FLAT}\s{{1,3}}\d{{1,4}}[a-z]?\b"
)
# Words that cannot sit between a house number and a street type ("17 year old lane").
_NOT_STREET_WORDS = frozenset(
    "year years yr yrs old aged age a an the and of in at on to my his her their our kids"
    " children times people pupils schools agencies".split()
)

_NON_DIGIT = re.compile(r"\D")
_MAX_PASSES = 4  # each pass can expose another match; a fixpoint ends it


# --- The word lists ----------------------------------------------------------------------

_LEXICON_PATH = Path("lexicon") / "names.yaml"
_PHRASE_LISTS = frozenset({"introducers", "places"})
_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*'?|\d+")


class NameLexicon(BaseModel):
    """`knowledge/lexicon/names.yaml`: the reviewed word lists the name rules use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    function_words: frozenset[str]
    ordinary_words: frozenset[str]
    word_first_names: frozenset[str]
    peoples: frozenset[str]
    organisation_words: frozenset[str]
    roles: frozenset[str]
    titles: frozenset[str]
    introducers: frozenset[str]
    contact_verbs: frozenset[str]
    person_verbs: frozenset[str]
    particles: frozenset[str]
    first_names: frozenset[str]
    word_surnames: frozenset[str]
    places: frozenset[str]

    @field_validator("*", mode="before")
    @classmethod
    def _a_list_of_lower_case_words(cls, value: object, info: ValidationInfo) -> object:
        name = info.field_name or ""
        if not isinstance(value, list) or not value:
            raise ValueError("must be a non-empty list of words")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise ValueError(f"{item!r} is not a word (quote yes/no/numbers)")
            if item != item.lower() or item != item.strip():
                raise ValueError(f"{item!r} must be lower case, without outer spaces")
            if "’" in item:
                raise ValueError(f"{item!r}: write ' for an apostrophe")
            if name not in _PHRASE_LISTS:
                if " " in item:
                    raise ValueError(f"{item!r} must be one word")
                if item.endswith("'"):
                    raise ValueError(f"{item!r}: list words without a possessive")
                if item.endswith("'s") and len(item) > 2:
                    raise ValueError(f"{item!r}: list words without a possessive 's")
            if item in seen:
                raise ValueError(f"{item!r} is listed twice")
            seen.add(item)
        return value

    @model_validator(mode="after")
    def _lists_that_must_not_share_words(self) -> NameLexicon:
        never_names = self.function_words
        for name in (
            "ordinary_words",
            "word_first_names",
            "peoples",
            "roles",
            "first_names",
            "particles",
            "titles",
        ):
            shared = never_names & getattr(self, name)
            if shared:
                raise ValueError(f"function_words and {name} share {sorted(shared)[:5]}")
        given = self.first_names
        for name in ("ordinary_words", "word_first_names", "peoples", "roles", "titles"):
            shared = given & getattr(self, name)
            if shared:
                raise ValueError(f"first_names and {name} share {sorted(shared)[:5]}")
        for name in ("ordinary_words", "word_first_names"):
            shared = self.roles & getattr(self, name)
            if shared:
                raise ValueError(f"roles and {name} share {sorted(shared)[:5]}")
        return self


def load_lexicon(path: Path | None = None) -> NameLexicon:
    """Read and check the name lexicon; any problem is a CatalogueError naming the file."""
    path = path or default_knowledge_dir() / _LEXICON_PATH
    try:
        return NameLexicon.model_validate(read_yaml(path))
    except ValidationError as exc:
        raise validation_error(exc, path=path, record=None) from exc


@cache
def _lexicon() -> NameLexicon:
    return load_lexicon()


# --- Names the catalogue knows ------------------------------------------------------------

# Places whose one-word names are no one's surname. A one-word town, district or
# place outside Lancashire may be (Preston, Pilling, Nelson): it is kept only as
# part of a longer name ("HMP Preston", "Hesketh Bank").
_NAMED_ALONE = frozenset({PlaceKind.county, PlaceKind.group, PlaceKind.region, PlaceKind.site})


def protected_names(catalogue: Catalogue) -> frozenset[str]:
    """The names `redact` never takes for a person's: the catalogue's programme names and
    aliases ("Strength Inside and Out", "DIVERT") and its gazetteer's place names and aliases
    ("Blackpool Victoria Hospital", "UCLan"), less one-word names of towns, districts and
    places outside Lancashire, which can be surnames too."""
    names = {name for programme in catalogue for name in programme.names()}
    for place in catalogue.gazetteer:
        for name in (place.name, *place.aliases):
            if place.kind in _NAMED_ALONE or len(_keys(name)) > 1:
                names.add(name)
    return frozenset(names)


@cache
def _default_protected() -> frozenset[str]:
    return protected_names(default_catalogue())


@cache
def _place_words() -> frozenset[str]:
    """Every word of a place or programme the catalogue knows ("preston", "hesketh",
    "provide"): not a name on its own, but may be a surname after a given name."""
    catalogue = default_catalogue()
    names = [n for place in catalogue.gazetteer for n in (place.name, *place.aliases)]
    names += [n for programme in catalogue for n in programme.names()]
    return frozenset(key for name in names for key in _keys(name))


def _normal(word: str) -> str:
    """A word as the lists spell it: lower case, ' for any apostrophe."""
    lowered = word.lower()
    if len(lowered) != len(word):  # a few characters grow when lower-cased
        lowered = "".join(ch.lower()[0] for ch in word)
    return lowered.replace("’", "'")


def _base(key: str) -> str:
    """A word without its possessive ending: "miah's" -> "miah", "kids'" -> "kids"."""
    if key.endswith("'s") and len(key) > 2:
        return key[:-2]
    return key.rstrip("'") or key


def _keys(text: str) -> tuple[str, ...]:
    return tuple(_base(m.group()) for m in _WORD.finditer(_normal(text)))


# Protected names as key tuples, under their first key, longest first.
_Index = Mapping[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=8)
def _by_first_word(names: frozenset[str]) -> _Index:
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        keys = _keys(name)
        if keys:
            index.setdefault(keys[0], set()).add(keys)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}


# --- Redacting ------------------------------------------------------------------------------

_Replace = Callable[[re.Match[str]], str]


def redact(text: str, *, protected: Collection[str] | None = None) -> Redaction:
    """Replace personal details with placeholders; `found` lists the kinds removed.

    `protected`: names never taken for a person's (see `protected_names`); by default those
    of `vrn_core.default_catalogue()`. The lexicon's short place names ("the Vic") are kept
    either way. Idempotent: redacting the result again changes nothing.
    """
    base = _default_protected() if protected is None else frozenset(protected)
    index = _by_first_word(base | _lexicon().places)
    found: list[str] = []
    named = True  # did the last look for names change anything?
    for _ in range(_MAX_PASSES):
        patterned = text
        for kind, pattern, replace in _STEPS:
            patterned = pattern.sub(_recording(kind, replace, found), patterned)
        if patterned == text and not named:
            break  # the names were looked for in this very text, and none was found
        renamed = _replace_names(patterned, index)
        named = renamed != patterned
        if named:
            found.append("name")
        if renamed == text:
            break
        text = renamed
    return Redaction(text=text, found=tuple(dict.fromkeys(found)))


def _replace_names(text: str, index: _Index) -> str:
    spans = _Names(text, index, _lexicon()).spans()
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], "[name]"]
        last = end
    return "".join([*pieces, text[last:]])


def _recording(kind: str, replace: _Replace, found: list[str]) -> _Replace:
    def substitute(match: re.Match[str]) -> str:
        result = replace(match)
        if result != match.group(0):
            found.append(kind)
        return result

    return substitute


def _placeholder(kind: str) -> _Replace:
    return lambda _match: f"[{kind}]"


def _phone(match: re.Match[str]) -> str:
    digits = _NON_DIGIT.sub("", match.group(0)).removeprefix("00")
    national = digits.removeprefix("44").removeprefix("0")
    return "[phone]" if len(national) in (9, 10) else match.group(0)


def _reference(match: re.Match[str]) -> str:
    # At least three digits: "log 3 incidents" is not a log number.
    return "[reference]" if sum(ch.isdigit() for ch in match.group(0)) >= 3 else match.group(0)


def _shaped_reference(match: re.Match[str]) -> str:
    token = match.group(0)
    digits = sum(ch.isdigit() for ch in token)
    letters = sum(ch.isalpha() for ch in token)
    return "[reference]" if digits >= 4 and 1 <= letters <= 5 else token


def _address(match: re.Match[str]) -> str:
    words = (match.group(1) or match.group(2) or "").split()
    if any(word.lower() in _NOT_STREET_WORDS for word in words):
        return match.group(0)
    return "[address]"


_STEPS: tuple[tuple[str, re.Pattern[str], _Replace], ...] = (
    ("email", _EMAIL, _placeholder("email")),
    ("date of birth", _DOB, _placeholder("date of birth")),
    ("phone", _PHONE, _phone),
    ("NHS number", _NHS, _placeholder("NHS number")),
    ("NI number", _NI, _placeholder("NI number")),
    ("postcode", _POSTCODE, _placeholder("postcode")),
    ("reference", _REFERENCE, _reference),
    ("reference", _SHAPED_ID, _shaped_reference),
    ("address", _ADDRESS, _address),
)


# --- Names ------------------------------------------------------------------------------------


class _Class(Enum):
    """What a word is, as far as names go."""

    function = "function"  # never a name; a name never runs through it
    role = "role"  # "client", "son": never a name, may introduce one
    ordinary = "ordinary"  # not a name on its own, even capitalised
    place = "place"  # a word of a place or programme: a surname only after a given name
    word_name = "word name"  # a given name that is an ordinary word too ("Grace")
    given = "given"  # a given name that is no ordinary word ("Niamh")
    unknown = "unknown"  # in no list: a name when its case or neighbours say so


_NAMEISH = frozenset({_Class.given, _Class.word_name, _Class.unknown})
# Endings of ordinary English words, for words in no list ("retracting", "recently").
_ORDINARY_ENDINGS = (
    "ing",
    "ings",
    "ed",
    "ly",
    "tion",
    "tions",
    "sion",
    "ment",
    "ments",
    "ness",
    "ity",
    "ous",
    "ive",
    "ful",
    "less",
    "able",
    "ible",
    "ism",
    "ist",
    "ists",
    "ship",
    "ance",
    "ence",
    "ency",
    "ancy",
    "ities",
    "ised",
    "ized",
)
_DETERMINERS = frozenset(
    "the a an this that these those our your their its every each any some no another".split()
)
# Before a capitalised word these point to a place: "in Fleetwood", "on Friargate".
_PLACE_PREPOSITIONS = frozenset(
    "in at on near from outside into around across towards toward via off to through"
    " within opposite past beyond behind round".split()
)
_CLAUSE_BREAKS = frozenset({",", ";", "-", "–", "—", "(", ":"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
_ABBREVIATIONS = frozenset("st mr mrs ms dr prof no etc approx vs eg ie mt".split())
_QUOTES = frozenset("\"'“”‘’")
_AGE_WORDS = frozenset("year years yr yrs yo y old".split())
_NOT_AGES = frozenset(
    "% am pm : times time minutes mins hours hrs days weeks months ago pounds kids children"
    " people pupils schools agencies".split()
)
_COORDINATORS = frozenset({"and", "&", "or"})
_MAX_NAME_WORDS = 5  # a name runs on over at most this many words after its first


_MARKS = "\"'“”‘’,;:()!?.…&/\\-–—"
_TOKEN = re.compile(
    r"\[[a-zA-Z][a-zA-Z ]{0,19}\]"  # a placeholder of an earlier step or pass
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*+['’]?"  # a word: O'Neill, Begum-Choudhury, Miah's
    r"|\d++"
    rf"|[{_MARKS}]"  # a mark the rules read
    rf"|[^\w\s{_MARKS}]++|_++"  # any other run of symbols, as one token
)


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int  # of the name part: a possessive 's stays outside the placeholder
    kind: str  # "word", "number", "mark", "placeholder"
    key: str = ""  # lower case, ' for apostrophes, no possessive
    raw: str = ""  # lower case with its possessive
    case: str = ""  # "lower", "title", "upper", "letter" (one capital letter)
    cls: _Class = _Class.function
    initial: bool = False  # first word of a sentence
    shout: bool = False  # in a sentence written in capitals
    kept: bool = False  # inside a protected name
    newline: bool = False  # a line break before it


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april"
    " may june july august september october november december today tonight".split()
)
_AFTER_VERBS = frozenset(
    "him her them me us it the a an his their my your our this that these those".split()
)
_PLURAL_ROLES = frozenset("children men women people kids grandchildren in-laws".split())
_POSSESSIVES = frozenset("my our your his her their".split())
_PLAIN_TITLES = frozenset("mr mrs ms miss mx".split())


class _Names:
    """One text's words and the rules that say which of them are names."""

    def __init__(self, text: str, index: _Index, lexicon: NameLexicon) -> None:
        self._lex = lexicon
        self._places = _place_words()
        self._classes: dict[str, _Class] = {}
        self._words: dict[str, tuple[str, str, int, str, _Class]] = {}
        self._tokens = list(self._tokenise(text))
        self._mark_sentences()
        self._mark_kept(index)
        self._name = [False] * len(self._tokens)

    # --- reading the text

    def _tokenise(self, text: str) -> Iterator[_Token]:
        words = self._words
        last = 0
        for match in _TOKEN.finditer(text):
            value, start, end = match.group(), match.start(), match.end()
            newline = text.find("\n", last, start) >= 0
            last = end
            first = value[0]
            if first.isalpha():
                known = words.get(value)
                if known is None:
                    known = words[value] = self._read_word(value)
                raw, key, length, case, cls = known
                yield _Token(
                    value, start, start + length, "word", key, raw, case, cls, newline=newline
                )
            elif first.isdigit():
                yield _Token(value, start, end, "number", value, newline=newline)
            elif first == "[" and len(value) > 1:
                yield _Token(value, start, end, "placeholder", value, newline=newline)
            else:
                yield _Token(value, start, end, "mark", value, newline=newline)

    def _read_word(self, value: str) -> tuple[str, str, int, str, _Class]:
        raw = _normal(value)
        key = _base(raw)
        length = len(key) if len(key) < len(raw) else len(value)
        return raw, key, length, _case(value[:length]), self._classify(key)

    def _classify(self, key: str) -> _Class:
        cls = self._classes.get(key)
        if cls is None:
            cls = self._classes[key] = self._class_of(key)
        return cls

    def _class_of(self, key: str) -> _Class:
        lex = self._lex
        if key in lex.function_words:
            return _Class.function
        if key in lex.roles or key in lex.titles:
            return _Class.role
        if key in lex.first_names:
            return _Class.word_name if key in self._places else _Class.given
        if key in lex.word_first_names:
            return _Class.word_name
        if key in lex.ordinary_words or key in lex.peoples or key in lex.organisation_words:
            return _Class.ordinary
        if key in self._places:
            return _Class.place
        if "-" in key:
            parts = {self._classify(part) for part in key.split("-") if part}
            for cls in (_Class.given, _Class.unknown, _Class.word_name, _Class.place):
                if cls in parts:
                    return cls
            return _Class.ordinary
        if len(key) >= 6 and key.endswith(_ORDINARY_ENDINGS) and "'" not in key:
            return _Class.ordinary
        if len(key) > 3 and key.endswith("s") and self._classify(key[:-1]) is _Class.ordinary:
            return _Class.ordinary  # plurals and third persons
        return _Class.unknown

    def _mark_sentences(self) -> None:
        """Which words start a sentence, and which sentences are written in capitals."""
        sentence: list[_Token] = []
        starting = True
        previous: _Token | None = None
        for token in self._tokens:
            if token.newline and sentence:
                self._shouting(sentence)
                sentence, starting = [], True
            if token.kind == "word":
                token.initial = starting
                starting = False
                sentence.append(token)
            elif token.text in _SENTENCE_ENDS and not (
                token.text == "." and previous is not None and previous.key in _ABBREVIATIONS
            ):
                self._shouting(sentence)
                sentence, starting = [], True
            elif token.kind in ("placeholder", "number"):
                starting = False
            previous = token
        self._shouting(sentence)

    @staticmethod
    def _shouting(sentence: list[_Token]) -> None:
        if len(sentence) < 3:
            return
        words = [token for token in sentence if len(token.key) > 1]
        upper = sum(token.case == "upper" for token in words)
        if len(words) >= 3 and upper >= 0.7 * len(words):
            for token in sentence:
                token.shout = True

    def _mark_kept(self, index: _Index) -> None:
        tokens = self._tokens
        words = [i for i, token in enumerate(tokens) if token.kind in ("word", "number")]
        keys = [tokens[i].key for i in words]
        for position, key in enumerate(keys):
            for name in index.get(key, ()):
                if tuple(keys[position : position + len(name)]) == name:
                    for i in words[position : position + len(name)]:
                        tokens[i].kept = True
                    break

    # --- what a word may be

    def _word(self, i: int) -> _Token | None:
        if 0 <= i < len(self._tokens) and self._tokens[i].kind == "word":
            return self._tokens[i]
        return None

    def _key(self, i: int) -> str:
        return self._tokens[i].key if 0 <= i < len(self._tokens) else ""

    @staticmethod
    def _capital(token: _Token) -> bool:
        """Capitalised where capitals mean something: not in a sentence in capitals."""
        return token.case == "title" and not token.shout

    @staticmethod
    def _plain(token: _Token) -> bool:
        """Written without telling capitals: lower case, or in a sentence in capitals."""
        return token.case == "lower" or (token.shout and token.case in ("upper", "title"))

    def _free(self, token: _Token | None) -> bool:
        """A word that may be a name at all."""
        return (
            token is not None
            and not token.kept
            and token.case != "letter"
            and len(token.key) > 1
            and token.cls not in (_Class.function, _Class.role)
            and token.raw not in self._lex.introducers
        )

    def _nameish(self, i: int) -> _Token | None:
        """Word i if it is free and in no list but the names'."""
        token = self._word(i)
        return token if self._free(token) and token is not None and token.cls in _NAMEISH else None

    def _is_name(self, i: int) -> bool:
        return 0 <= i < len(self._tokens) and (self._name[i] or self._tokens[i].text == "[name]")

    # --- the rules

    def spans(self) -> list[tuple[int, int]]:
        """Where the names are, as (start, end) offsets, in order, merged."""
        for i, token in enumerate(self._tokens):
            if token.kind == "word" and not token.kept:
                self._seed(i, token)
        self._grow()
        return self._merged()

    def _seed(self, i: int, token: _Token) -> None:
        if self._free(token) and (
            self._capitalised_inside(i, token)
            or self._at_sentence_start(i, token)
            or self._given_on_sight(i, token)
            or self._subject_of_a_verb(i, token)
            or self._before_an_age(i, token)
            or self._two_unknown_words(i, token)
        ):
            self._name[i] = True
        lex = self._lex
        if token.raw in _PLAIN_TITLES or (
            token.raw in lex.titles and token.key not in lex.roles and token.case != "lower"
        ):
            self._after_title(i)
        elif token.cls is _Class.role or (token.key == "case" and self._key(i - 1) in _POSSESSIVES):
            self._after_role(i, token)
        self._after_introducer(i, token)
        if token.key in lex.contact_verbs:
            self._after_contact_verb(i)

    def _capitalised_inside(self, i: int, token: _Token) -> bool:
        """ "spoke to Zanele", "Can Florence get help?": a capital inside a sentence on a
        word that is no ordinary word -- unless the words around make it a place or an
        organisation ("in Friargate", "the Vic", "Calico Housing Trust")."""
        if token.initial or not self._capital(token) or token.cls not in _NAMEISH:
            return False
        before = self._word(i - 1)
        if before is not None and (before.key in _DETERMINERS or before.key in ("st", "saint")):
            return False
        if self._key(i - 1) == "." and self._key(i - 2) in ("st", "saint"):
            return False
        if self._organisation_follows(i):
            return False
        if token.cls is _Class.given:
            return True
        if before is not None and self._capital(before) and before.cls is _Class.ordinary:
            return False  # a proper noun's second word: "Operation Adderr", "Calico Homes"
        # "in Fleetwood", "took her to Pakistan": a place, unless a second name word
        # follows ("delivered to Adebayo Ogunleye") or "to" follows a verb of talking.
        if before is not None and before.key in _PLACE_PREPOSITIONS:
            if before.key == "to" and self._key(i - 2) in self._lex.contact_verbs:
                return True
            after = self._nameish(i + 1)
            return after is not None and self._capital(after)
        return True

    def _organisation_follows(self, i: int) -> bool:
        for j in range(i + 1, min(i + 5, len(self._tokens))):
            after = self._word(j)
            if after is None or not self._capital(after):
                return False
            if after.key in self._lex.organisation_words:
                return True
        return False

    def _at_sentence_start(self, i: int, token: _Token) -> bool:
        """ "Kwabena Mensah was arrested", "Hope was brought in", "Connor was": a capital
        that may only mark the sentence's start, so it needs a second sign."""
        if not token.initial or not self._capital(token) or token.cls not in _NAMEISH:
            return False
        if self._organisation_follows(i):
            return False
        if token.cls is _Class.given:
            return True
        after = self._next_name_word(i)
        if after is not None:
            second = self._tokens[after]
            if self._capital(second) and self._free(second):
                if second.cls in _NAMEISH:
                    return True
                if second.cls is _Class.place and token.cls is _Class.word_name:
                    return True
        return self._person_follows(i) or token.raw.endswith("'s")

    def _next_name_word(self, i: int) -> int | None:
        """The index of the next word after i, over particles ("Tomás Ó Briain")."""
        j = i + 1
        while (word := self._word(j)) is not None and word.key in self._lex.particles:
            j += 1
        return j if self._word(j) is not None else None

    def _person_follows(self, i: int) -> bool:
        """A verb whose subject is a person, or an age, follows word i."""
        after = self._word(i + 1)
        if (
            after is not None
            and after.key in self._lex.person_verbs
            and after.key != "and"
            and (after.case == "lower" or after.shout)
        ):
            return True
        return self._age_at(i + 1)

    def _age_at(self, j: int) -> bool:
        """ ", 19", " (15)", " 17 came in", " aged 17", " is 20": an age starts at token j."""
        if j >= len(self._tokens):
            return False
        first = self._tokens[j]
        if first.text == "," and self._age_number(j + 1):
            return True
        if first.text == "(" and self._age_number(j + 1) and self._key(j + 2) == ")":
            return True
        if first.key in ("aged", "age", "is") and self._age_number(j + 1):
            return True
        if first.kind != "number" or j == 0 or self._tokens[j - 1].end == first.start:
            return False  # "PR1", "M6", "24yo" are no ages
        return self._age_number(j) and self._key(j + 1) != ","

    def _age_number(self, j: int) -> bool:
        tokens = self._tokens
        if j >= len(tokens) or tokens[j].kind != "number" or len(tokens[j].text) > 3:
            return False
        if not tokens[j].text.isdecimal():  # '¹' is a digit to str.isdigit, not to int()
            return False
        if not 0 < int(tokens[j].text) <= 110:
            return False
        after = self._key(j + 1).lower()
        if after in _NOT_AGES or (after in ("/", ".", "-", ":") and self._is_number(j + 2)):
            return False
        return (
            after == ""
            or after in _AGE_WORDS
            or self._word(j + 1) is None
            or after in self._lex.person_verbs
            or after in ("with", "from", "in", "at", "who", "whose", "but", "on")
        )

    def _is_number(self, j: int) -> bool:
        return 0 <= j < len(self._tokens) and self._tokens[j].kind == "number"

    def _given_on_sight(self, i: int, token: _Token) -> bool:
        """ "oscar", "ABDUL KARIM MIAH": a given name that is no ordinary word, in lower
        case or in capitals; a capitalised one inside a sentence is a name already."""
        if token.cls is not _Class.given or self._key(i - 1) in ("st", "saint"):
            return False
        if self._plain(token):
            return True
        if token.case == "upper":  # capitals in a mixed text: an acronym unless paired
            after = self._word(i + 1)
            return after is not None and after.case == "upper" and self._free(after)
        return False

    def _subject_of_a_verb(self, i: int, token: _Token) -> bool:
        """ "siobhán came in", ", siobhán says", "jamal is 19": a plain word in no list, at
        the start of a sentence or clause, then a verb whose subject is a person."""
        if not self._plain(token) or token.cls not in (_Class.unknown, _Class.word_name):
            return False
        before = self._tokens[i - 1] if i > 0 else None
        if not (token.initial or before is None or before.text in _CLAUSE_BREAKS):
            return False
        after = self._word(i + 1)
        if after is not None and after.key in self._lex.person_verbs:
            return after.key not in ("and", "is", "can", "will", "may", "did", "does")
        return token.cls is _Class.unknown and self._age_at(i + 1)

    def _before_an_age(self, i: int, token: _Token) -> bool:
        """ "Tell me about jamal, 19", "amber, 14", "Dean Hesketh, 40": the words right
        before an age, if one of them is no ordinary word."""
        if token.cls not in (*_NAMEISH, _Class.place) or not self._age_at(i + 1):
            return False
        if self._key(i + 1) == "is":
            return token.cls is not _Class.place and (
                self._capital(token) or token.cls is _Class.given
            )
        if token.cls is _Class.place:  # a surname that is a place: Dean Hesketh, 40
            before = self._nameish(i - 1)
            if before is not None and self._capital(before) == self._capital(token):
                self._name[i - 1] = True
                return True
            return False
        return True

    def _two_unknown_words(self, i: int, token: _Token) -> bool:
        """ "kacper nowak", "wojciech kowalczyk": two plain words in no list together."""
        kinds = (_Class.unknown, _Class.given)
        if not self._plain(token) or token.cls not in kinds or len(token.key) < 3:
            return False
        after = self._word(i + 1)
        return (
            after is not None
            and self._free(after)
            and self._plain(after)
            and after.cls in kinds
            and len(after.key) >= 3
            and _Class.unknown in (token.cls, after.cls)
        )

    def _after_title(self, i: int) -> None:
        """ "Mr Pritchard", "MS ZOFIA WIŚNIEWSKA", "PC Gary Ainsworth", "mrs patel"."""
        j = i + 2 if self._key(i + 1) == "." else i + 1
        word = self._word(j)
        if not self._free(word) or word is None:
            return
        if word.case == "lower" and word.cls not in (_Class.unknown, _Class.given):
            return
        if word.case == "lower" and self._tokens[i].raw not in _PLAIN_TITLES:
            return
        self._name[j] = True

    def _after_role(self, i: int, token: _Token) -> None:
        """ "my son jamal", "my client, Dariusz", "patient is Kayden", "client SKYE
        MORRISON", "brother, "Big Tony"", "Patient MS ZOFIA": the word after a role."""
        j = i + 1
        if self._key(j) in (",", ":"):
            j += 1
        bridged = self._key(j) in ("is", "was")
        if bridged:
            j += 1
        while 0 <= j < len(self._tokens) and self._tokens[j].text in _QUOTES:
            j += 1
        after = self._word(j)
        if after is not None and after.raw in self._lex.titles and after.case != "lower":
            self._after_title(j)
            return
        word = self._word(j)
        if not self._free(word) or word is None:
            return
        if word.cls not in _NAMEISH:
            return
        if self._plural(token) and not (self._capital(word) or word.cls is _Class.given):
            return  # "pupils view the video", not "kids Shannon and Patrick"
        if self._plain(word) and self._verb_like(j):
            return  # "her ex stalks her": a verb, not a name
        if bridged and word.case == "lower" and word.cls is _Class.unknown:
            later = self._word(j + 1)  # "detainee is wojciech kowalczyk", not "is unwell"
            named = later is not None and self._plain(later) and later.cls in _NAMEISH
            if not named and not self._age_at(j + 1):
                return
        self._name[j] = True

    def _plural(self, token: _Token) -> bool:
        key = token.key
        return key in _PLURAL_ROLES or (key.endswith("s") and key[:-1] in self._lex.roles)

    def _after_introducer(self, i: int, token: _Token) -> None:
        """ "named John Smith", "is called Rocky Price", "his name is callum mckenzie",
        "Client name: Sabina"."""
        lex = self._lex
        if token.raw in lex.introducers or (token.key == "name" and self._key(i + 1) == ":"):
            j = i + 1
        elif (after := self._word(i + 1)) is not None and (
            f"{token.raw} {after.raw}" in lex.introducers
        ):
            j = i + 2
        else:
            return
        while 0 <= j < len(self._tokens) and self._tokens[j].text in (*_QUOTES, ":", ","):
            j += 1
        word = self._word(j)
        if not self._free(word) or word is None:
            return
        if word.cls in _NAMEISH or (word.cls is _Class.place and not self._plain(word)):
            self._name[j] = True

    def _after_contact_verb(self, i: int) -> None:
        """ "spoke to zanele", "refer ellie-mae to": a plain word in no list after a verb of
        talking to or about someone."""
        j = i + 2 if self._key(i + 1) in ("to", "with") else i + 1
        word = self._word(j)
        if (
            self._free(word)
            and word is not None
            and self._plain(word)
            and word.cls in (_Class.unknown, _Class.given)
            and not self._verb_like(j)
        ):
            self._name[j] = True

    def _verb_like(self, j: int) -> bool:
        """Is the plain word j followed by what follows verbs, not names ("him", "the")?"""
        token = self._tokens[j]
        return token.cls is _Class.unknown and self._key(j + 1) in _AFTER_VERBS

    # --- growing names: surnames, nicknames, "and", later mentions

    def _grow(self) -> None:
        for _ in range(4):
            before = sum(self._name)
            self._extend()
            self._coordinate()
            self._propagate()
            if sum(self._name) == before:
                break

    def _extend(self) -> None:
        """Names run on over surnames, particles and a quoted nickname, and back over a
        capitalised given name before a surname ("Paris Holden (15)")."""
        tokens = self._tokens
        i = 0
        while i < len(tokens):
            if not self._is_name(i):
                i += 1
                continue
            first, j, taken = tokens[i], i + 1, 0
            while j < len(tokens) and taken < _MAX_NAME_WORDS:
                step = self._continues(first, j)
                if step == 0:
                    break
                for k in range(j, j + step):
                    if tokens[k].kind == "word":
                        self._name[k] = True
                j += step
                taken += 1
            i = j
        for i in range(len(tokens) - 1, 0, -1):
            if self._name[i] and not self._is_name(i - 1) and self._capital(tokens[i]):
                before = self._nameish(i - 1)
                if before is not None and self._capital(before):
                    self._name[i - 1] = True

    def _continues(self, first: _Token, j: int) -> int:
        """How many tokens from j carry on the name that `first` starts; 0 if none."""
        tokens = self._tokens
        token = tokens[j]
        if token.text in _QUOTES:  # Chukwuemeka "Emeka" Okafor
            inner = self._word(j + 1)
            if (
                inner is not None
                and self._free(inner)
                and self._capital(inner)
                and j + 2 < len(tokens)
                and tokens[j + 2].text in _QUOTES
            ):
                return 3
            return 0
        if token.kind != "word" or token.kept:
            return 0
        if token.key in self._lex.particles:  # bin, van der, Ó
            later = self._next_name_word(j - 1)
            if later is not None and self._surname(first, tokens[later]):
                return later - j + 1
            return 0
        return 1 if self._free(token) and self._surname(first, token) else 0

    def _surname(self, first: _Token, token: _Token) -> bool:
        lex = self._lex
        if token.kept or token.cls in (_Class.function, _Class.role) or token.case == "letter":
            return False
        if token.key in lex.organisation_words or token.key in lex.peoples:
            return False
        if token.key in _TIME_WORDS:
            return False
        if first.kind == "placeholder" or self._capital(first):
            return self._capital(token)
        if first.case == "upper" and not first.shout:  # client SKYE MORRISON
            return token.case == "upper" and (
                token.cls in (*_NAMEISH, _Class.place) or token.key in lex.word_surnames
            )
        if self._plain(first):
            return self._plain(token) and (
                token.cls in (_Class.unknown, _Class.given, _Class.place)
                or token.key in lex.word_surnames
            )
        return False

    def _coordinate(self) -> None:
        """ "Mark and Frank Sutton", "Tyler and Mason", "kids Shannon and Patrick"."""
        for j, token in enumerate(self._tokens):
            if token.key not in _COORDINATORS:
                continue
            if self._is_name(j - 1) and self._joins(j - 1, j + 1):
                self._name[j + 1] = True
            elif self._is_name(j + 1) and self._joins(j + 1, j - 1):
                self._name[j - 1] = True

    def _joins(self, named: int, other: int) -> bool:
        token = self._nameish(other)
        if token is None or self._name[other]:
            return False
        known = self._tokens[named]
        if known.kind == "placeholder":
            return self._capital(token)
        if self._capital(token) != self._capital(known):
            return False
        return self._capital(token) or token.cls is not _Class.word_name

    def _propagate(self) -> None:
        """A name found once goes everywhere it appears ("Leanne ... Leanne is scared");
        a given name that is also a word only where it is written the same way."""
        anyhow: set[str] = set()
        written: set[tuple[str, bool]] = set()
        for i, token in enumerate(self._tokens):
            if self._name[i] and token.kind == "word":
                if token.cls in (_Class.given, _Class.unknown):
                    anyhow.add(token.key)
                elif token.cls is _Class.word_name:
                    written.add((token.key, self._capital(token)))
        if not anyhow and not written:
            return
        for i, token in enumerate(self._tokens):
            if self._name[i] or self._nameish(i) is None:
                continue
            if token.key in anyhow or (token.key, self._capital(token)) in written:
                self._name[i] = True

    # --- the result

    def _merged(self) -> list[tuple[int, int]]:
        """Runs of name words (with the particles, quotes and spaces between) as spans."""
        tokens = self._tokens
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            if not self._name[i]:
                i += 1
                continue
            start, end, j = tokens[i].start, tokens[i].end, i + 1
            while j < len(tokens):
                if self._name[j]:
                    end, j = tokens[j].end, j + 1
                elif tokens[j].text in _QUOTES and j + 1 < len(tokens) and self._name[j + 1]:
                    j += 1
                elif tokens[j].text in _QUOTES and self._inside_quotes(i, j):
                    end, j = tokens[j].end, j + 1
                else:
                    break
            spans.append((start, end))
            i = j
        return spans

    def _inside_quotes(self, first: int, j: int) -> bool:
        """Does the quote at j close one opened inside the name that starts at `first`?"""
        opened = sum(self._tokens[k].text in _QUOTES for k in range(first, j))
        return opened % 2 == 1 and j + 1 < len(self._tokens) and self._name[j + 1]


def _case(word: str) -> str:
    """ "lower", "upper", "title" ("McDonald", "O'Neill") or "letter" (one capital)."""
    if word.islower():
        return "lower"
    if len(word) == 1 or (len(word) == 2 and not word[1].isalpha()):
        return "letter"
    if word.isupper():
        return "upper"
    return "title" if word[0].isupper() else "lower"
