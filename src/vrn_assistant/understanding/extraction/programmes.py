"""Programmes named in the question, by their names and aliases in the catalogue."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from vrn_assistant.understanding.extraction.text import max_edits

__all__ = ["asked_about"]


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


_POSSESSIVE = re.compile(r"(?<=[^\W_])['’]s\b", re.IGNORECASE)


def _normalise(text: str) -> str:
    """Names and questions compared alike: "Mia's Story" -> "mias story", "A&E" -> "a and e"."""
    return " ".join(_NAME_TOKEN.findall(text.lower().translate(_APOSTROPHES).replace("&", " and ")))


def _spellings(text: str) -> tuple[str, ...]:
    """The text normalised as written and without its possessives ("UCLan's policing
    students" names "UCLan policing students"; "Mia's Story" may be typed "mia story")."""
    spellings = dict.fromkeys((_normalise(text), _normalise(_POSSESSIVE.sub("", text))))
    return tuple(spelling for spelling in spellings if spelling)


@lru_cache(maxsize=8)
def _matcher(names: tuple[tuple[str, tuple[str, ...]], ...]) -> _ProgrammeMatcher:
    by_name: dict[str, str] = {}
    display: dict[str, str] = {}
    for programme_id, aliases in names:
        for alias in aliases:
            for key in _spellings(alias):
                by_name.setdefault(key, programme_id)
                display.setdefault(programme_id, alias)
                if key.startswith("operation "):  # "Op Provide", "op adder": as said
                    by_name.setdefault("op " + key.removeprefix("operation "), programme_id)
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


def asked_about(
    text: str, programme_names: Mapping[str, Sequence[str]], notes: list[str]
) -> tuple[str, ...]:
    """Ids of the programmes the question names, in order: by name or alias, exactly or
    (one-word names) misspelt; a name used only as a verb ("divert young people") is none."""
    if not programme_names:
        return ()
    matcher = _matcher(tuple((pid, tuple(names)) for pid, names in programme_names.items()))
    spellings = _spellings(text) or ("",)
    normalised = spellings[0]
    found: list[tuple[int, str]] = []
    if matcher.exact is not None:
        for spelling in spellings:
            for match in matcher.exact.finditer(spelling):
                key = match.group()
                if key in matcher.single and _only_as_verb(text, matcher.single[key]):
                    continue
                found.append((match.start(), matcher.by_name[key]))
    position = 0
    for word in normalised.split():
        position = normalised.index(word, position)
        if len(word) >= 5 and word[0] in matcher.initials and word not in matcher.by_name:
            best = process.extractOne(
                word, matcher.fuzzy, scorer=OSA.distance, score_cutoff=max_edits(word)
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
