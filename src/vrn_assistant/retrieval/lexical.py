"""Lexical search: words (without English stopwords) and bm25s over one generation's chunks.

The bm25 index is rebuilt in memory whenever a generation is loaded
(milliseconds for a thousand documents), so nothing is pickled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from vrn_assistant.retrieval.chunks import Chunk, passage

__all__ = ["Lexical", "tokenize"]

_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(STOPWORDS_EN)


def tokenize(text: str) -> list[str]:
    """Lowercased words without English stopwords; documents and queries alike."""
    return [word for word in _WORD.findall(text.lower()) if word not in _STOPWORDS]


class Lexical:
    """bm25 over a fixed sequence of chunks (immutable once built, so safe to share)."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self._ids = [chunk.id for chunk in chunks]
        self._bm25: bm25s.BM25 | None = None
        if chunks:
            self._bm25 = bm25s.BM25()
            self._bm25.index([tokenize(passage(chunk)) for chunk in chunks], show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Chunk ids with positive bm25 scores, best first (ties: corpus order)."""
        if self._bm25 is None:
            return []
        vocabulary = self._bm25.vocab_dict
        tokens = [token for token in tokenize(query) if token in vocabulary]
        if not tokens:
            return []
        scores = self._bm25.get_scores(tokens)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(self._ids[i], float(scores[i])) for i in order if scores[i] > 0]
