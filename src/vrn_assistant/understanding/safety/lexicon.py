"""knowledge/lexicon/danger.yaml: read strictly, and compiled into linear patterns over one
code character per word."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from vrn_assistant.understanding.safety.model import (
    _ALL_KINDS,
    _BUILT_IN_CLASSES,
    _MAX_ELEMENTS,
    _MAX_GAP,
    _MAX_GAPS,
    _MAX_OPTIONAL,
    _MEDIA_KINDS,
    _MIN_TYPO_KEY,
    _REQUIRED_CLASSES,
    Effect,
    Kind,
    Tense,
    Weight,
)
from vrn_core.errors import CatalogueError
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = ["danger_lexicon_path", "load_lexicon"]

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
    # Events first: an event told in the past is known before the state phrases of its
    # clause are judged.
    danger: tuple[_Rule, ...]
    context: tuple[_Rule, ...]
    left_block: frozenset[str]
    perfect: frozenset[str]
    fresh: frozenset[str]  # "just": an event that is news even in A&E or custody
    present: frozenset[str]  # a present-tense verb: ends the reach of a past marker
    splits_clause: frozenset[str]
    # "my dad's outside": after a @person word (not a @be contraction such as "he's"),
    # "'s" reads as "is" before an @after_is word, "has" before an @after_has word
    # ("the lad's been glassed"), and is a possessive, dropped, otherwise.
    people: frozenset[str] = frozenset()  # words, not codes
    joined: frozenset[str] = frozenset()
    after_is: frozenset[str] = frozenset()
    after_has: frozenset[str] = frozenset()
    # A word the lexicon does not know, one edit from a @typo_key word ("brething"),
    # reads as it: each key and its one-letter deletions -> the key ("" if two keys
    # share one). Real words one edit from a key are lexicon words (@typo_real), so
    # never read through.
    typos: dict[str, str] = field(default_factory=dict)
    longest_typo: int = 0


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
def danger_words() -> frozenset[str]:
    """Every word the shipped danger lexicon reads ("breathe", "lips", "double"):
    redaction takes none of them for a name on its own, so that no sign of danger is
    redacted away before the danger check reads the message."""
    return frozenset(word for word in _lexicon().codes if word.isalpha())


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
    after_is = classes.get("after_is", frozenset())
    after_has = classes.get("after_has", frozenset())
    keys = classes.get("typo_key", frozenset())
    short = sorted(key for key in keys if len(key) < _MIN_TYPO_KEY)
    if short:
        raise ValueError(f"classes: typo_key words have {_MIN_TYPO_KEY} letters or more: {short}")
    typos: dict[str, str] = {}
    for key in sorted(keys):
        for variant in {key, *_deletions(key)}:
            typos[variant] = key if typos.get(variant, key) == key else ""

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

    danger = sorted(document.danger, key=lambda entry: entry.tense != "event")
    return _Lexicon(
        codes=codes,
        danger=tuple(rule(entry) for entry in danger),
        context=tuple(rule(entry) for entry in document.context),
        left_block=coded(classes["left_block"]),
        perfect=coded(classes["perfect"]),
        fresh=coded(classes.get("fresh", frozenset())),
        present=coded(classes["be"]),
        splits_clause=coded(frozenset({"and", "but"})),
        people=classes.get("person", frozenset()) if after_is | after_has else frozenset(),
        joined=classes["be"],
        after_is=after_is,
        after_has=after_has,
        typos=typos,
        longest_typo=max(map(len, keys), default=0) + 1,
    )


def _deletions(word: str) -> set[str]:
    """The word with one letter taken out, at each place."""
    return {word[:place] + word[place + 1 :] for place in range(len(word))}


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
