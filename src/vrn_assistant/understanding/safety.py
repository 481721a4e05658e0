"""Immediate danger first: does the question describe someone at risk right now?

`assess_danger` looks for danger happening now: a weapon being used or
threatened, someone seriously hurt, a child at risk, someone about to take
their own life, or violence in progress. When it finds danger, the answer leads
with `EMERGENCY_ADVICE`.

The words are data, the grammar is here. `knowledge/lexicon/danger.yaml` lists,
with examples for each entry, the phrases that signal danger (`danger`) and the
phrases that say a danger phrase is not about now (`context`: the past, a habit,
something already dealt with, a hypothetical, a general or training question, a
picture or film) or that it is (`support`: "right now", "i can hear him", a cry
for help). This module reads the grammar of "now" around each match:

* a danger phrase preceded by "was", "would", "might", "not", "for", "after"...
  ("was bleeding", "arrested for stabbing") is not about now;
* a past-tense event ("stabbed", "has taken 30 tablets", "locked her in")
  counts as now only in the present perfect or with "just" ("has been stabbed",
  "just got stabbed"), or "20 mins ago"; told plainly in the past it is only a
  hint, worth something beside a present sign ("he hit her, he's still here");
* a past marker ("last year", "in 2019", "used to") covers its clause back to the
  start and forward until a present verb: "the man who hit me last year IS
  outside" is now; a habit, something dealt with ("arrested", "stable") or a
  vague future covers its clause; "if", "what to do when", "how do we" cover
  what follows in the phrase; training, figures, news and jokes ("signs of",
  "lol") and pictures (weapon and violence only) cover the whole phrase;
* `strong` phrases ("not breathing", "he is strangling her") are an emergency
  on their own; `weak` ones ("he has a knife", "he's outside", "the doors are
  locked") only with a second weak one, a `booster` ("he's drunk", "I'm
  scared") or a `support` cue.

Linear time, by construction (issue 12). Each word of the message becomes one
character of a code string (one code per lexicon word; every other word shares
one code), and each lexicon pattern becomes a regular expression over those codes
made only of character classes, optional classes and gaps of at most
`_MAX_GAP` codes: no nested or unbounded repetition, so a match tried at one
position explores a bounded number of paths and scanning is linear in the
message for every pattern. Every match is then judged in constant time against
per-clause facts computed once, never by rescanning the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from vrn_core.errors import CatalogueError
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = [
    "EMERGENCY_ADVICE",
    "REASONS",
    "Danger",
    "Evidence",
    "assess_danger",
    "context_markers",
    "danger_lexicon_path",
    "evidence",
    "load_lexicon",
]

EMERGENCY_ADVICE = (
    "If anyone is in immediate danger, call 999 now (police, and an ambulance if anyone is "
    "hurt). If you cannot speak, call 999 from a mobile, listen, and press 55 when prompted "
    "(the Silent Solution) to be put through to the police. Do not put yourself at risk. "
    "Then follow your organisation's local safeguarding procedures: for a child, tell your "
    "designated safeguarding lead and contact children's social care at the local council, as "
    "your local safeguarding children partnership sets out; for an adult at risk, tell your "
    "safeguarding lead and contact adult social care at the local council. Someone thinking "
    "about suicide but not in immediate danger can call Samaritans free on 116 123."
)


@dataclass(frozen=True)
class Danger:
    """Why the question was read as describing immediate danger (plain English)."""

    reasons: tuple[str, ...]


Kind = Literal["weapon", "hurt", "child", "suicide", "violence"]
Weight = Literal["strong", "weak", "booster"]
Tense = Literal["state", "event"]
Effect = Literal[
    "past", "habit", "resolved", "future", "recent", "hypothetical", "general", "media", "support"
]

REASONS: dict[Kind, str] = {
    "weapon": "a weapon is being used or threatened now",
    "hurt": "someone is seriously hurt now",
    "child": "a child is at risk now",
    "suicide": "someone may take their own life now",
    "violence": "violence is happening now",
}
_ALL_KINDS: frozenset[Kind] = frozenset(REASONS)

# Effects and where they reach. A "clause" ends at punctuation, "and" or "but"; a
# "phrase" ends only at punctuation (so "if he turns up and has a knife" stays one).
_CLAUSE_EFFECTS = frozenset({"past", "habit", "resolved", "future"})  # block in the clause
_AFTER_EFFECTS = frozenset({"hypothetical"})  # block later in the phrase
_PHRASE_EFFECTS = frozenset({"general", "media"})  # block anywhere in the phrase
_MEDIA_KINDS: frozenset[Kind] = frozenset({"weapon", "violence"})

# Bounds that keep every compiled pattern linear: validated when the lexicon is read.
_MAX_GAP = 6
_MAX_GAPS = 3
_MAX_ELEMENTS = 12
_MAX_OPTIONAL = 3
_WEAK_KEPT = 3  # weak matches of one rule worth keeping when deciding
_BUILT_IN_CLASSES = frozenset({"digits", "year"})
# Classes the machinery itself needs.
_REQUIRED_CLASSES = ("negation", "left_block", "perfect", "be")

# --- The lexicon file, read strictly --------------------------------------------

_Word = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+$")]
_ClassName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_PatternText = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9_@|?!~^$ ]+$", min_length=1, max_length=600)
]
_NotAfter = Annotated[str, StringConstraints(pattern=r"^@?[a-z0-9_]+$")]


class _Entry(BaseModel):
    """What danger and context entries share."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: _Id
    patterns: list[_PatternText] = Field(min_length=1)
    # Words (or @classes) that, right before a match, mean it does not count.
    not_after: list[_NotAfter] = []
    examples: list[_Text] = Field(min_length=1)
    note: _Text | None = None


