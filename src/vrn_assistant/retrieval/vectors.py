"""Dense vectors in Chroma: connecting (embedded or a server), collections, copying vectors.

chromadb takes about a second to import, so it is imported only when a
method needs it: lexical-only use never pays for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.chunks import Chunk, passage
from vrn_assistant.settings import IndexSettings, server_address

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from langchain_core.embeddings import Embeddings

__all__ = ["BATCH", "IN_MEMORY_LIMIT", "Nearest", "Vectors", "add_vectors", "copy_vectors"]

# Chunks per embedding call and per Chroma add: Chroma's per-call overhead is high.
BATCH = 256
# Up to this many chunks, an embedded serving collection's vectors are also held in memory
# (1.5 kB a chunk) and searched exactly there; a Chroma query costs milliseconds more.
IN_MEMORY_LIMIT = 100_000
Progress = Callable[[int, int, str], None]


class Vectors:
    """One index's Chroma: a client opened on first use, and a handle on the serving
    collection. Thread-safe."""

    def __init__(self, settings: IndexSettings) -> None:
        self._settings = settings
        self._lock = threading.Lock()  # guards the client and the collection handle
        self._client_handle: ClientAPI | None = None
        self._collection_handle: tuple[str, Collection] | None = None
        self._unreachable = False  # the last attempt to connect failed
        self._held: tuple[str, Nearest | None] | None = None  # (collection id, its vectors)

    def client(self) -> ClientAPI:
        with self._lock:
            if self._client_handle is None:
                self._unreachable = True
                self._client_handle = _connect(self._settings)
                self._unreachable = False
            return self._client_handle

    def existing(self, name: str) -> Collection | None:
        from chromadb.errors import NotFoundError

        try:
            return self.client().get_collection(name, embedding_function=None)
        except NotFoundError:
            return None

    def serving(self, name: str) -> Collection:
        """The serving generation's collection (cached); IndexUnavailable if it is gone."""
        handle = self._collection_handle
        if handle is not None and handle[0] == name:
            return handle[1]
        with self.reaching_server():
            collection = self.existing(name)
        if collection is None:
            raise IndexUnavailable(
                f"the Chroma collection {name} of the index at "
                f"{self._settings.path} is missing; ingest again to rebuild it"
            )
        with self._lock:
            self._collection_handle = (name, collection)
        return collection

    def nearest(
        self, collection: Collection, vector: Sequence[float], k: int
    ) -> list[tuple[str, float]]:
        """The k chunk ids closest to `vector` (cosine similarity), best first.

        A serving collection never changes, so in the embedded store its vectors are
        read once and searched in memory. A Chroma server is always asked (it stays the
        one source of truth for every process using it), as is an embedded collection
        over IN_MEMORY_LIMIT chunks."""
        held = self._held
        if held is None or held[0] != str(collection.id):
            local = self._settings.chroma_url is None
            held = (str(collection.id), Nearest.of(collection) if local else None)
            with self._lock:
                self._held = held
        if held[1] is not None:
            return held[1].search(vector, k)
        result = collection.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=k,
            include=["distances"],
        )
        distances = result["distances"]
        assert distances is not None  # requested in include
        return [
            (chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], distances[0], strict=True)
        ]

    def create(self, name: str) -> Collection:
        return self.client().create_collection(
            name,
            embedding_function=None,  # vectors are always passed explicitly
            configuration={"hnsw": {"space": "cosine"}},
        )

    def fill(
        self,
        name: str,
        documents: Sequence[tuple[str, Sequence[Chunk]]],
        embeddings: Embeddings,
        *,
        reuse_from: str | None,
        fresh: set[str],
        progress: Progress | None,
    ) -> None:
        """A new collection holding every chunk's vector: copied from the collection
        `reuse_from` unless the chunk id is `fresh`, else embedded. `documents` are
        (source, chunks) pairs, in order; `progress(done, total, source)` follows them."""
        with self.reaching_server():
            collection = self.create(name)
            old = self.existing(reuse_from) if reuse_from is not None else None
        done = 0
        for group in _groups(documents):
            chunks = [chunk for _, document in group for chunk in document]
            for first in range(0, len(chunks), BATCH):
                batch = chunks[first : first + BATCH]
                self._add(collection, batch, old, fresh, embeddings)
            for source, _ in group:
                done += 1
                if progress is not None:
                    progress(done, len(documents), source)

    def _add(
        self,
        collection: Collection,
        chunks: Sequence[Chunk],
        old: Collection | None,
        fresh: set[str],
        embeddings: Embeddings,
    ) -> None:
        reusable = [chunk.id for chunk in chunks if chunk.id not in fresh]
        with self.reaching_server():
            vectors = copy_vectors(old, reusable) if old is not None and reusable else {}
        missing = [chunk for chunk in chunks if chunk.id not in vectors]
        if missing:
            embedded = embeddings.embed_documents([passage(c) for c in missing])
            vectors.update(zip((c.id for c in missing), embedded, strict=True))
        with self.reaching_server():
            add_vectors(collection, chunks, vectors)

    def drop(self, name: str) -> None:
        """Best-effort removal of a collection. Not tried when the server could not be
        reached just now: the cleanup after that failure would wait out the timeout again."""
        with self._lock:
            if self._collection_handle and self._collection_handle[0] == name:
                self._collection_handle = None
            if self._client_handle is None and self._unreachable:
                return
        # Cleanup must not hide the error (or interrupt) that led here.
        with suppress(Exception):
            self.client().delete_collection(name)

    def sweep(self, keep: str | None) -> None:
        """Drop this index's collections other than `keep` that a crashed ingest left behind.
        Only in the embedded store: a server may hold other indexes' collections."""
        if self._settings.chroma_url is not None:
            return
        ours = f"{self._settings.collection_prefix}-g-"
        for collection in self.client().list_collections():
            if collection.name.startswith(ours) and collection.name != keep:
                self.drop(collection.name)

    @contextmanager
    def reaching_server(self) -> Iterator[None]:
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


