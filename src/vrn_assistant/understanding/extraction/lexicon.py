"""The lexicon: the words and phrases that signal each fact, read from `knowledge/lexicon/`.

The words are data a VRN officer reviews and extends (`knowledge/lexicon/README.md`);
how they are matched stays here. Each file holds named word lists (`words`, used in
phrases as `<name>`) and entries saying what a phrase signals (a setting, a role, an
issue...). Every list carries example sentences, which the tests check it matches.

A phrase is written in a small pattern language, compiled here to a regular expression:

    arrest[ed|s]        endings: arrest, arrested, arrests
    assault*            any ending: assault, assaults, assaulted, assaulting
    (in|into|to) jail   one of several; an alternative may hold spaces ("(doing a|on a)")
    (a|an|the)? knife   a word or group that may be missing (never the last)
    serving .. sentence up to two other words between (one dot each: "...." four)
    my <partner> hits   any phrase of the named word list
    <number>            a number in digits or words (built in); <digits>: digits only
    non-violent         a hyphen inside a word: a hyphen, a space or nothing
    children's          an apostrophe inside a word may be missing
    a&e                 "&" with or without spaces around it

Words match whole words, case-insensitively (an entry `case_sensitive: true` matches
the question as written: "ED", "DA"), and the words of a phrase may be separated by
spaces or hyphens. An entry's `not_before` and `not_after` phrases cancel a match
they come just before or after ("child custody" is no police custody); its `unless`
names the readings of the surrounding words that cancel it (see `cues`).

Files are read once (`lexicon()`), validated strictly: an unknown key, a misspelt
value, an unknown `<name>`, a phrase that does not compile or an entry without two
examples is one `CatalogueError` naming the file and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from vrn_assistant.understanding.extraction.numbers import NUMBER_WORD
from vrn_core.errors import CatalogueError
from vrn_core.paths import default_knowledge_dir
from vrn_core.vocabulary import Gender, Issue, OffenceCategory, ProgrammeKind, Role, Sector, Setting
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = [
    "Context",
    "Cue",
    "Entry",
    "Lexicon",
    "Words",
    "compile_phrase",
    "lexicon",
    "lexicon_dir",
    "load_lexicon",
]

# --- The files' shapes ----------------------------------------------------------------

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Examples = Annotated[tuple[str, ...], Field(min_length=2)]
# What the words around a match may say that cancels it (cues.CONTEXTS reads each).
Context = Literal[
    "someone_else",
    "audience",
    "worker",
    "released",
    "beside_an_arrest",
    "police_custody_said",
    "practitioner_asking",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    """A named word list, used in phrases as `<id>`."""

    id: Name
    phrases: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    not_after: tuple[Phrase, ...] = ()
    examples: Examples
    note: str | None = None


class Entry(_Strict):
    """Phrases that signal one value of a fact."""

    id: Name
    phrases: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    not_before: tuple[Phrase, ...] = ()
    not_after: tuple[Phrase, ...] = ()
    unless: tuple[Context, ...] = ()
    case_sensitive: bool = False
    examples: Examples
    not_examples: tuple[str, ...] = ()
    note: str | None = None


class SettingEntry(Entry):
    setting: Setting
    # strong: said outright ("in custody"); weak: a hint ("arrested"), taken only when no
    # strong one is said; student: a student is at a university, when nothing else says;
    # home: at home, when nothing at all says otherwise
    strength: Literal["strong", "weak", "student", "home"]


class RoleEntry(Entry):
    role: Role
    says: Literal["present", "absent"] = "present"  # "hasn't got any kids": not a parent
    # absent: a negation before it says the role does not hold ("not been arrested")
    when_negated: Literal["ignore", "absent"] = "ignore"


class OccupationEntry(Entry):
    role: Role
    sector: Sector | None = None
    # asker: counts only when the asker says it of themselves ("I'm a nurse");
    # anyone: wherever it is said ("researchers", "I work")
    speaker: Literal["asker", "anyone"] = "asker"


class IssueEntry(Entry):
    issue: Issue
    says: Literal["present", "absent"] = "present"  # "unarmed": knives known absent


class OffenceEntry(Entry):
    offence: OffenceCategory


class GenderEntry(Entry):
    gender: Gender


class WantEntry(Entry):
    want: ProgrammeKind


class _File(_Strict):
    words: tuple[Words, ...] = ()


class _SettingsFile(_File):
    settings: tuple[SettingEntry, ...]


class _RolesFile(_File):
    roles: tuple[RoleEntry, ...]


class _OccupationsFile(_File):
    occupations: tuple[OccupationEntry, ...]


class _IssuesFile(_File):
    issues: tuple[IssueEntry, ...]


class _OffencesFile(_File):
    offences: tuple[OffenceEntry, ...]


class _PeopleFile(_File):
    genders: tuple[GenderEntry, ...]


class _WantsFile(_File):
    wants: tuple[WantEntry, ...]


class _Correction(_Strict):
    typo: str
    reads_as: str


class _SpellingFile(_Strict):
    key_words: Annotated[tuple[Phrase, ...], Field(min_length=1)]
    real_words: tuple[Phrase, ...] = ()
    examples: Annotated[tuple[_Correction, ...], Field(min_length=2)]


_FILES: Mapping[str, type[_Strict]] = {
    "settings": _SettingsFile,
    "roles": _RolesFile,
    "occupations": _OccupationsFile,
    "issues": _IssuesFile,
    "offences": _OffencesFile,
    "people": _PeopleFile,
    "relationships": _File,
    "negation": _File,
    "time": _File,
    "wants": _WantsFile,
    "spelling": _SpellingFile,
}
# Word lists the machinery itself uses, and the file each must be in.
_REQUIRED_WORDS = (
    ("negation", ("negator", "negating_ending", "attached_negator", "not_negating")),
    ("time", ("now", "released", "duration")),
    ("relationships", ("relative", "partner", "offspring", "family_of", "prisoners")),
    ("relationships", ("prisoners_family",)),
    ("settings", ("in_prison", "inside")),
    ("people", ("person", "person_is", "age_said")),
    ("occupations", ("team",)),
    ("offences", ("offence_context",)),
)

# --- The phrase language -----------------------------------------------------------

SEPARATOR = r"[\s-]+"
_EDGE = r"\b"
_GAP_WORD = r"[\w'&-]+[\s-]+"
_BUILT_IN = {"number": rf"(?:\d{{1,3}}|{NUMBER_WORD})", "digits": r"\d{1,3}"}


class PhraseError(ValueError):
    """A phrase the pattern language cannot read."""


def _tokens(phrase: str) -> list[str]:
    """Split on spaces outside brackets: "(doing a|on a) degree" is two tokens."""
    tokens: list[str] = []
    depth = 0
    current = ""
    for char in phrase:
        if char in "([<":
            depth += 1
        elif char in ")]>":
            depth -= 1
            if depth < 0:
                raise PhraseError(f"'{char}' without its opening bracket")
        if char.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    if depth != 0:
        raise PhraseError("a bracket is not closed")
    if current:
        tokens.append(current)
    return tokens


def _closing(token: str, start: int, opener: str, closer: str) -> int:
    depth = 0
    for index in range(start, len(token)):
        if token[index] == opener:
            depth += 1
        elif token[index] == closer:
            depth -= 1
            if depth == 0:
                return index
    raise PhraseError(f"'{opener}' is not closed")


def _split_alternatives(inner: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in inner:
        if char in "([<":
            depth += 1
        elif char in ")]>":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    if any(not part.strip() for part in parts):
        raise PhraseError("an empty alternative in '(...|...)'")
    return [part.strip() for part in parts]


def _token(token: str, words: Mapping[str, str], first: bool) -> str:
    out: list[str] = []
    index = 0
    while index < len(token):
        char = token[index]
        if char == "<":
            end = _closing(token, index, "<", ">")
            name = token[index + 1 : end]
            if name in _BUILT_IN:
                out.append(_BUILT_IN[name])
            elif name in words:
                out.append(f"(?:{words[name]})")
            else:
                raise PhraseError(f"no word list <{name}>")
            index = end + 1
        elif char == "(":
            end = _closing(token, index, "(", ")")
            options = _split_alternatives(token[index + 1 : end])
            # Whole words get their edges: "(in|to) jail"; endings do not: "glass(ed|ing)".
            left, right = index == 0, end == len(token) - 1
            compiled = [compile_phrase(o, words, left=left, right=right) for o in options]
            out.append(_either(compiled))
            index = end + 1
        elif char == "[":
            end = _closing(token, index, "[", "]")
            endings = _split_alternatives(token[index + 1 : end])
            if any(not re.fullmatch(r"[a-z']+", ending) for ending in endings):
                raise PhraseError(f"endings '[{token[index + 1 : end]}]' must be letters")
            out.append("(?:" + "|".join(re.escape(e) for e in endings) + ")?")
            index = end + 1
        elif char == "*":
            out.append(r"\w*")
            index += 1
        elif char == "-" and 0 < index < len(token) - 1:
            out.append(r"[\s-]?")
            index += 1
        elif char == "'" and not (first and index == 0):
            out.append("'?")
            index += 1
        elif char == "&":
            out.append(r"\s*&\s*")
            index += 1
        elif char in ")]>|?":
            raise PhraseError(f"'{char}' out of place in '{token}'")
        else:
            out.append(re.escape(char))
            index += 1
    return "".join(out)


def compile_phrase(
    phrase: str, words: Mapping[str, str], *, left: bool = True, right: bool = True
) -> str:
    """One phrase of the pattern language as a regular expression (source text); `left`
    and `right` say whether it must start and end at a word's edge."""
    tokens = _tokens(phrase)
    if not tokens:
        raise PhraseError("an empty phrase")
    units: list[tuple[str, bool, bool]] = []  # (regex, optional, gap)
    for position, token in enumerate(tokens):
        if set(token) == {"."}:
            units.append((f"(?:{_GAP_WORD}){{0,{len(token)}}}?", False, True))
            continue
        optional = token.endswith("?") and len(token) > 1
        body = token[:-1] if optional else token
        units.append((_token(body, words, position == 0), optional, False))
    if units[0][2] or units[-1][2]:
        raise PhraseError("a phrase cannot start or end with '..'")
    if units[-1][1]:
        raise PhraseError("the last word cannot be optional: write the phrase twice")
    pieces = []
    for regex, optional, gap in units[:-1]:
        if gap:
            pieces.append(regex)
        elif optional:
            pieces.append(f"(?:{regex}{SEPARATOR})?")
        else:
            pieces.append(f"{regex}{SEPARATOR}")
    pieces.append(units[-1][0])
    source = "".join(pieces)
    first, last = tokens[0], tokens[-1].rstrip("?")
    if left and first[0].isalnum():
        source = r"\b" + source
    if right and (last[-1].isalnum() or last[-1] == "]"):
        source += r"\b"
    return source