class _DangerEntry(_Entry):
    """Phrases that signal danger now: what kind, how much on their own, and their tense."""

    kind: Kind
    weight: Weight
    tense: Tense = "state"
    # Messages with these words that are not emergencies (checked by the tests).
    not_examples: list[_Text] = []


class _ContextEntry(_Entry):
    """Phrases that say a danger phrase near them is not about now (or that it is)."""

    effect: Effect
    blocks: list[Kind] | None = None  # default: every kind (media: weapon and violence)


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    classes: dict[_ClassName, list[_Word]]
    danger: list[_DangerEntry] = Field(min_length=1)
    context: list[_ContextEntry] = Field(min_length=1)


# --- Compiled form ------------------------------------------------------------------

# Codes for the pieces of a message that are not lexicon words.
_OTHER = "\ue000"  # any word the lexicon does not name
_DIGITS = "\ue001"  # a number
_YEAR = "\ue002"  # a four-digit year, 1900-2099
_SENTENCE_END = "\ue003"  # . ! ? ; or a line break
_PHRASE_END = "\ue004"  # , : or a spaced dash
_FIRST_WORD_CODE = 0xE010
_BOUNDARIES = _SENTENCE_END + _PHRASE_END


@dataclass(frozen=True)
class _Rule:
    """One lexicon entry, its patterns compiled."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    not_after: frozenset[str]  # codes
    kind: Kind | None = None
    weight: Weight | None = None
    tense: Tense = "state"
    effect: Effect | None = None
    blocks: frozenset[Kind] = _ALL_KINDS


@dataclass(frozen=True)
class _Lexicon:
    codes: dict[str, str]
    danger: tuple[_Rule, ...]
    context: tuple[_Rule, ...]
    left_block: frozenset[str]
    perfect: frozenset[str]
    present: frozenset[str]  # a present-tense verb: ends the reach of a past marker
    splits_clause: frozenset[str]


@dataclass(frozen=True)
class Evidence:
    """One danger phrase found and judged: which entry, and what it counts for."""

    entry: str
    kind: Kind | None  # None for a support cue ("right now"), which gives no reason
    weight: Weight
    start: int  # token index
    end: int  # token index after the match


def danger_lexicon_path() -> Path:
    """knowledge/lexicon/danger.yaml as shipped (not $VRN_KNOWLEDGE_DIR: the lexicon is code)."""
    import vrn_core

    package = Path(vrn_core.__file__).resolve().parent
    installed = package / "knowledge" / "lexicon" / "danger.yaml"
    if installed.is_file():
        return installed
    return package.parents[1] / "knowledge" / "lexicon" / "danger.yaml"


def load_lexicon(path: Path) -> _Lexicon:
    """Read and compile a danger lexicon; any problem is one CatalogueError naming it."""
    raw = read_yaml(path)
    try:
        document = _LexiconFile.model_validate(raw)
    except ValidationError as exc:
        raise validation_error(exc, path=path, record=None) from None
    try:
        return _compile(document)
    except ValueError as exc:
        raise CatalogueError(str(exc), path=str(path)) from None


@cache
def _lexicon() -> _Lexicon:
    return load_lexicon(danger_lexicon_path())


def _compile(document: _LexiconFile) -> _Lexicon:
    classes = {name: frozenset(words) for name, words in document.classes.items()}
    for name in _REQUIRED_CLASSES:
        if name not in classes:
            raise ValueError(f"classes: the class {name!r} is required")
    clash = _BUILT_IN_CLASSES & classes.keys()
    if clash:
        raise ValueError(f"classes: {sorted(clash)} are built in and cannot be redefined")
    ids = [entry.id for entry in (*document.danger, *document.context)]
    repeated = sorted({name for name in ids if ids.count(name) > 1})
    if repeated:
        raise ValueError(f"entry ids must be unique: {repeated}")

    words: set[str] = {"and", "but"}
    for members in classes.values():
        words |= members
    parsed: dict[str, list[list[_Element]]] = {}
    for entry in (*document.danger, *document.context):
        parsed[entry.id] = []
        for text in entry.patterns:
            try:
                elements = _parse(text, classes)
            except ValueError as exc:
                raise ValueError(f"{entry.id}: pattern {text!r}: {exc}") from None
            parsed[entry.id].append(elements)
            for element in elements:
                words |= element.words
        for item in entry.not_after:
            words |= _members(item, classes, entry.id)
    codes = {word: chr(_FIRST_WORD_CODE + number) for number, word in enumerate(sorted(words))}
    if len(codes) > 0xF8FF - _FIRST_WORD_CODE:
        raise ValueError("too many distinct words for the code space")

    def coded(members: frozenset[str]) -> frozenset[str]:
        return frozenset(codes[word] for word in members)

    negation = "".join(sorted(coded(classes["negation"])))

    def rule(entry: _DangerEntry | _ContextEntry) -> _Rule:
        patterns = tuple(
            re.compile(_regex(elements, codes, negation)) for elements in parsed[entry.id]
        )
        not_after = frozenset(
            code for item in entry.not_after for code in coded(_members(item, classes, entry.id))
        )
        if isinstance(entry, _DangerEntry):
            return _Rule(entry.id, patterns, not_after, entry.kind, entry.weight, entry.tense)
        default = _MEDIA_KINDS if entry.effect == "media" else _ALL_KINDS
        blocks = frozenset(entry.blocks) if entry.blocks is not None else default
        return _Rule(entry.id, patterns, not_after, effect=entry.effect, blocks=blocks)

    return _Lexicon(
        codes=codes,
        danger=tuple(rule(entry) for entry in document.danger),
        context=tuple(rule(entry) for entry in document.context),
        left_block=coded(classes["left_block"]),
        perfect=coded(classes["perfect"]),
        present=coded(classes["be"]),
        splits_clause=coded(frozenset({"and", "but"})),
    )


@dataclass(frozen=True)
class _Element:
    """One step of a pattern: a set of words (maybe optional), a gap, or an assertion."""

    op: Literal["words", "gap", "not", "end", "start"]
    words: frozenset[str] = frozenset()
    builtins: frozenset[str] = frozenset()  # "digits", "year"
    optional: bool = False
    gap: int = 0


def _members(item: str, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    if item.startswith("@"):
        name = item[1:]
        if name not in classes:
            raise ValueError(f"{where}: unknown class @{name}")
        return classes[name]
    if not re.fullmatch(r"[a-z0-9]+", item):
        raise ValueError(f"{where}: {item!r} is not a lower-case word")
    return frozenset({item})


def _alternatives(text: str, classes: dict[str, frozenset[str]]) -> _Element:
    words: set[str] = set()
    builtins: set[str] = set()
    for option in text.split("|"):
        if option.startswith("@") and option[1:] in _BUILT_IN_CLASSES:
            builtins.add(option[1:])
        elif option.startswith("@"):
            if option[1:] not in classes:
                raise ValueError(f"unknown class {option}")
            words |= classes[option[1:]]
        elif re.fullmatch(r"[a-z0-9]+", option):
            words.add(option)
        else:
            raise ValueError(f"{option!r} is not a word or @class")
    return _Element("words", frozenset(words), frozenset(builtins))


def _parse(text: str, classes: dict[str, frozenset[str]]) -> list[_Element]:
    elements: list[_Element] = []
    for part in text.split():
        if part == "$":
            elements.append(_Element("end"))
        elif part == "^":
            elements.append(_Element("start"))
        elif part.startswith("~"):
            if not part[1:].isdigit() or not 1 <= int(part[1:]) <= _MAX_GAP:
                raise ValueError(f"a gap is ~1 to ~{_MAX_GAP}, not {part}")
            elements.append(_Element("gap", gap=int(part[1:])))
        elif part.startswith("!"):
            negative = _alternatives(part[1:], classes)
            elements.append(_Element("not", negative.words, negative.builtins))
        elif part.endswith("?"):
            optional = _alternatives(part[:-1], classes)
            elements.append(_Element("words", optional.words, optional.builtins, optional=True))
        else:
            elements.append(_alternatives(part, classes))
    steps = [element for element in elements if element.op in ("words", "gap")]
    if len(elements) > _MAX_ELEMENTS:
        raise ValueError(f"at most {_MAX_ELEMENTS} elements")
    if sum(element.op == "gap" for element in elements) > _MAX_GAPS:
        raise ValueError(f"at most {_MAX_GAPS} gaps")
    if sum(element.optional for element in elements) > _MAX_OPTIONAL:
        raise ValueError(f"at most {_MAX_OPTIONAL} optional words")
    first = next((element for element in elements if element.op != "start"), None)
    if first is None or first.op != "words" or first.optional:
        raise ValueError("must begin with a required word (after an optional ^)")
    last = steps[-1]
    if last.op != "words" or last.optional:
        raise ValueError("must end with a required word (before any ! or $)")
    if any(element.op == "start" for element in elements[1:]):
        raise ValueError("^ may only begin a pattern")
    return elements


def _regex(elements: Sequence[_Element], codes: dict[str, str], negation: str) -> str:
    """Character classes, optional classes and bounded lazy gaps: nothing that can nest."""

    def charset(element: _Element) -> str:
        chars = {codes[word] for word in element.words}
        if "digits" in element.builtins:
            chars |= {_DIGITS, _YEAR}
        if "year" in element.builtins:
            chars.add(_YEAR)
        return "[" + "".join(sorted(chars)) + "]"

    pieces: list[str] = []
    for element in elements:
        if element.op == "words":
            pieces.append(charset(element) + ("?" if element.optional else ""))
        elif element.op == "gap":
            pieces.append(f"[^{_BOUNDARIES}{negation}]{{0,{element.gap}}}?")
        elif element.op == "not":
            pieces.append(f"(?!{charset(element)})")
        elif element.op == "end":
            pieces.append(f"(?![^{_BOUNDARIES}])")
        else:  # start
            pieces.append(f"(?<![^{_BOUNDARIES}])")
    return "".join(pieces)


# --- Reading a message --------------------------------------------------------------

# One pass, each alternative a single character class: words, sentence and phrase ends.
# Words, and the punctuation that ends a sentence or a phrase; a hyphen inside a
# word is skipped ("self-harm" reads as "self harm"). Each alternative is one
# character class: no backtracking.
_TOKEN = re.compile(r"[^\W_]+|[.!?;\n,:]")
# A dash with space (or the text's edge) on both sides ends a phrase: "custody - he is".
_SPACED_DASH = re.compile(r"(?<!\S)[-–—]+(?!\S)")
_PUNCTUATION = dict.fromkeys(".!?;\n", _SENTENCE_END) | dict.fromkeys(",:", _PHRASE_END)
_APOSTROPHES = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "ʼ": None, "´": None})
# Contractions that would read as another word once the apostrophe goes ("we're" as "were").
_CONTRACTIONS = re.compile(r"\b(we|i|you|they|she|he|it)'(re|ll|d|m|ve)\b")
_EXPANDED = {"re": "are", "ll": "will", "d": "would", "m": "am", "ve": "have"}
_KEEP_JOINED = frozenset({("i", "m"), ("she", "ll"), ("he", "ll"), ("they", "re")})


@dataclass
class _Message:
    """The message as codes, and where each token sits: sentence, phrase and clause."""

    codes: str = ""
    sentence: list[int] = field(default_factory=list)
    phrase: list[int] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)


def _normalise(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'")

    def expand(match: re.Match[str]) -> str:
        subject, ending = match.group(1), match.group(2)
        if (subject, ending) in _KEEP_JOINED:
            return subject + ending
        return f"{subject} {_EXPANDED[ending]}"

    return _CONTRACTIONS.sub(expand, text).translate(_APOSTROPHES)


def _read(text: str, lexicon: _Lexicon) -> _Message:
    """Tokens as codes, and the sentence, phrase and clause of each: one pass."""
    message = _Message()
    codes: list[str] = []
    sentences, phrases, clauses = message.sentence, message.phrase, message.clause
    sentence = phrase = clause = 0
    words, splits = lexicon.codes, lexicon.splits_clause
    for token in _TOKEN.findall(_SPACED_DASH.sub(",", _normalise(text))):
        code = words.get(token) or _PUNCTUATION.get(token)
        if code is None:
            if not token.isdigit():
                code = _OTHER
            elif len(token) == 4 and token[:2] in ("19", "20"):
                code = _YEAR
            else:
                code = _DIGITS
        elif code in _BOUNDARIES:
            if codes and codes[-1] in _BOUNDARIES:  # a run of punctuation counts once
                if code == _SENTENCE_END and codes[-1] == _PHRASE_END:
                    codes[-1] = code
                    sentence += 1
                continue
            phrase += 1
            clause += 1
            if code == _SENTENCE_END:
                sentence += 1
        elif code in splits:
            clause += 1
        codes.append(code)
        sentences.append(sentence)
        phrases.append(phrase)
        clauses.append(clause)
    message.codes = "".join(codes)
    return message


@dataclass
class _Context:
    """What the context entries say, per clause, phrase and sentence: computed once."""

    clause_blocks: dict[int, set[Kind]] = field(default_factory=dict)
    # Past markers reach the rest of their clause until a present verb ("the man who
    # hit me last year is outside"), and back to its start ("was stabbed in 2019").
    past_last_start: dict[int, int] = field(default_factory=dict)  # clause -> last start
    past_reach: list[bool] = field(default_factory=list)  # token -> after a past marker
    phrase_blocks: dict[int, set[Kind]] = field(default_factory=dict)
    # phrase -> kind -> start of the first hypothetical marker blocking it: one number
    # each, so judging a match never walks a list of markers.
    after: dict[int, dict[Kind, int]] = field(default_factory=dict)
    past_sentences: set[int] = field(default_factory=set)
    recent_clauses: set[int] = field(default_factory=set)
    support: list[tuple[str, int]] = field(default_factory=list)  # (entry, token index)
    matched: set[str] = field(default_factory=set)  # context entries found (for the tests)


def _matches(rule: _Rule, message: _Message) -> Iterator[tuple[int, int]]:
    for pattern in rule.patterns:
        for match in pattern.finditer(message.codes):
            yield match.start(), match.end()


def _left_blocked(start: int, message: _Message, lexicon: _Lexicon, rule: _Rule) -> bool:
    """'was bleeding', 'arrested for stabbing', 'not threatening': the match is not about now."""
    codes, phrase = message.codes, message.phrase
    for back in (1, 2):
        position = start - back
        if position < 0 or phrase[position] != phrase[start] or codes[position] in _BOUNDARIES:
            return False
        if codes[position] in lexicon.left_block:
            return True
        if back == 1 and codes[position] in rule.not_after:
            return True
    return False


def _context(message: _Message, lexicon: _Lexicon) -> _Context:
    context = _Context()
    past_ends: list[int] = []
    for rule in lexicon.context:
        for start, end in _matches(rule, message):
            if start and message.codes[start - 1] in rule.not_after:
                continue
            context.matched.add(rule.id)
            effect = rule.effect
            if effect == "past":
                past_ends.append(end)
                for clause in {message.clause[start], message.clause[end - 1]}:
                    last = context.past_last_start.get(clause, -1)
                    context.past_last_start[clause] = max(last, start)
                context.past_sentences.add(message.sentence[start])
            elif effect in _CLAUSE_EFFECTS:
                for clause in {message.clause[start], message.clause[end - 1]}:
                    context.clause_blocks.setdefault(clause, set()).update(rule.blocks)
            elif effect == "recent":
                context.recent_clauses.add(message.clause[start])
            elif effect in _AFTER_EFFECTS:
                first = context.after.setdefault(message.phrase[start], {})
                for kind in rule.blocks:
                    first[kind] = min(first.get(kind, start), start)
            elif effect in _PHRASE_EFFECTS:
                context.phrase_blocks.setdefault(message.phrase[start], set()).update(rule.blocks)
            elif effect == "support" and not _left_blocked(start, message, lexicon, rule):
                context.support.append((rule.id, start))
    # One sweep: is each token after a past marker in its clause, with no present verb since?
    size = len(message.codes)
    ends = [False] * (size + 1)
    for end in past_ends:
        ends[end] = True
    reach = [False] * size
    active = False
    for position in range(size):
        if position and message.clause[position] != message.clause[position - 1]:
            active = False
        if ends[position]:
            active = True
        if message.codes[position] in lexicon.present:
            active = False
        reach[position] = active
    context.past_reach = reach
    return context


def _blocked(kind: Kind, start: int, end: int, message: _Message, context: _Context) -> bool:
    """Past, habitual, dealt with, hypothetical, general or a picture: not about now."""
    if context.past_reach[start]:
        return True
    for clause in {message.clause[start], message.clause[end - 1]}:
        if kind in context.clause_blocks.get(clause, ()):
            return True
        if context.past_last_start.get(clause, -1) >= start:
            return True
    phrase = message.phrase[start]
    if kind in context.phrase_blocks.get(phrase, ()):
        return True
    return context.after.get(phrase, {}).get(kind, start) < start


def _perfect(start: int, end: int, message: _Message, lexicon: _Lexicon) -> bool:
    """'has been stabbed', 'he's punched me', 'a lad has just collapsed': a past event that
    is now. A @perfect word in the match or up to 3 words before it (a bounded window)."""
    codes, phrase = message.codes, message.phrase
    for position in range(end - 1, max(-1, start - 4), -1):
        if phrase[position] != phrase[start]:
            return False
        if codes[position] in lexicon.perfect:
            return True
    return False


def context_markers(text: str) -> set[str]:
    """The ids of the context entries found in the text (what the tests check)."""
    lexicon = _lexicon()
    message = _read(text, lexicon)
    return _context(message, lexicon).matched if message.codes else set()


def evidence(text: str, *, deciding: bool = False) -> list[Evidence]:
    """Every danger phrase in the text that counts, with what it counts for.

    `deciding`: only what `assess_danger` needs. A rule stops at its first strong
    match, and keeps at most `_WEAK_KEPT` weak ones and one booster: more of the same
    changes nothing, and a message repeating a trigger costs no more to judge.
    """
    lexicon = _lexicon()
    message = _read(text, lexicon)
    if not message.codes:
        return []
    context = _context(message, lexicon)
    found = [Evidence(entry, None, "booster", start, start + 1) for entry, start in context.support]
    for rule in lexicon.danger:
        assert rule.kind is not None and rule.weight is not None
        kept: dict[Weight, int] = {"strong": 0, "weak": 0, "booster": 0}
        for start, end in _matches(rule, message):
            if deciding and (kept["strong"] or kept["weak"] >= _WEAK_KEPT):
                break
            if _left_blocked(start, message, lexicon, rule):
                continue
            if _blocked(rule.kind, start, end, message, context):
                continue
            weight = rule.weight
            now = (
                _perfect(start, end, message, lexicon)
                or message.clause[start] in context.recent_clauses
            )
            if rule.tense == "event" and not now:
                # Told in the past: a hint beside a present sign, unless the
                # sentence puts it in the past ("a row last night and he punched").
                if message.sentence[start] in context.past_sentences:
                    continue
                weight = "booster"
            if deciding and weight == "booster" and kept["booster"]:
                continue
            kept[weight] += 1
            found.append(Evidence(rule.id, rule.kind, weight, start, end))
    return found


def assess_danger(text: str) -> Danger | None:
    """Danger happening now, with the reasons; None for an ordinary question."""
    found = evidence(text, deciding=True)
    strong = [item for item in found if item.weight == "strong"]
    weak = [item for item in found if item.weight == "weak"]
    # Weak signs count once per stretch of words: "he's outside my house" is one sign,
    # "he's outside" and "he's got a knife" are two. Two signs that do not overlap
    # exist exactly when one starts after the earliest end (no sorting needed).
    earliest_end = min((item.end for item in weak), default=-1)
    two_weak = any(item.start >= earliest_end for item in weak)
    boosted = any(item.weight == "booster" for item in found)
    counted = strong + weak if weak and (two_weak or boosted) else strong
    first: dict[Kind, int] = {}
    for item in counted:
        if item.kind is not None and item.start < first.get(item.kind, len(text) + 1):
            first[item.kind] = item.start
    if not first:
        return None
    return Danger(reasons=tuple(REASONS[kind] for kind in sorted(first, key=first.__getitem__)))
