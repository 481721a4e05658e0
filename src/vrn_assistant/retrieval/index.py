"""The corpus index: lexical (bm25s) and dense (Chroma) search over one serving generation.

An ingest builds a whole new generation (chunks.jsonl and a new Chroma
collection) beside the serving one, then switches by replacing manifest.json
atomically. Until that replace, the previous generation keeps serving, so a
failed or interrupted ingest loses nothing.

    store     the files: manifest, generations, chunks.jsonl, the ingest lock
    lexical   tokenize, bm25s
    vectors   Chroma: connecting, collections, copying vectors
    index     this module: what to rebuild, building, switching, searching
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.chunks import Chunk, SkippedFile
from vrn_assistant.retrieval.documents import Root
from vrn_assistant.retrieval.fusion import reciprocal_rank_fusion
from vrn_assistant.retrieval.lexical import Lexical, tokenize
from vrn_assistant.retrieval.plan import Plan, plan
from vrn_assistant.retrieval.store import (
    Entry,
    Manifest,
    Stamp,
    Store,
    generation_name,
)
from vrn_assistant.retrieval.vectors import Vectors
from vrn_assistant.settings import IndexSettings

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection
    from langchain_core.embeddings import Embeddings

__all__ = [
    "CorpusIndex",
    "Hit",
    "IndexSettings",
    "IndexUnavailable",
    "IngestReport",
    "Query",
    "Root",
    "SearchMode",
    "tokenize",
]

SearchMode = Literal["hybrid", "lexical", "dense"]
Progress = Callable[[int, int, str], None]


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


@dataclass(frozen=True)
class Query:
    """A search text whose query vector is already being computed (`CorpusIndex.prepare`)."""

    text: str
    vector: Future[list[float]] | None  # None: embedded when searched, if dense search runs


@dataclass(frozen=True)
class _Serving:
    """A loaded generation; immutable, so readers never need a lock."""

    manifest: Manifest | None
    chunks: tuple[Chunk, ...]
    positions: Mapping[str, int]  # chunk id -> index into chunks
    lexical: Lexical
    stamp: Stamp | None  # manifest.json's stamp when read


_EMPTY = _Serving(manifest=None, chunks=(), positions={}, lexical=Lexical(()), stamp=None)


class CorpusIndex:
    """Hybrid search over a corpus; `embeddings` None means lexical only.

    Reads are thread-safe and cheap: each one checks manifest.json's stat to
    notice an ingest made by another process or instance, and otherwise uses
    the generation already in memory. Inside `pinned()` the check is made once.
    """

    def __init__(self, settings: IndexSettings, embeddings: Embeddings | None) -> None:
        self._settings = settings
        self._embeddings = embeddings
        self._model = _model_name(embeddings) if embeddings is not None else None
        self._store = Store(settings.path)
        self._vectors = Vectors(settings)
        self._serving_state = _EMPTY
        self._lock = threading.Lock()  # guards loading
        self._embedder: ThreadPoolExecutor | None = None  # computes prepared query vectors
        self._pins = threading.local()  # the generation pinned by this thread, if any

    # ------------------------------------------------------------ reading

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Serve one generation to this thread throughout (one question's reads), checking
        manifest.json once on entry rather than on every read. An ingest that switches
        generations meanwhile is seen by the next pin. Besides consistency, it saves
        time: each check releases the GIL, and while the query vector is computed in
        another thread every release can cost a thread switch."""
        outer = getattr(self._pins, "serving", None)
        self._pins.serving = outer if outer is not None else self._current()
        try:
            yield
        finally:
            self._pins.serving = outer

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

    @property
    def outdated(self) -> bool:
        """The index on disk was built by an older version: it serves no chunks until the
        next ingest rebuilds it (which `chunks() == []` prompts the CLI and app to do)."""
        manifest = self._serving().manifest
        return manifest is not None and manifest.outdated

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
        return self._serving().lexical.search(query, _positive(k))

    def prepare(self, query: str) -> Query:
        """Start computing the query vector in the background, for a `search` made a little
        later: the encoder releases the GIL, so it runs while the caller does other work."""
        manifest = self._serving().manifest
        if (
            self._embeddings is None
            or not query.strip()
            or (manifest is not None and manifest.collection is None)
        ):
            return Query(query, None)
        start = getattr(self._embeddings, "start_query", None)  # MiniLMEmbeddings has it
        started = start(query) if callable(start) else None
        if isinstance(started, Future):
            return Query(query, started)
        with self._lock:
            if self._embedder is None:
                self._embedder = ThreadPoolExecutor(4, thread_name_prefix="vrn-query-vector")
            embedder = self._embedder
        return Query(query, embedder.submit(self._embeddings.embed_query, query))

    def search_dense(self, query: str | Query, k: int) -> list[tuple[str, float]]:
        """Chunk ids with cosine similarity, best first; [] without vectors."""
        text, pending = (query.text, query.vector) if isinstance(query, Query) else (query, None)
        serving = self._serving()
        _positive(k)
        collection = self._serving_collection(serving)
        if collection is None or not text.strip() or self._embeddings is None:
            return []
        vector = pending.result() if pending is not None else self._embeddings.embed_query(text)
        from chromadb.errors import NotFoundError

        try:
            with self._vectors.reaching_server():
                found = self._vectors.nearest(collection, vector, min(k, len(serving.chunks)))
        except NotFoundError:
            # An ingest switched generations and dropped this collection mid-search.
            current = self._current()
            if current is serving:
                raise
            if getattr(self._pins, "serving", None) is not None:
                self._pins.serving = current
            return self.search_dense(query, k)
        return [(chunk_id, score) for chunk_id, score in found if chunk_id in serving.positions]

    def search(
        self,
        query: str | Query,
        k: int,
        *,
        mode: SearchMode = "hybrid",
        boost_ids: Sequence[str] = (),
    ) -> list[Hit]:
        """The best k chunks. Hybrid fuses lexical and dense top-N (N = max(4k, 20)) with
        RRF; `boost_ids` (best first) is fused in as one more ranking. `query` may be one
        `prepare` returned, its vector computed meanwhile."""
        if mode not in get_args(SearchMode):
            raise ValueError(f"mode must be one of {get_args(SearchMode)}, got {mode!r}")
        _positive(k)
        serving = self._serving()
        boost = [i for i in dict.fromkeys(boost_ids) if i in serving.positions]
        fused = mode == "hybrid" or bool(boost)
        depth = max(k * 4, 20) if fused else k
        rankings: dict[str, list[tuple[str, float]]] = {}
        if mode in ("hybrid", "lexical"):
            text = query.text if isinstance(query, Query) else query
            rankings["lexical"] = serving.lexical.search(text, depth)
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

    def ingest(
        self, roots: Sequence[Path | Root], *, progress: Progress | None = None
    ) -> IngestReport:
        """Index the documents under `roots` as a new generation, reusing what did not change.

        A root given as a plain path is an added folder (or file); `Root(path, catalogue=True)`
        marks the catalogue's own corpus. `progress(done, total, source)` is called once per
        document as it is placed in the new generation (embedded, or its vectors copied).
        """
        started = time.perf_counter()
        with self._store.exclusive():
            try:
                previous = self._serving()
            except IndexUnavailable:
                previous = _EMPTY  # damaged state: rebuild from scratch
            old = previous.manifest
            self._sweep(old)
            changes = plan(roots, old, _chunk_of(previous), self._settings.max_bytes)
            reuse_vectors = (
                old is not None
                and old.collection is not None
                and self._model is not None
                and old.embedding_model == self._model
            )
            changed = (
                old is None
                or old.outdated
                or bool(changes.fresh or changes.removed or changes.relabelled)
            )
            if not changed and (self._model is None or reuse_vectors):
                serving = previous  # nothing to do: leave the index untouched
            else:
                serving = self._build(changes, old if reuse_vectors else None, progress)
                if old is not None:
                    self._drop(old.generation, old.collection)
        manifest = serving.manifest
        return IngestReport(
            added=changes.added,
            updated=changes.updated,
            unchanged=changes.unchanged,
            removed=changes.removed,
            skipped=changes.skipped,
            chunks=len(serving.chunks),
            seconds=time.perf_counter() - started,
            dense=manifest is not None and manifest.collection is not None,
        )

    def _build(
        self, changes: Plan, reuse_from: Manifest | None, progress: Progress | None
    ) -> _Serving:
        generation = generation_name()
        collection_name = (
            f"{self._settings.collection_prefix}-{generation}" if self._model is not None else None
        )
        keys = changes.order()
        manifest = Manifest(
            generation=generation,
            collection=collection_name,
            documents={
                key: Entry(
                    source=changes.sources[key],
                    hash=changes.hashes[key],
                    chunk_ids=tuple(chunk.id for chunk in changes.documents[key]),
                )
                for key in keys
            },
            embedding_model=self._model,
        )
        chunks = tuple(chunk for key in keys for chunk in changes.documents[key])
        try:
            self._store.write_chunks(generation, chunks)
            if collection_name is not None:
                assert self._embeddings is not None
                self._vectors.fill(
                    collection_name,
                    [(changes.sources[key], changes.documents[key]) for key in keys],
                    self._embeddings,
                    reuse_from=reuse_from.collection if reuse_from is not None else None,
                    fresh={chunk.id for key in changes.fresh for chunk in changes.documents[key]},
                    progress=progress,
                )
            elif progress is not None:
                for done, key in enumerate(keys, start=1):
                    progress(done, len(keys), changes.sources[key])
            self._store.switch(manifest)
        except BaseException:
            # Clean up unless the switch happened (an interrupt can land right after it).
            if self._store.serving_generation() != generation:
                self._drop(generation, collection_name)
            raise
        serving = _serving_from(manifest, chunks, self._store.stamp())
        with self._lock:
            self._serving_state = serving
        return serving

    def _sweep(self, keep: Manifest | None) -> None:
        """Remove what a crashed ingest left behind (runs under the ingest lock)."""
        self._store.sweep(keep.generation if keep else None)
        if self._model is not None:
            self._vectors.sweep(keep.collection if keep else None)

    def _drop(self, generation: str | None, collection_name: str | None) -> None:
        """Best-effort removal of a generation's folder and collection."""
        if generation is not None:
            self._store.drop(generation)
        if collection_name is not None:
            self._vectors.drop(collection_name)

    # ------------------------------------------------------------ loading

    def _serving(self) -> _Serving:
        pinned: _Serving | None = getattr(self._pins, "serving", None)
        return pinned if pinned is not None else self._current()

    def _current(self) -> _Serving:
        current = self._serving_state
        if current.stamp == self._store.stamp():
            return current
        with self._lock:
            if self._serving_state.stamp != self._store.stamp():
                read = self._store.read()
                self._serving_state = _serving_from(*read) if read is not None else _EMPTY
            return self._serving_state

    def _serving_collection(self, serving: _Serving) -> Collection | None:
        manifest = serving.manifest
        if (
            manifest is None
            or manifest.collection is None
            or manifest.embedding_model != self._model
            or not serving.chunks
        ):
            return None
        return self._vectors.serving(manifest.collection)


# ---------------------------------------------------------------- helpers


def _positive(k: int) -> int:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    return k


def _model_name(embeddings: Embeddings) -> str:
    name = getattr(embeddings, "model_name", None)
    return name if isinstance(name, str) and name else type(embeddings).__qualname__


def _serving_from(manifest: Manifest, chunks: tuple[Chunk, ...], stamp: Stamp | None) -> _Serving:
    return _Serving(
        manifest=manifest,
        chunks=chunks,
        positions={chunk.id: position for position, chunk in enumerate(chunks)},
        lexical=Lexical(chunks),
        stamp=stamp,
    )


def _chunk_of(serving: _Serving) -> Callable[[str], Chunk]:
    return lambda chunk_id: serving.chunks[serving.positions[chunk_id]]
