"""Dense search in memory: the same neighbours as Chroma's own query, and prepared queries."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.assistant.conftest import HashEmbeddings, MakeIndex, WriteDoc
from vrn_assistant.retrieval import vectors as module
from vrn_assistant.retrieval.index import CorpusIndex
from vrn_assistant.retrieval.vectors import Nearest

DOCUMENTS = {
    "knife.md": {"Sessions": "Knife crime sessions in schools.", "Referral": "Teachers refer."},
    "youth.md": {"Mentoring": "Weekly mentoring for young people.", "Boxing": "Boxing gym."},
    "family.md": {"Support": "Support for parents and carers.", "Contact": "Phone the team."},
}


@pytest.fixture
def built(corpus: Path, write_doc: WriteDoc, make_index: MakeIndex) -> CorpusIndex:
    for name, sections in DOCUMENTS.items():
        write_doc(name, sections)
    index = make_index()
    assert index.ingest([corpus]).dense
    return index


def _chroma(index: CorpusIndex, query: str, k: int) -> list[tuple[str, float]]:
    """What Chroma's own (HNSW) query answers for the serving collection."""
    collection = index._serving_collection(index._serving())
    assert collection is not None
    result = collection.query(
        query_embeddings=[HashEmbeddings().embed_query(query)],
        n_results=k,
        include=["distances"],
    )
    distances = result["distances"]
    assert distances is not None
    return [(i, 1.0 - d) for i, d in zip(result["ids"][0], distances[0], strict=True)]


@pytest.mark.parametrize("query", ["knife crime in schools", "boxing", "parents phone"])
def test_in_memory_search_finds_what_chroma_finds(built: CorpusIndex, query: str) -> None:
    found = built.search_dense(query, 4)
    expected = _chroma(built, query, 4)
    # The same similarities, best first; chunks tied on one may come in either order.
    assert np.allclose([s for _, s in found], [s for _, s in expected], atol=1e-5)
    assert found[0][1] > 0.3
    chroma = dict(expected)
    assert all(score == pytest.approx(chroma.get(i, score), abs=1e-5) for i, score in found)
    assert len(set(dict(found)) & set(chroma)) >= 2


def test_a_collection_over_the_memory_limit_is_queried_in_chroma(
    built: CorpusIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "IN_MEMORY_LIMIT", 2)
    monkeypatch.setattr(Nearest, "search", None)  # would fail if it were used
    found = built.search_dense("boxing", 3)
    assert found == _chroma(built, "boxing", 3)  # Chroma's own answer, as it gave it


def test_nearest_ranks_by_cosine_and_breaks_ties_by_stored_order() -> None:
    nearest = Nearest(["a", "b", "c", "d"], [[1, 0], [0, 2], [3, 0], [1, 1]])
    found = nearest.search([5.0, 0.0], 3)
    assert [i for i, _ in found] == ["a", "c", "d"]
    assert [s for _, s in found] == pytest.approx([1.0, 1.0, 2**-0.5])
    assert [i for i, _ in nearest.search([0.0, 1.0], 10)] == ["b", "d", "a", "c"]
    assert Nearest([], []).search([1.0, 0.0], 3) == []


def test_a_prepared_query_gives_the_same_hits_and_embeds_once(
    built: CorpusIndex, fake_embeddings: HashEmbeddings
) -> None:
    plain = built.search("mentoring for young people", 3)
    before = fake_embeddings.queries
    prepared = built.prepare("mentoring for young people")
    assert prepared.vector is not None
    assert built.search(prepared, 3) == plain
    assert fake_embeddings.queries == before + 1


def test_nothing_is_embedded_ahead_for_an_index_without_vectors(
    corpus: Path, write_doc: WriteDoc, make_index: MakeIndex, fake_embeddings: HashEmbeddings
) -> None:
    write_doc("knife.md", DOCUMENTS["knife.md"])
    make_index(embeddings=None).ingest([corpus])  # lexical only: no vectors
    index = make_index()  # a model now, but the serving generation has no vectors for it
    prepared = index.prepare("knife crime")
    assert prepared.vector is None
    assert index.search(prepared, 1)[0].chunk.locator == "Sessions"
    assert fake_embeddings.queries == 0
