"""The corpus index: lexical (bm25s) and dense (Chroma) search over one serving generation.

Layout of `IndexSettings.path`:

    manifest.json                            the serving generation and each document's hash
    generations/<generation>/chunks.jsonl    that generation's chunks, one JSON object a line
    chroma/                                  embedded Chroma (only when no chroma_url is set)
    ingest.lock                              held while an ingest runs

An ingest builds a whole new generation (chunks.jsonl and a new Chroma
collection) beside the serving one, then switches by replacing manifest.json
atomically. Until that replace, the previous generation keeps serving, so a
failed or interrupted ingest loses nothing. The bm25 index is rebuilt in memory
from chunks.jsonl when a generation is loaded (milliseconds for a thousand
documents), so nothing is pickled.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.chunks import Chunk, SkippedFile
from vrn_assistant.retrieval.documents import (
    SUPPORTED,
    DocumentError,
    iter_corpus,
    load_chunks,
)
from vrn_assistant.retrieval.fusion import reciprocal_rank_fusion
from vrn_assistant.settings import IndexSettings, server_address

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from langchain_core.embeddings import Embeddings

__all__ = [
    "CorpusIndex",
    "Hit",
    "IndexSettings",
    "IndexUnavailable",
    "IngestReport",
    "SearchMode",
    "tokenize",
]

SearchMode = Literal["hybrid", "lexical", "dense"]
Progress = Callable[[int, int, str], None]

MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
# Chunks per embedding call and per Chroma add: Chroma's per-call overhead is high.
BATCH = 256
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(STOPWORDS_EN)
# Chroma collection names: 3-512 characters of [a-zA-Z0-9._-], alphanumeric at both ends.


def tokenize(text: str) -> list[str]:
    """Lowercased words without English stopwords; documents and queries alike."""
    return [word for word in _WORD.findall(text.lower()) if word not in _STOPWORDS]


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did. Lists hold document sources, sorted."""

    added: list[str]
    updated: list[str]
    unchanged: list[str]
    removed: list[str]
    skipped: list[SkippedFile]
    chunks: int
    seconds: float
    dense: bool  # whether the serving generation has vectors


@dataclass(frozen=True)
class Hit:
    """One search result. `ranks` maps each ranking that found the chunk ("lexical",
    "dense", "boost") to its 1-based rank there.

    `score` is the retriever's own score (bm25, or cosine similarity) when one
    ranking is used as is, and the reciprocal-rank-fusion score when rankings
    are fused (hybrid mode, or any mode with boost_ids).
    """

    chunk: Chunk
    score: float
    ranks: Mapping[str, int]


# ---------------------------------------------------------------- on-disk state


@dataclass(frozen=True)
class _Entry:
    hash: str
    chunk_ids: tuple[str, ...]


