"""Questions go through a quicker copy of the encoder, made once; documents never do."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from vrn_assistant.errors import EmbeddingModelMissing
from vrn_assistant.retrieval import embeddings as module
from vrn_assistant.retrieval.embeddings import MiniLMEmbeddings, ModelFiles, locate_model_files
from vrn_assistant.retrieval.quick_model import default_cache_dir, quick_model

QUESTIONS = [
    "22 year old held in Blackpool custody for a violent assault",
    "help for someone being abused by her partner in Accrington",
    "teen stabbed, at Royal Blackburn A&E, is there a navigator?",
]


@pytest.fixture(scope="module")
def model_files() -> ModelFiles:
    try:
        return locate_model_files()
    except EmbeddingModelMissing as error:
        pytest.skip(f"embedding model not installed: {error}")


def _made(files: ModelFiles, cache: Path) -> Path:
    pytest.importorskip("onnx", reason="the quick copy needs the onnx package")
    made = quick_model(files.model, module._MODEL.sha256, cache)
    assert made is not None
    return made


def test_the_copy_is_made_once_and_reused(model_files: ModelFiles, tmp_path: Path) -> None:
    first = _made(model_files, tmp_path)
    stamp = first.stat().st_mtime_ns
    again = _made(model_files, tmp_path)
    assert again == first and again.stat().st_mtime_ns == stamp
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".making-")]


def test_a_damaged_copy_is_made_again(model_files: ModelFiles, tmp_path: Path) -> None:
    first = _made(model_files, tmp_path)
    first.write_bytes(b"not a model")
    again = _made(model_files, tmp_path)
    assert again.stat().st_size > 1_000_000


def test_question_vectors_stay_close_and_documents_are_untouched(
    model_files: ModelFiles, tmp_path: Path
) -> None:
    _made(model_files, tmp_path)
    quick = MiniLMEmbeddings(model_files, cache_dir=tmp_path)
    shipped = MiniLMEmbeddings(model_files, quick_queries=False)
    asked = np.array([quick.embed_query(q) for q in QUESTIONS])
    exact = np.array(shipped.embed_documents(QUESTIONS))
    assert (asked * exact).sum(axis=1).min() > 0.98
    assert not np.allclose(asked, exact)  # it really is the other model
    assert np.allclose(quick.embed_documents(QUESTIONS), exact, atol=1e-6)


def test_without_onnx_questions_use_the_shipped_model(
    model_files: ModelFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_onnx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "onnx" or name.startswith("onnx."):
            raise ImportError("no onnx here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    assert quick_model(model_files.model, module._MODEL.sha256, tmp_path) is None
    quick = MiniLMEmbeddings(model_files, cache_dir=tmp_path)
    shipped = MiniLMEmbeddings(model_files, quick_queries=False)
    assert np.allclose(quick.embed_query(QUESTIONS[0]), shipped.embed_query(QUESTIONS[0]))


def test_an_unwritable_cache_falls_back(model_files: ModelFiles, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go")
    assert quick_model(model_files.model, module._MODEL.sha256, blocked / "cache") is None


def test_where_the_cache_lives() -> None:
    assert default_cache_dir({"VRN_CACHE_DIR": "/x/y"}) == Path("/x/y")
    assert default_cache_dir({"XDG_CACHE_HOME": "/c", "HOME": "/h"}) == Path("/c/vrn")
    assert default_cache_dir({"HOME": "/h"}) == Path("/h/.cache/vrn")
