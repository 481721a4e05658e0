"""The example sentences as vectors, computed once and kept in memory.

Optionally kept on disk too (`cache_dir`, a folder under the index folder), in a file
named by the model and a hash of the example texts: a new model or a changed lexicon
gives a new file, never a stale one. The model's name stands for its files, whose
sha256 the encoder checks before use. A cache that cannot be read or written is
ignored: the vectors are computed again.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from vrn_assistant.understanding.semantic.clauses import split_clauses
from vrn_assistant.understanding.semantic.examples import Example, content_hash

__all__ = [
    "ExampleIndex",
    "Vectors",
    "build_index",
    "cached_vectors",
    "model_name",
    "sentence_clauses",
    "unit_rows",
]

Vectors = np.ndarray[Any, np.dtype[np.float32]]


@dataclass(frozen=True)
class ExampleIndex:
    """The examples and their unit vectors, row for row."""

    examples: tuple[Example, ...]
    vectors: Vectors
    model: str
    clauses: tuple[tuple[int, str], ...]  # (example row, clause): the sentences' clauses
    clause_vectors: Vectors  # row for row with `clauses`


def model_name(embeddings: Embeddings) -> str:
    name = getattr(embeddings, "model_name", None)
    return name if isinstance(name, str) and name else type(embeddings).__qualname__


def unit_rows(rows: Sequence[Sequence[float]]) -> Vectors:
    """Vectors as float32 rows of length one (a zero row stays zero)."""
    matrix = np.asarray(rows, dtype=np.float32)
    if matrix.ndim != 2:
        return np.zeros((0, 0), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: Vectors = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return unit


def sentence_clauses(examples: Sequence[Example]) -> tuple[tuple[int, str], ...]:
    """The clauses a question's reading would use, of every example sentence."""
    return tuple(
        (row, clause.text)
        for row, example in enumerate(examples)
        if example.sentence
        for clause in split_clauses(example.text)
        if not clause.negated
    )


def build_index(
    embeddings: Embeddings,
    examples: Sequence[Example],
    neutral: Callable[[str], str],
    cache_dir: Path | None = None,
) -> ExampleIndex:
    """Embed the examples and their clauses, each as `neutral` makes it (place names
    neutral), or read their vectors from `cache_dir`."""
    clauses = sentence_clauses(examples)
    said = [example.text for example in examples] + [text for _, text in clauses]
    vectors = cached_vectors(embeddings, [neutral(text) for text in said], cache_dir)
    count = len(examples)
    model = model_name(embeddings)
    return ExampleIndex(tuple(examples), vectors[:count], model, clauses, vectors[count:])


def cached_vectors(
    embeddings: Embeddings, texts: Sequence[str], cache_dir: Path | None = None
) -> Vectors:
    """The unit vectors of `texts`, row for row: read from `cache_dir` (a file named by
    the model and a hash of the texts), else embedded (each distinct text once) and
    written there."""
    cached = None
    vectors = None
    if cache_dir is not None:
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", model_name(embeddings))
        cached = cache_dir / f"{safe}-{content_hash(texts)}.npy"
        vectors = _read(cached, len(texts))
    if vectors is None:
        unique = list(dict.fromkeys(texts))  # a one-clause sentence is its own clause
        rows = unit_rows(embeddings.embed_documents(unique))
        position = {text: row for row, text in enumerate(unique)}
        vectors = rows[[position[text] for text in texts]]
        if cached is not None:
            _write(cached, vectors)
    return vectors


def _read(path: Path, rows: int) -> Vectors | None:
    try:
        loaded = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if loaded.ndim != 2 or loaded.shape[0] != rows or loaded.dtype != np.float32:
        return None
    vectors: Vectors = loaded
    return vectors


def _write(path: Path, vectors: Vectors) -> None:
    """Write the vectors whole or not at all (a temporary file, then `os.replace`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
    except OSError:
        return  # a cache, not a store: the vectors are computed again next time
    try:
        with os.fdopen(handle, "wb") as file:
            np.save(file, vectors, allow_pickle=False)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
