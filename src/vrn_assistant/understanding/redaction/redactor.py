"""`redact`: the patterns, then the names, until nothing more changes."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from vrn_assistant.understanding.redaction.dates import BirthDate, read_birth_date
from vrn_assistant.understanding.redaction.names import _replace_names
from vrn_assistant.understanding.redaction.patterns import _STEPS, _Replace
from vrn_assistant.understanding.redaction.protected import _by_first_word, _default_protected
from vrn_assistant.understanding.redaction.words import _lexicon

__all__ = ["Redaction", "redact"]

_MAX_PASSES = 4  # each pass can expose another match; a fixpoint ends it


@dataclass(frozen=True)
class Redaction:
    """The text with personal details replaced, and the kinds that were found.

    `birth_dates`: the dates of birth removed, in the order found, so that the age they
    give can still be read; held for the one answer, never logged or shown."""

    text: str
    found: tuple[str, ...] = ()
    birth_dates: tuple[BirthDate, ...] = ()


def redact(text: str, *, protected: Collection[str] | None = None) -> Redaction:
    """Replace personal details with placeholders; `found` lists the kinds removed.

    `protected`: names never taken for a person's (see `protected_names`); by default those
    of `vrn_core.default_catalogue()`. The lexicon's short place names ("the Vic") are kept
    either way. Idempotent: redacting the result again changes nothing.
    """
    base = _default_protected() if protected is None else frozenset(protected)
    index = _by_first_word(base | _lexicon().places)
    found: list[str] = []
    births: list[BirthDate] = []
    named = True  # did the last look for names change anything?
    for _ in range(_MAX_PASSES):
        patterned = text
        for kind, pattern, replace in _STEPS:
            patterned = pattern.sub(_recording(kind, replace, found, births), patterned)
        if patterned == text and not named:
            break  # the names were looked for in this very text, and none was found
        renamed = _replace_names(patterned, index)
        named = renamed != patterned
        if named:
            found.append("name")
        if renamed == text:
            break
        text = renamed
    return Redaction(text=text, found=tuple(dict.fromkeys(found)), birth_dates=tuple(births))


def _recording(kind: str, replace: _Replace, found: list[str], births: list[BirthDate]) -> _Replace:
    def substitute(match: re.Match[str]) -> str:
        result = replace(match)
        if result != match.group(0):
            found.append(kind)
            if kind == "date of birth" and (born := read_birth_date(match.group(0))):
                births.append(born)
        return result

    return substitute
