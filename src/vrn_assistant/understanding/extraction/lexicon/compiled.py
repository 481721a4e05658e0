"""Entries compiled into cues, and the whole lexicon as the extractor uses it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from vrn_assistant.understanding.extraction.lexicon.phrases import (
    SEPARATOR,
    _alternation,
    _not_after,
)
from vrn_assistant.understanding.extraction.lexicon.shapes import (
    AskerEntry,
    Entry,
    OccupationEntry,
    Words,
)
from vrn_core.vocabulary import Gender, Issue, OffenceCategory, ProgrammeKind, Role, Setting

__all__ = ["Cue", "Lexicon", "build_cue", "cues_by"]

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
        not_after = _not_after(entry.not_after, words)
        if entry.case_sensitive and not_after:
            # the phrase as written ("ED"), what follows in any case ("ED Navigators")
            not_after = f"(?i:{not_after})"
        parts.append(f"(?P<{group}>(?:{body}){not_after})")
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
    askers: tuple[tuple[AskerEntry, Cue], ...]  # one cue per entry
    issues: tuple[tuple[tuple[Issue, str], Cue], ...]  # ((issue, says), cue)
    offences: tuple[tuple[OffenceCategory, Cue], ...]
    genders: tuple[tuple[Gender, Cue], ...]
    wants: tuple[tuple[ProgrammeKind, Cue], ...]
    key_words: tuple[str, ...]  # words whose misspellings are corrected
    real_words: frozenset[str]  # words one edit from a key word, never corrected
    ing_words: frozenset[str]  # the -ing words of every phrase: "kickin" is "kicking"
    entries: Mapping[str, tuple[str, Entry]]  # entry id -> (file, entry), for the tests

    def word(self, name: str) -> str:
        """A word list as a regex group: `(?:...)`."""
        return f"(?:{self.words[name]})"

    def phrases(self, name: str) -> tuple[str, ...]:
        """A word list's phrases as written."""
        return self.word_lists[name].phrases
