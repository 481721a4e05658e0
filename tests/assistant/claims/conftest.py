"""The later documents (tests/assistant/fixtures/later), read once, and their claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from vrn_assistant.claims import Claim, ClaimBook, extract_claims
from vrn_assistant.retrieval.chunks import Chunk
from vrn_assistant.retrieval.documents import Root, read_corpus
from vrn_core import Catalogue, default_catalogue

LATER = Path(__file__).parents[1] / "fixtures" / "later"


@pytest.fixture(scope="session")
def later_chunks() -> list[Chunk]:
    chunks, skipped = read_corpus([Root(LATER)])
    assert not skipped
    return chunks


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return default_catalogue()


@pytest.fixture(scope="session")
def claims(later_chunks: list[Chunk], catalogue: Catalogue) -> list[Claim]:
    return extract_claims(later_chunks, catalogue)


@pytest.fixture(scope="session")
def book(later_chunks: list[Chunk], catalogue: Catalogue) -> ClaimBook:
    return ClaimBook.build(catalogue, later_chunks)