def _either(sources: Sequence[str]) -> str:
    """Alternatives as one group. The word edge most start with is said once, before
    them: the regex engine then skips an alternative at its first letter."""
    edged = [source[len(_EDGE) :] for source in sources if source.startswith(_EDGE)]
    if len(edged) < 2:
        return "(?:" + "|".join(sources) + ")"
    rest = [source for source in sources if not source.startswith(_EDGE)]
    grouped = _EDGE + "(?:" + "|".join(edged) + ")"
    return f"(?:{'|'.join([grouped, *rest])})" if rest else grouped


def _alternation(phrases: Sequence[str], words: Mapping[str, str], lower: bool) -> str:
    return _either([compile_phrase(p.lower() if lower else p, words) for p in phrases])


def _not_after(phrases: Sequence[str], words: Mapping[str, str]) -> str:
    if not phrases:
        return ""
    glued = [compile_phrase(p.lower(), words) for p in phrases if p.startswith("'")]
    spaced = [compile_phrase(p.lower(), words) for p in phrases if not p.startswith("'")]
    options = [f"{SEPARATOR}(?:{'|'.join(spaced)})"] if spaced else []
    options += glued
    return f"(?!{'|'.join(options)})"


# --- Compiled entries ----------------------------------------------------------------

_E = TypeVar("_E", bound=Entry)


