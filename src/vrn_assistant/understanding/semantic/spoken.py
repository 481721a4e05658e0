"""A lexicon phrase as plain words: one way of saying what its pattern matches.

The word lists' phrases are patterns (`(in|into) jail`, `arrest[ed|s]`, `my <partner>
hits`); the semantic reader learns from them as short labelled texts, so each is said
once in plain words: the first alternative of a group, a word list by its first
phrase, no optional words, endings or gaps ("in jail", "arrest", "my partner hits").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from vrn_assistant.understanding.extraction.lexicon import Words

__all__ = ["spoken"]

_WORD_LIST = re.compile(r"<([a-z][a-z0-9_]*)>")
_OPTIONAL_GROUP = re.compile(r"\([^()]*\)\?")
_GROUP = re.compile(r"\(([^()|]*)(?:\|[^()]*)?\)")
_ENDINGS = re.compile(r"\[[^\]]*\]")
_LEFT_OVER = re.compile(r"[()\[\]<>|]")
_NUMBER = "20"  # <number> and <digits>, said as one number
_DEPTH = 4  # word lists inside word lists, at most


def spoken(phrase: str, lists: Mapping[str, Words], depth: int = 0) -> str | None:
    """`phrase` in plain words, or None when it cannot be said (nothing left of it)."""

    def word_list(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in ("number", "digits"):
            return _NUMBER
        if name not in lists or depth >= _DEPTH:
            return ""
        return spoken(lists[name].phrases[0], lists, depth + 1) or ""

    text = _WORD_LIST.sub(word_list, phrase)
    for _ in range(_DEPTH):
        text = _GROUP.sub(r"\1", _OPTIONAL_GROUP.sub("", text))
    text = _ENDINGS.sub("", text).replace("*", "")
    words = [token for token in text.split() if not token.endswith("?") and set(token) != {"."}]
    said = " ".join(words)
    return said if said and not _LEFT_OVER.search(said) else None
