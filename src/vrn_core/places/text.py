"""The form place names and queries are compared in.

A token is a run of letters/digits, possibly joined by apostrophes ("Anne's"),
or an ampersand. Hyphens, dots and other punctuation separate tokens, so
"Ashton-on-Ribble", "St. Annes" and "Ashton on Ribble" all normalise alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

__all__ = ["normalise", "normalise_token", "tokenise"]

_TOKEN = re.compile(r"[^\W_]+(?:['’‘`][^\W_]+)*|&")
_APOSTROPHES = str.maketrans("", "", "'’‘`")
_TOKEN_SYNONYMS = {"&": "and", "saint": "st"}


def tokenise(text: str) -> Iterator[re.Match[str]]:
    """The tokens of `text`, as matches so their offsets in it are known."""
    return _TOKEN.finditer(text)


def normalise_token(token: str) -> str:
    """One token in compared form: 'Anne’s' -> 'annes', '&' -> 'and'."""
    token = token.casefold().translate(_APOSTROPHES)
    if not token.isascii():
        # Strip accents: "Poultön" (a slip of the keyboard) still finds Poulton.
        decomposed = unicodedata.normalize("NFKD", token)
        token = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _TOKEN_SYNONYMS.get(token, token)


def normalise(text: str) -> str:
    """The form names and queries are compared in: 'St. Anne's' -> 'st annes'."""
    tokens = (normalise_token(match.group()) for match in tokenise(text))
    return " ".join(token for token in tokens if token)