@dataclass(frozen=True)
class _Manifest:
    generation: str
    collection: str | None  # None: a lexical-only generation
    documents: Mapping[str, _Entry]
    embedding_model: str | None

    def to_json(self) -> str:
        return json.dumps(
            {
                "generation": self.generation,
                "collection": self.collection,
                "documents": {
                    source: {"hash": entry.hash, "chunk_ids": list(entry.chunk_ids)}
                    for source, entry in self.documents.items()
                },
                "embedding_model": self.embedding_model,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> _Manifest:
        data = json.loads(text)
        return cls(
            generation=str(data["generation"]),
            collection=data["collection"],
            documents={
                str(source): _Entry(hash=str(entry["hash"]), chunk_ids=tuple(entry["chunk_ids"]))
                for source, entry in data["documents"].items()
            },
            embedding_model=data["embedding_model"],
        )


@dataclass(frozen=True)
class _Serving:
    """A loaded generation; immutable, so readers never need a lock."""

    manifest: _Manifest | None
    chunks: tuple[Chunk, ...]
    positions: Mapping[str, int]  # chunk id -> index into chunks and bm25 scores
    bm25: bm25s.BM25 | None
    stamp: tuple[int, int, int] | None  # manifest.json (inode, mtime, size) when read


_EMPTY = _Serving(manifest=None, chunks=(), positions={}, bm25=None, stamp=None)


@dataclass
class _Plan:
    """The next generation's documents, and how they differ from the serving one."""

    documents: dict[str, list[Chunk]] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)  # sources whose chunks are new
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


class CorpusIndex:
    """Hybrid search over a corpus; `embeddings` None means lexical only.

    Reads are thread-safe and cheap: each one checks manifest.json's stat to
    notice an ingest made by another process or instance, and otherwise uses
    the generation already in memory.
    """

    def __init__(self, settings: IndexSettings, embeddings: Embeddings | None) -> None:
        self._settings = settings
        self._embeddings = embeddings
        self._model = _model_name(embeddings) if embeddings is not None else None
        self._serving_state = _EMPTY
        self._lock = threading.Lock()  # guards loading, the client and the collection handle
        self._client_handle: ClientAPI | None = None
        self._collection_handle: tuple[str, Collection] | None = None

    # ------------------------------------------------------------ reading

    @property
    def settings(self) -> IndexSettings:
        return self._settings

    @property
    def dense_available(self) -> bool:
        """Whether dense search can contribute: a model is loaded and the serving
        generation has its vectors (or there is no generation yet, so the next
        ingest will build them)."""
        if self._model is None:
            return False
        manifest = self._serving().manifest
        return manifest is None or (
            manifest.collection is not None and manifest.embedding_model == self._model
        )

    @property
    def generation(self) -> str | None:
        """The serving generation; it changes with every ingest that changes anything."""
        manifest = self._serving().manifest
        return manifest.generation if manifest is not None else None

    def chunks(self) -> list[Chunk]:
        return list(self._serving().chunks)

    def get(self, chunk_id: str) -> Chunk:
        serving = self._serving()
        try:
            return serving.chunks[serving.positions[chunk_id]]
        except KeyError:
            raise KeyError(f"no chunk {chunk_id!r} in the index") from None

    def search_lexical(self, query: str, k: int) -> list[tuple[str, float]]:
        """Chunk ids with positive bm25 scores, best first (ties: corpus order)."""
        return _lexical(self._serving(), query, _positive(k))

    def search_dense(self, query: str, k: int) -> list[tuple[str, float]]:
        """Chunk ids with cosine similarity, best first; [] without vectors."""
        serving = self._serving()
        _positive(k)
        collection = self._serving_collection(serving)
        if collection is None or not query.strip() or self._embeddings is None:
            return []
        vector = np.asarray([self._embeddings.embed_query(query)], dtype=np.float32)
        from chromadb.errors import NotFoundError

        try:
            with self._reaching_server():
                result = collection.query(
                    query_embeddings=vector,
                    n_results=min(k, len(serving.chunks)),
                    include=["distances"],
                )
        except NotFoundError:
            # An ingest switched generations and dropped this collection mid-search.
            if self._serving() is serving:
                raise
            return self.search_dense(query, k)
        distances = result["distances"]
        assert distances is not None  # requested in include
        return [
            (chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], distances[0], strict=True)
            if chunk_id in serving.positions
        ]

    def search(
        self,
        query: str,
        k: int,
        *,
        mode: SearchMode = "hybrid",
        boost_ids: Sequence[str] = (),
    ) -> list[Hit]:
        """The best k chunks. Hybrid fuses lexical and dense top-N (N = max(4k, 20)) with
        RRF; `boost_ids` (best first) is fused in as one more ranking."""
        if mode not in get_args(SearchMode):
            raise ValueError(f"mode must be one of {get_args(SearchMode)}, got {mode!r}")
        _positive(k)
        serving = self._serving()
        boost = [i for i in dict.fromkeys(boost_ids) if i in serving.positions]
        fused = mode == "hybrid" or bool(boost)
        depth = max(k * 4, 20) if fused else k
        rankings: dict[str, list[tuple[str, float]]] = {}
        if mode in ("hybrid", "lexical"):
            rankings["lexical"] = _lexical(serving, query, depth)
        if mode in ("hybrid", "dense"):
            rankings["dense"] = self.search_dense(query, depth)
        if boost:
            rankings["boost"] = [(chunk_id, 0.0) for chunk_id in boost]
        if fused:
            scored = reciprocal_rank_fusion([[i for i, _ in r] for r in rankings.values()])
        else:
            (scored,) = rankings.values()
        ranks = {
            name: {chunk_id: rank for rank, (chunk_id, _) in enumerate(ranking, start=1)}
            for name, ranking in rankings.items()
        }
        return [
            Hit(
                chunk=serving.chunks[serving.positions[chunk_id]],
                score=score,
                ranks={name: found[chunk_id] for name, found in ranks.items() if chunk_id in found},
            )
            for chunk_id, score in scored[:k]
        ]

    # ------------------------------------------------------------ ingest

    def ingest(self, roots: Sequence[Path], *, progress: Progress | None = None) -> IngestReport:
        """Index the documents under `roots` as a new generation, reusing what did not change.

        `progress(done, total, source)` is called once per document as it is placed
        in the new generation (embedded, or its vectors copied).
        """
        started = time.perf_counter()
        with _exclusive(self._settings.path / "ingest.lock"):
            try:
                previous = self._serving()
            except IndexUnavailable:
                previous = _EMPTY  # damaged state: rebuild from scratch
            old = previous.manifest
            self._sweep(old)
            plan = _plan(roots, previous, self._settings.max_bytes)
            removed = sorted(set(old.documents) - set(plan.documents)) if old else []
            reuse_vectors = (
                old is not None
                and old.collection is not None
                and self._model is not None
                and old.embedding_model == self._model
            )
            changed = old is None or bool(plan.fresh or removed)
            if not changed and (self._model is None or reuse_vectors):
                serving = previous  # nothing to do: leave the index untouched
            else:
                serving = self._build(plan, old if reuse_vectors else None, progress)
                if old is not None:
                    self._drop(old.generation, old.collection)
        manifest = serving.manifest
        return IngestReport(
            added=plan.added,
            updated=plan.updated,
            unchanged=plan.unchanged,
            removed=removed,
            skipped=plan.skipped,
            chunks=len(serving.chunks),
            seconds=time.perf_counter() - started,
            dense=manifest is not None and manifest.collection is not None,
        )

    def _build(
        self, plan: _Plan, reuse_from: _Manifest | None, progress: Progress | None
    ) -> _Serving:
        generation = _generation_name()
        folder = self._settings.path / "generations" / generation
        collection_name = (
            f"{self._settings.collection_prefix}-{generation}" if self._model is not None else None
        )
        sources = sorted(plan.documents)
        manifest = _Manifest(
            generation=generation,
            collection=collection_name,
            documents={
                source: _Entry(plan.hashes[source], tuple(c.id for c in plan.documents[source]))
                for source in sources
            },
            embedding_model=self._model,
        )
        chunks = tuple(chunk for source in sources for chunk in plan.documents[source])
        manifest_path = self._settings.path / MANIFEST
        temporary = manifest_path.with_name(f"{MANIFEST}.{generation}.tmp")
        try:
            folder.mkdir(parents=True)
            _write_lines(folder / CHUNKS, [chunk.model_dump_json() for chunk in chunks])
            if collection_name is not None:
                self._fill(collection_name, sources, plan, reuse_from, progress)
            elif progress is not None:
                for done, source in enumerate(sources, start=1):
                    progress(done, len(sources), source)
            _write_lines(temporary, [manifest.to_json()])
            os.replace(temporary, manifest_path)  # the switch
        except BaseException:
            # Clean up unless the switch happened (an interrupt can land right after it).
            if _generation_on_disk(manifest_path) != generation:
                temporary.unlink(missing_ok=True)
                self._drop(generation, collection_name)
            raise
        _fsync_directory(self._settings.path)
        serving = _serving_from(manifest, chunks, _stamp(manifest_path))
        with self._lock:
            self._serving_state = serving
        return serving

    def _fill(
        self,
        collection_name: str,
        sources: Sequence[str],
        plan: _Plan,
        reuse_from: _Manifest | None,
        progress: Progress | None,
    ) -> None:
        """Put every chunk's vector in a new collection: copied when unchanged, else embedded."""
        assert self._embeddings is not None
        with self._reaching_server():
            client = self._client()
            collection = client.create_collection(
                collection_name,
                embedding_function=None,  # vectors are always passed explicitly
                configuration={"hnsw": {"space": "cosine"}},
            )
            old = None
            if reuse_from is not None and reuse_from.collection is not None:
                old = self._existing_collection(reuse_from.collection)
        done = 0
        for group in _groups(sources, plan.documents):
            chunks = [chunk for source in group for chunk in plan.documents[source]]
            for first in range(0, len(chunks), BATCH):
                self._add_vectors(collection, chunks[first : first + BATCH], old, plan.fresh)
            for source in group:
                done += 1
                if progress is not None:
                    progress(done, len(sources), source)

    def _add_vectors(
        self,
        collection: Collection,
        chunks: Sequence[Chunk],
        old: Collection | None,
        fresh: set[str],
    ) -> None:
        assert self._embeddings is not None
        reusable = [chunk.id for chunk in chunks if chunk.source not in fresh]
        with self._reaching_server():
            vectors = _copy_vectors(old, reusable) if old is not None and reusable else {}
        missing = [chunk for chunk in chunks if chunk.id not in vectors]
        if missing:
            embedded = self._embeddings.embed_documents([_passage(c) for c in missing])
            vectors.update(zip((c.id for c in missing), embedded, strict=True))
        with self._reaching_server():
            collection.add(
                ids=[chunk.id for chunk in chunks],
                # One array: Chroma rejects a mix of lists (embedded) and arrays (copied).
                embeddings=np.asarray([vectors[chunk.id] for chunk in chunks], dtype=np.float32),
                metadatas=[
                    {"source": chunk.source, "locator": chunk.locator, "title": chunk.title}
                    for chunk in chunks
                ],
            )

    def _sweep(self, keep: _Manifest | None) -> None:
        """Remove what a crashed ingest left behind (runs under the ingest lock)."""
        generations = self._settings.path / "generations"
        keep_generation = keep.generation if keep else None
        if generations.is_dir():
            for folder in generations.iterdir():
                if folder.name != keep_generation:
                    shutil.rmtree(folder, ignore_errors=True)
        for leftover in self._settings.path.glob(f"{MANIFEST}.*.tmp"):
            leftover.unlink(missing_ok=True)
        # Only the embedded store is ours alone; a server may hold other indexes' collections.
        if self._settings.chroma_url is None and self._model is not None:
            ours = f"{self._settings.collection_prefix}-g-"
            keep_collection = keep.collection if keep else None
            for collection in self._client().list_collections():
                if collection.name.startswith(ours) and collection.name != keep_collection:
                    self._drop(None, collection.name)

    def _drop(self, generation: str | None, collection_name: str | None) -> None:
        """Best-effort removal of a generation's folder and collection."""
        if generation is not None:
            shutil.rmtree(self._settings.path / "generations" / generation, ignore_errors=True)
        if collection_name is None:
            return
        with self._lock:
            if self._collection_handle and self._collection_handle[0] == collection_name:
                self._collection_handle = None
        # Cleanup must not hide the error (or interrupt) that led here.
        with suppress(Exception):
            self._client().delete_collection(collection_name)

    # ------------------------------------------------------------ loading and Chroma

    def _serving(self) -> _Serving:
        current = self._serving_state
        manifest_path = self._settings.path / MANIFEST
        if current.stamp == _stamp(manifest_path):
            return current
        with self._lock:
            if self._serving_state.stamp != _stamp(manifest_path):
                self._serving_state = _load(self._settings.path)
            return self._serving_state

    def _client(self) -> ClientAPI:
        with self._lock:
            if self._client_handle is None:
                self._client_handle = _connect(self._settings)
            return self._client_handle

    def _existing_collection(self, name: str) -> Collection | None:
        from chromadb.errors import NotFoundError

        try:
            return self._client().get_collection(name, embedding_function=None)
        except NotFoundError:
            return None

    def _serving_collection(self, serving: _Serving) -> Collection | None:
        manifest = serving.manifest
        if (
            manifest is None
            or manifest.collection is None
            or manifest.embedding_model != self._model
            or not serving.chunks
        ):
            return None
        handle = self._collection_handle
        if handle is not None and handle[0] == manifest.collection:
            return handle[1]
        with self._reaching_server():
            collection = self._existing_collection(manifest.collection)
        if collection is None:
            raise IndexUnavailable(
                f"the Chroma collection {manifest.collection} of the index at "
                f"{self._settings.path} is missing; ingest again to rebuild it"
            )
        with self._lock:
            self._collection_handle = (manifest.collection, collection)
        return collection

    @contextmanager
    def _reaching_server(self) -> Iterator[None]:
        """Turn a lost connection to the Chroma server into IndexUnavailable."""
        url = self._settings.chroma_url
        if url is None:
            yield
            return
        import httpx  # a chromadb dependency, already imported with its HTTP client

        try:
            yield
        except httpx.TransportError as error:
            raise IndexUnavailable(_unreachable(url, error)) from error


