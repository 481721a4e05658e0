"""Hybrid retrieval beats lexical-only and dense-only on the labelled questions."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
import yaml

from tests.conftest import KNOWLEDGE, ROOT
from vrn_assistant.errors import EmbeddingModelMissing
from vrn_assistant.retrieval.embeddings import MiniLMEmbeddings
from vrn_assistant.retrieval.index import CorpusIndex
from vrn_assistant.settings import IndexSettings

QUESTIONS = yaml.safe_load((ROOT / "benchmarks" / "retrieval_questions.yaml").read_text())


def _scores(index: CorpusIndex, mode: str) -> tuple[float, float]:
    recall, reciprocal = [], []
    for item in QUESTIONS:
        hits = index.search(item["question"], 5, mode=mode)  # type: ignore[arg-type]
        found = [Path(hit.chunk.source).name in item["relevant"] for hit in hits]
        recall.append(float(any(found)))
        reciprocal.append(1.0 / (found.index(True) + 1) if any(found) else 0.0)
    return statistics.mean(recall), statistics.mean(reciprocal)


def test_hybrid_beats_both_single_retrievers(tmp_path: Path) -> None:
    try:
        embeddings = MiniLMEmbeddings()
        embeddings.load()
    except EmbeddingModelMissing as missing:
        pytest.skip(f"embedding model not installed: {missing}")
    index = CorpusIndex(IndexSettings(path=tmp_path / "index"), embeddings)
    index.ingest([KNOWLEDGE / "corpus"])
    lexical, dense, hybrid = (_scores(index, mode) for mode in ("lexical", "dense", "hybrid"))
    assert hybrid[0] >= max(lexical[0], dense[0]), (lexical, dense, hybrid)  # recall@5
    assert hybrid[1] > max(lexical[1], dense[1]), (lexical, dense, hybrid)  # MRR