@dataclass(frozen=True)
class Cue:
    """Entries compiled as one pattern; a match says which entry it is (`entry`)."""

    pattern: re.Pattern[str]
    vetoes: Mapping[str, re.Pattern[str]]  # entry group -> its not_before, ending in $
    by_group: Mapping[str, Entry]
    case_sensitive: bool

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = 0
        while True:
            match = self.pattern.search(text, position)
            if match is None:
                return
            veto = self.vetoes.get(match.lastgroup or "")
            if veto is not None and veto.search(text, max(0, match.start() - 40), match.start()):
                position = match.start() + 1
                continue
            yield match
            position = max(match.end(), match.start() + 1)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def entry(self, match: re.Match[str]) -> Entry:
        return self.by_group[match.lastgroup or ""]


def build_cue(entries: Sequence[Entry], words: Mapping[str, str]) -> Cue:
    """Entries (all of one case sensitivity) as one Cue."""
    parts: list[str] = []
    vetoes: dict[str, re.Pattern[str]] = {}
    by_group: dict[str, Entry] = {}
    sensitive = {entry.case_sensitive for entry in entries}
    if len(sensitive) != 1:
        raise ValueError("a cue's entries must all be case sensitive, or none")
    for index, entry in enumerate(entries):
        group = f"e{index}"
        body = _alternation(entry.phrases, words, lower=not entry.case_sensitive)
        parts.append(f"(?P<{group}>(?:{body}){_not_after(entry.not_after, words)})")
        if entry.not_before:
            before = _alternation(entry.not_before, words, lower=True)
            vetoes[group] = re.compile(f"(?:{before}){SEPARATOR}$")
        by_group[group] = entry
    return Cue(re.compile("|".join(parts)), vetoes, by_group, sensitive.pop())