# ---------------------------------------------------------------- helpers


def _positive(k: int) -> int:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    return k


def _model_name(embeddings: Embeddings) -> str:
    name = getattr(embeddings, "model_name", None)
    return name if isinstance(name, str) and name else type(embeddings).__qualname__


def _passage(chunk: Chunk) -> str:
    # Title and heading carry words the section body often leaves out.
    return f"{chunk.title}\n{chunk.locator}\n{chunk.text}"


def _lexical(serving: _Serving, query: str, k: int) -> list[tuple[str, float]]:
    if serving.bm25 is None:
        return []
    vocabulary = serving.bm25.vocab_dict
    tokens = [token for token in tokenize(query) if token in vocabulary]
    if not tokens:
        return []
    scores = serving.bm25.get_scores(tokens)
    order = np.argsort(-scores, kind="stable")[:k]
    return [(serving.chunks[i].id, float(scores[i])) for i in order if scores[i] > 0]


def _serving_from(
    manifest: _Manifest, chunks: tuple[Chunk, ...], stamp: tuple[int, int, int] | None
) -> _Serving:
    bm25 = None
    if chunks:
        bm25 = bm25s.BM25()
        bm25.index([tokenize(_passage(chunk)) for chunk in chunks], show_progress=False)
    return _Serving(
        manifest=manifest,
        chunks=chunks,
        positions={chunk.id: position for position, chunk in enumerate(chunks)},
        bm25=bm25,
        stamp=stamp,
    )


