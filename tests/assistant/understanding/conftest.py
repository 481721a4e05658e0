"""Fixtures shared by the understanding tests."""

from __future__ import annotations

import pytest

from vrn_assistant.retrieval.embeddings import (
    EmbeddingModelMissing,
    MiniLMEmbeddings,
    locate_model_files,
)


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbeddings:
    """The shipped sentence encoder, loaded; its tests skip, saying why, without it."""
    try:
        embeddings = MiniLMEmbeddings(locate_model_files())
        embeddings.load()
    except EmbeddingModelMissing as error:
        pytest.skip(f"the embedding model is not installed, so no semantic layer: {error}")
    return embeddings