class Nearest:
    """Exact cosine search over vectors held in memory (immutable, so safe to share)."""

    def __init__(self, ids: Sequence[str], vectors: Any) -> None:
        matrix = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1 if ids else 0)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self._ids = tuple(ids)
        self._unit = matrix / np.maximum(norms, 1e-12)

    @classmethod
    def of(cls, collection: Collection) -> Nearest | None:
        """A collection's vectors; None when it holds more than IN_MEMORY_LIMIT."""
        if collection.count() > IN_MEMORY_LIMIT:
            return None
        found = collection.get(include=["embeddings"])
        vectors = found["embeddings"]
        return cls(found["ids"], vectors if vectors is not None else [])

    def search(self, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        """The k ids of highest cosine similarity, best first (ties: stored order)."""
        if not self._ids or k < 1:
            return []
        query = np.asarray(vector, dtype=np.float32)
        query = query / max(float(np.sqrt(np.einsum("i,i->", query, query))), 1e-12)
        # einsum, not `@`: a matrix product goes to OpenBLAS, whose threads, on a busy
        # machine, take milliseconds to wake; einsum's own loop takes microseconds.
        scores = np.einsum("ij,j->i", self._unit, query)
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        order = top[np.lexsort((top, -scores[top]))]
        return [(self._ids[i], float(scores[i])) for i in order]


def copy_vectors(old: Collection, ids: list[str]) -> dict[str, Any]:
    """The vectors `old` holds for these ids (ids it lacks are left out)."""
    found = old.get(ids=ids, include=["embeddings"])
    embeddings = found["embeddings"]
    if embeddings is None:
        return {}
    return dict(zip(found["ids"], embeddings, strict=True))


def add_vectors(
    collection: Collection, chunks: Sequence[Chunk], vectors: Mapping[str, Any]
) -> None:
    """Add the chunks with their vectors (`vectors` maps every chunk id to one)."""
    collection.add(
        ids=[chunk.id for chunk in chunks],
        # One array: Chroma rejects a mix of lists (embedded) and arrays (copied).
        embeddings=np.asarray([vectors[chunk.id] for chunk in chunks], dtype=np.float32),
        metadatas=[
            {"source": chunk.source, "locator": chunk.locator, "title": chunk.title}
            for chunk in chunks
        ],
    )


def _groups(
    documents: Sequence[tuple[str, Sequence[Chunk]]],
) -> Iterator[list[tuple[str, Sequence[Chunk]]]]:
    """Consecutive documents with at least BATCH chunks between them (the last group: the rest)."""
    group: list[tuple[str, Sequence[Chunk]]] = []
    size = 0
    for document in documents:
        group.append(document)
        size += len(document[1])
        if size >= BATCH:
            yield group
            group, size = [], 0
    if group:
        yield group


def _unreachable(url: str, error: BaseException) -> str:
    cause = error.__cause__ or error.__context__ or error
    reason = " ".join(str(cause).split()) or type(cause).__name__
    return f"cannot reach the Chroma server at {url}: {reason}"


def _connect(settings: IndexSettings) -> ClientAPI:
    import chromadb
    from chromadb.config import Settings

    if settings.chroma_url is None:
        return chromadb.PersistentClient(
            path=str(settings.path / "chroma"),
            settings=Settings(anonymized_telemetry=False, allow_reset=False),
        )
    host, port, ssl = server_address(settings.chroma_url)
    try:
        return _bounded_client(host, port, ssl, settings.timeout)
    except IndexUnavailable:
        raise
    except Exception as error:  # chromadb raises ValueError after a failed first request
        raise IndexUnavailable(_unreachable(settings.chroma_url, error)) from error


def _bounded_client(host: str, port: int, ssl: bool, timeout: float) -> ClientAPI:
    """What chromadb.HttpClient(host, port, ssl) returns, but with every request to the
    server bounded by `timeout` seconds (to connect, and to wait for each reply).

    chromadb 1.5 builds its httpx sessions with timeout=None and offers no setting for it;
    and its Client makes requests while it is being built: its identity on its own session,
    then the tenant and database on an admin client's. So the timeout is put on each session
    just before the first request on it (see _client_class)."""
    import httpx
    from chromadb.config import DEFAULT_DATABASE, DEFAULT_TENANT, Settings

    settings = Settings(
        anonymized_telemetry=False,
        chroma_api_impl="chromadb.api.fastapi.FastAPI",
        # chromadb joins host and port as text: an IPv6 address needs its brackets.
        chroma_server_host=f"[{host}]" if ":" in host else host,
        chroma_server_http_port=port,
        chroma_server_ssl_enabled=ssl,
    )
    return _client_class()(
        httpx.Timeout(timeout), tenant=DEFAULT_TENANT, database=DEFAULT_DATABASE, settings=settings
    )


@cache
def _client_class() -> Callable[..., ClientAPI]:
    """chromadb's Client, setting `timeout` on its sessions before its first requests."""
    import httpx
    from chromadb.api.client import Client
    from chromadb.auth import UserIdentity

    def bound(server: object, timeout: httpx.Timeout) -> None:
        session = getattr(server, "_session", None)
        if not isinstance(session, httpx.Client):
            raise IndexUnavailable(
                "this chromadb version does not let vrn bound its requests to the Chroma "
                "server; install the version requirements.lock names"
            )
        session.timeout = timeout

    class BoundedClient(Client):
        def __init__(self, timeout: httpx.Timeout, **arguments: Any) -> None:
            self._vrn_timeout = timeout  # read during super().__init__
            super().__init__(**arguments)

        def get_user_identity(self) -> UserIdentity:  # the first request on its session
            bound(self._server, self._vrn_timeout)
            return super().get_user_identity()

        def _validate_tenant_database(self, tenant: str, database: str) -> None:
            bound(getattr(self._admin_client, "_server", None), self._vrn_timeout)  # its first
            super()._validate_tenant_database(tenant, database)

    return BoundedClient
