"""The index's files: the manifest, generations and their chunks, the ingest lock.

Layout of `IndexSettings.path`:

    manifest.json                            the serving generation and each document's hash
    generations/<generation>/chunks.jsonl    that generation's chunks, one JSON object a line
    chroma/                                  embedded Chroma (only when no chroma_url is set)
    ingest.lock                              held while an ingest runs

Every write that matters is atomic: chunks are written and fsynced before the
manifest naming them replaces the old one (`switch`), so readers see either
the old generation or the new one, never a mix.

The manifest names each document by its root and its path there (see
`vrn_assistant.retrieval.chunks`). A manifest written before roots were
recorded (format 1, documents keyed by working-directory paths) still loads,
as `outdated`: its chunks cannot be reused, and the next ingest rebuilds them.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.chunks import Chunk
from vrn_assistant.retrieval.documents import SUPPORTED

__all__ = [
    "FORMAT",
    "DocumentKey",
    "Entry",
    "Manifest",
    "Stamp",
    "Store",
    "digest",
    "generation_name",
]

MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
LOCK = "ingest.lock"
FORMAT = 2  # 1: documents keyed by source, without roots

DocumentKey = tuple[str, str]  # (root, path relative to it)
Stamp = tuple[int, int, int]  # (inode, mtime in ns, size) of manifest.json


@dataclass(frozen=True)
class Entry:
    """One document of a generation."""

    source: str
    hash: str
    chunk_ids: tuple[str, ...]


@dataclass(frozen=True)
class Manifest:
    generation: str
    collection: str | None  # None: a lexical-only generation
    documents: Mapping[DocumentKey, Entry]
    embedding_model: str | None
    # A format-1 manifest's documents, by source: known by name only, never reused.
    legacy: Mapping[str, Entry] = field(default_factory=dict)
    format: int = FORMAT

    @property
    def outdated(self) -> bool:
        """Written by an older version: its chunks lack their roots and must be rebuilt."""
        return self.format < FORMAT

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": self.format,
                "generation": self.generation,
                "collection": self.collection,
                "documents": [
                    {
                        "root": root,
                        "path": path,
                        "source": entry.source,
                        "hash": entry.hash,
                        "chunk_ids": list(entry.chunk_ids),
                    }
                    for (root, path), entry in self.documents.items()
                ],
                "embedding_model": self.embedding_model,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        version = int(data.get("format", 1))
        documents: dict[DocumentKey, Entry] = {}
        legacy: dict[str, Entry] = {}
        if version < FORMAT:
            for source, item in data["documents"].items():
                legacy[str(source)] = _entry(str(source), item)
        else:
            for item in data["documents"]:
                key = (str(item["root"]), str(item["path"]))
                documents[key] = _entry(str(item["source"]), item)
        return cls(
            generation=str(data["generation"]),
            collection=data["collection"],
            documents=documents,
            embedding_model=data["embedding_model"],
            legacy=legacy,
            format=version,
        )


def _entry(source: str, item: Mapping[str, Any]) -> Entry:
    return Entry(source=source, hash=str(item["hash"]), chunk_ids=tuple(item["chunk_ids"]))


class Store:
    """The files of one index folder. Reading needs no lock; `exclusive` serialises ingests."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def stamp(self) -> Stamp | None:
        """manifest.json's identity now; a change means another generation is serving."""
        try:
            return _stat_stamp(self.manifest_path.stat())
        except FileNotFoundError:
            return None

    def read(self) -> tuple[Manifest, tuple[Chunk, ...], Stamp] | None:
        """The serving manifest, its chunks and the stamp of the manifest read; None if no
        ingest has finished yet. An outdated manifest comes without chunks. Raises
        IndexUnavailable if the state is damaged."""
        try:
            with self.manifest_path.open("rb") as handle:
                # The stamp of the file actually read, so a concurrent switch is noticed next time.
                stamp = _stat_stamp(os.fstat(handle.fileno()))
                manifest = Manifest.from_json(handle.read().decode("utf-8"))
            if manifest.outdated:
                return manifest, (), stamp
            lines = self._chunks_path(manifest.generation).read_text(encoding="utf-8")
            chunks = tuple(Chunk.model_validate_json(line) for line in lines.splitlines())
        except FileNotFoundError as error:
            if error.filename == str(self.manifest_path):
                return None
            raise self._damaged(error) from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise self._damaged(error) from None
        return manifest, chunks, stamp

    def _damaged(self, error: BaseException) -> IndexUnavailable:
        return IndexUnavailable(f"the index at {self.path} is damaged ({error}); ingest again")

    def _chunks_path(self, generation: str) -> Path:
        return self.path / "generations" / generation / CHUNKS

    def write_chunks(self, generation: str, chunks: Sequence[Chunk]) -> None:
        """A new generation's folder with its chunks (the folder must not exist yet)."""
        path = self._chunks_path(generation)
        path.parent.mkdir(parents=True)
        _write_lines(path, [chunk.model_dump_json() for chunk in chunks])

    def switch(self, manifest: Manifest) -> None:
        """Make `manifest` the serving one, atomically. If this raises, the switch may or may
        not have happened: check `serving_generation`."""
        temporary = self.manifest_path.with_name(f"{MANIFEST}.{manifest.generation}.tmp")
        try:
            _write_lines(temporary, [manifest.to_json()])
            os.replace(temporary, self.manifest_path)  # the switch
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        _fsync_directory(self.path)

    def serving_generation(self) -> str | None:
        """The generation manifest.json names, read afresh; None if it cannot be read."""
        try:
            return str(json.loads(self.manifest_path.read_text(encoding="utf-8"))["generation"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def sweep(self, keep: str | None) -> None:
        """Remove generations other than `keep` and temporary manifests a crash left behind
        (only under the ingest lock)."""
        generations = self.path / "generations"
        if generations.is_dir():
            for folder in generations.iterdir():
                if folder.name != keep:
                    shutil.rmtree(folder, ignore_errors=True)
        for leftover in self.path.glob(f"{MANIFEST}.*.tmp"):
            leftover.unlink(missing_ok=True)

    def drop(self, generation: str) -> None:
        """Best-effort removal of a generation's folder."""
        shutil.rmtree(self.path / "generations" / generation, ignore_errors=True)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One ingest at a time per index folder, across processes."""
        self.path.mkdir(parents=True, exist_ok=True)
        with (self.path / LOCK).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed
            yield


def generation_name() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"g-{stamp}-{secrets.token_hex(3)}"


def digest(path: Path, max_bytes: int) -> str | None:
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


def _stat_stamp(info: os.stat_result) -> Stamp:
    return (info.st_ino, info.st_mtime_ns, info.st_size)


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