def cues_by(entries: Sequence[_E], key: Any, words: Mapping[str, str]) -> list[tuple[Any, Cue]]:
    """One Cue per value of `key(entry)` and case sensitivity, in the order values come."""
    groups: dict[tuple[Any, bool], list[_E]] = {}
    for entry in entries:
        groups.setdefault((key(entry), entry.case_sensitive), []).append(entry)
    return [(value, build_cue(members, words)) for (value, _), members in groups.items()]


@dataclass(frozen=True)
class Lexicon:
    """Everything read from the lexicon files, compiled."""

    folder: Path
    words: Mapping[str, str]  # word list id -> regex source (an alternation)
    word_lists: Mapping[str, Words]
    settings: tuple[tuple[tuple[Setting, str], Cue], ...]  # ((setting, strength), cue)
    roles: tuple[tuple[tuple[Role, str, str], Cue], ...]  # ((role, says, when_negated), cue)
    occupations: tuple[tuple[OccupationEntry, Cue], ...]  # one cue per entry
    issues: tuple[tuple[tuple[Issue, str], Cue], ...]  # ((issue, says), cue)
    offences: tuple[tuple[OffenceCategory, Cue], ...]
    genders: tuple[tuple[Gender, Cue], ...]
    wants: tuple[tuple[ProgrammeKind, Cue], ...]
    key_words: tuple[str, ...]  # words whose misspellings are corrected
    real_words: frozenset[str]  # words one edit from a key word, never corrected
    entries: Mapping[str, tuple[str, Entry]]  # entry id -> (file, entry), for the tests

    def word(self, name: str) -> str:
        """A word list as a regex group: `(?:...)`."""
        return f"(?:{self.words[name]})"

    def phrases(self, name: str) -> tuple[str, ...]:
        """A word list's phrases as written."""
        return self.word_lists[name].phrases


def lexicon_dir() -> Path:
    """`lexicon/` of the knowledge folder; else the one shipped beside the catalogue."""
    configured = default_knowledge_dir() / "lexicon"
    if (configured / "settings.yaml").exists():
        return configured
    import vrn_core

    package = Path(vrn_core.__file__).resolve().parent
    for candidate in (
        package / "knowledge" / "lexicon",
        package.parents[1] / "knowledge" / "lexicon",
    ):
        if (candidate / "settings.yaml").exists():
            return candidate
    return configured


@cache
def lexicon() -> Lexicon:
    """The lexicon, read and compiled once."""
    return load_lexicon(lexicon_dir())


def _record(raw: Any, loc: tuple[int | str, ...]) -> str | None:
    """The id of the entry a pydantic error location points into."""
    if len(loc) >= 2 and isinstance(raw, dict) and isinstance(loc[1], int):
        items = raw.get(loc[0])
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            found = items[loc[1]].get("id")
            return str(found) if found is not None else f"{loc[0]}[{loc[1]}]"
    return None


def _read(folder: Path, name: str) -> _Strict:
    path = folder / f"{name}.yaml"
    if not path.exists():
        raise CatalogueError("the lexicon file is missing", path=str(path))
    raw = read_yaml(path)
    try:
        return _FILES[name].model_validate(raw)
    except ValidationError as exc:
        loc = tuple(exc.errors()[0]["loc"])
        raise validation_error(exc, path=path, record=_record(raw, loc)) from None