def _load(path: Path) -> _Serving:
    manifest_path = path / MANIFEST
    try:
        with manifest_path.open("rb") as handle:
            # The stamp of the file actually read, so a concurrent switch is noticed next time.
            stamp = _stat_stamp(os.fstat(handle.fileno()))
            manifest = _Manifest.from_json(handle.read().decode("utf-8"))
        chunks_path = path / "generations" / manifest.generation / CHUNKS
        lines = chunks_path.read_text(encoding="utf-8").splitlines()
        chunks = tuple(Chunk.model_validate_json(line) for line in lines)
    except FileNotFoundError as error:
        if error.filename == str(manifest_path):
            return _EMPTY
        raise IndexUnavailable(f"the index at {path} is damaged ({error}); ingest again") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise IndexUnavailable(f"the index at {path} is damaged ({error}); ingest again") from None
    return _serving_from(manifest, chunks, stamp)


def _plan(roots: Sequence[Path], previous: _Serving, max_bytes: int) -> _Plan:
    plan = _Plan()
    old = previous.manifest.documents if previous.manifest else {}
    for path, source in iter_corpus(roots):
        entry = old.get(source)
        if entry is not None and entry.hash == _digest(path, max_bytes):
            plan.documents[source] = [
                previous.chunks[previous.positions[i]] for i in entry.chunk_ids
            ]
            plan.hashes[source] = entry.hash
            plan.unchanged.append(source)
            continue
        try:
            chunks = load_chunks(path, source=source, max_bytes=max_bytes)
        except DocumentError as error:
            plan.skipped.append(SkippedFile(path=source, reason=error.reason))
            continue
        plan.documents[source] = chunks
        plan.hashes[source] = chunks[0].content_hash
        plan.fresh.add(source)
        (plan.added if entry is None else plan.updated).append(source)
    for names in (plan.added, plan.updated, plan.unchanged):
        names.sort()
    return plan


