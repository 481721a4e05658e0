"""Finding, reading and checking the lexicon files, once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vrn_assistant.understanding.extraction.lexicon.compiled import (
    Lexicon,
    build_cue,
    cues_by,
)
from vrn_assistant.understanding.extraction.lexicon.phrases import (
    _BUILT_IN,
    PhraseError,
    _alternation,
    _not_after,
)
from vrn_assistant.understanding.extraction.lexicon.shapes import (
    _FILES,
    _REQUIRED_WORDS,
    AskerEntry,
    Entry,
    GenderEntry,
    IssueEntry,
    OccupationEntry,
    OffenceEntry,
    RoleEntry,
    SettingEntry,
    WantEntry,
    Words,
    _SpellingFile,
    _Strict,
)
from vrn_core.errors import CatalogueError
from vrn_core.paths import default_knowledge_dir
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = ["lexicon", "lexicon_dir", "load_lexicon"]


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
    askers: tuple[AskerEntry, ...] = typed("askers", "askers")
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
        askers=tuple((entry, build_cue([entry], words)) for entry in askers),
        issues=tuple(cues_by(issues, lambda e: (e.issue, e.says), words)),
        offences=tuple(cues_by(offences, lambda e: e.offence, words)),
        genders=tuple(cues_by(genders, lambda e: e.gender, words)),
        wants=tuple(cues_by(wants, lambda e: e.want, words)),
        key_words=tuple(word.lower() for word in spelling.key_words),
        real_words=frozenset(word.lower() for word in spelling.real_words),
        ing_words=_ing_words([*entries.values(), *lists.values()]),
        entries=entries,
    )


_ING = re.compile(r"[a-z]{2,}ing\b")


def _ing_words(items: list[tuple[str, Entry | Words]]) -> frozenset[str]:
    """Every word ending in -ing that a phrase or an example uses."""
    found: set[str] = set()
    for _, item in items:
        for text in (*item.phrases, *item.examples):
            found.update(_ING.findall(text.lower()))
    return frozenset(found)


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