def load_lexicon(folder: Path) -> Lexicon:
    """Read, validate and compile every lexicon file of `folder`."""
    files = {name: _read(folder, name) for name in _FILES}
    lists: dict[str, tuple[str, Words]] = {}
    entries: dict[str, tuple[str, Entry]] = {}
    for name, data in files.items():
        for item in getattr(data, "words", ()):
            if item.id in lists or item.id in _BUILT_IN:
                raise CatalogueError(
                    "a word list of this name is already defined",
                    path=str(folder / f"{name}.yaml"),
                    record=item.id,
                )
            lists[item.id] = (name, item)
        for field_name in type(data).model_fields:
            if field_name == "words":
                continue
            for item in getattr(data, field_name):
                if isinstance(item, Entry):
                    if item.id in entries:
                        raise CatalogueError(
                            f"an entry of this id is already in {entries[item.id][0]}.yaml",
                            path=str(folder / f"{name}.yaml"),
                            record=item.id,
                        )
                    entries[item.id] = (name, item)
    for file_name, names in _REQUIRED_WORDS:
        for required in names:
            if required not in lists:
                raise CatalogueError(
                    f"the word list {required!r} is missing; the extractor needs it",
                    path=str(folder / f"{file_name}.yaml"),
                )
    words = _compile_words(folder, lists)
    for entry_id, (file_name, entry) in entries.items():
        _check(folder, file_name, entry_id, entry, words)

    def typed(name: str, field_name: str) -> tuple[Any, ...]:
        return tuple(getattr(files[name], field_name))

    settings: tuple[SettingEntry, ...] = typed("settings", "settings")
    roles: tuple[RoleEntry, ...] = typed("roles", "roles")
    occupations: tuple[OccupationEntry, ...] = typed("occupations", "occupations")
    issues: tuple[IssueEntry, ...] = typed("issues", "issues")
    offences: tuple[OffenceEntry, ...] = typed("offences", "offences")
    genders: tuple[GenderEntry, ...] = typed("people", "genders")
    wants: tuple[WantEntry, ...] = typed("wants", "wants")
    spelling = files["spelling"]
    assert isinstance(spelling, _SpellingFile)
    return Lexicon(
        folder=folder,
        words=words,
        word_lists={name: item for name, (_, item) in lists.items()},
        settings=tuple(cues_by(settings, lambda e: (e.setting, e.strength), words)),
        roles=tuple(cues_by(roles, lambda e: (e.role, e.says, e.when_negated), words)),
        occupations=tuple((entry, build_cue([entry], words)) for entry in occupations),
        issues=tuple(cues_by(issues, lambda e: (e.issue, e.says), words)),
        offences=tuple(cues_by(offences, lambda e: e.offence, words)),
        genders=tuple(cues_by(genders, lambda e: e.gender, words)),
        wants=tuple(cues_by(wants, lambda e: e.want, words)),
        key_words=tuple(word.lower() for word in spelling.key_words),
        real_words=frozenset(word.lower() for word in spelling.real_words),
        entries=entries,
    )


class _Resolver(Mapping[str, str]):
    """Word lists by name, compiled on first use; `trail` catches a circle."""

    def __init__(self, lists: Mapping[str, tuple[str, Words]], done: dict[str, str]) -> None:
        self.lists = lists
        self.done = done
        self.trail: tuple[str, ...] = ()
        self.folder = Path()

    def __contains__(self, key: object) -> bool:
        return key in self.lists

    def __iter__(self) -> Iterator[str]:
        return iter(self.lists)

    def __len__(self) -> int:
        return len(self.lists)

    def __getitem__(self, name: str) -> str:
        if name in self.done:
            return self.done[name]
        file_name, item = self.lists[name]
        where = {"path": str(self.folder / f"{file_name}.yaml"), "record": name}
        if name in self.trail:
            circle = " -> ".join((*self.trail, name))
            raise CatalogueError(f"word lists use each other in a circle: {circle}", **where)
        self.trail = (*self.trail, name)
        try:
            source = _alternation(item.phrases, self, lower=True)
            if item.not_after:
                source = f"(?:{source}){_not_after(item.not_after, self)}"
            re.compile(source)
        except (PhraseError, re.error) as exc:
            message = f"a phrase cannot be read: {exc}"
            raise CatalogueError(message, field="phrases", **where) from None
        finally:
            self.trail = self.trail[:-1]
        self.done[name] = source
        return source


def _compile_words(folder: Path, lists: Mapping[str, tuple[str, Words]]) -> dict[str, str]:
    """Each word list as regex source; lists may use lists, never in a circle."""
    done: dict[str, str] = {}
    resolver = _Resolver(lists, done)
    resolver.folder = folder
    for name in lists:
        resolver[name]
    return done


def _check(
    folder: Path, file_name: str, entry_id: str, entry: Entry, words: Mapping[str, str]
) -> None:
    try:
        build_cue([entry], words)
    except (PhraseError, re.error) as exc:
        raise CatalogueError(
            f"a phrase cannot be read: {exc}",
            path=str(folder / f"{file_name}.yaml"),
            record=entry_id,
            field="phrases",
        ) from None