def _digest(path: Path, max_bytes: int) -> str | None:
    """sha256 of a file load_chunks would read; None for anything it would refuse."""
    try:
        if (
            path.suffix.lower() not in SUPPORTED
            or not path.is_file()
            or path.stat().st_size > max_bytes
        ):
            return None
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _groups(
    sources: Sequence[str], documents: Mapping[str, Sequence[Chunk]]
) -> Iterator[list[str]]:
    """Consecutive documents with at least BATCH chunks between them (the last group: the rest)."""
    group: list[str] = []
    size = 0
    for source in sources:
        group.append(source)
        size += len(documents[source])
        if size >= BATCH:
            yield group
            group, size = [], 0
    if group:
        yield group


def _copy_vectors(old: Collection, ids: list[str]) -> dict[str, Any]:
    found = old.get(ids=ids, include=["embeddings"])
    embeddings = found["embeddings"]
    if embeddings is None:
        return {}
    return dict(zip(found["ids"], embeddings, strict=True))


def _generation_name() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"g-{stamp}-{secrets.token_hex(3)}"


def _generation_on_disk(manifest_path: Path) -> str | None:
    try:
        return str(json.loads(manifest_path.read_text(encoding="utf-8"))["generation"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _stat_stamp(info: os.stat_result) -> tuple[int, int, int]:
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        return _stat_stamp(path.stat())
    except FileNotFoundError:
        return None


def _write_lines(path: Path, lines: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line)
            handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_directory(path: Path) -> None:
    # Makes the rename durable; not possible on every filesystem, hence best effort.
    with suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One ingest at a time per index folder, across processes."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed
        yield


def _unreachable(url: str, error: BaseException) -> str:
    cause = error.__cause__ or error.__context__ or error
    reason = " ".join(str(cause).split()) or type(cause).__name__
    return f"cannot reach the Chroma server at {url}: {reason}"


def _connect(settings: IndexSettings) -> ClientAPI:
    # chromadb takes about a second to import, so only dense search pays for it.
    import chromadb
    from chromadb.config import Settings

    if settings.chroma_url is None:
        return chromadb.PersistentClient(
            path=str(settings.path / "chroma"),
            settings=Settings(anonymized_telemetry=False, allow_reset=False),
        )
    host, port, ssl = server_address(settings.chroma_url)
    try:
        return chromadb.HttpClient(
            host=host, port=port, ssl=ssl, settings=Settings(anonymized_telemetry=False)
        )
    except Exception as error:  # chromadb raises ValueError after a failed heartbeat
        raise IndexUnavailable(_unreachable(settings.chroma_url, error)) from error
