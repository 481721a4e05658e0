"""What the next generation holds, and how it differs from the serving one (pure but for
reading the files).

A document is the same document when its root and its path there are the same
(see `vrn_assistant.retrieval.chunks`); it is unchanged when its bytes hash
the same. Every document is read again on each plan, so one that the rules now
refuse is dropped with its reason even when its bytes have not changed.
Unchanged documents that read as the same chunks keep them (and so their
vectors); a new source name (the same folder given by another path) only
relabels them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vrn_assistant.retrieval.chunks import Chunk, SkippedFile
from vrn_assistant.retrieval.documents import DocumentError, Root, iter_documents, load_file
from vrn_assistant.retrieval.store import DocumentKey, Manifest

__all__ = ["Plan", "plan"]


@dataclass
class Plan:
    """The next generation's documents, and how they differ from the serving one."""

    documents: dict[DocumentKey, list[Chunk]] = field(default_factory=dict)
    sources: dict[DocumentKey, str] = field(default_factory=dict)
    hashes: dict[DocumentKey, str] = field(default_factory=dict)
    fresh: set[DocumentKey] = field(default_factory=set)  # documents whose chunks are new
    relabelled: bool = False  # an unchanged document is shown under another source now
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    def order(self) -> list[DocumentKey]:
        """Documents in corpus order: by source as shown (ties: by root and path)."""
        return sorted(self.documents, key=lambda key: (self.sources[key], key))

    def place(self, key: DocumentKey, source: str, chunks: list[Chunk], hash_: str) -> None:
        self.documents[key] = chunks
        self.sources[key] = source
        self.hashes[key] = hash_


def plan(
    roots: Sequence[Path | Root],
    old: Manifest | None,
    chunk: Callable[[str], Chunk],
    max_bytes: int,
) -> Plan:
    """Read what changed under `roots` since `old`, whose chunks `chunk(id)` returns."""
    result = Plan()
    current = old.documents if old is not None else {}
    legacy = old.legacy if old is not None else {}
    for file in iter_documents(roots):
        key = (file.root, file.relative)
        entry = current.get(key)
        # Every file is read again, unchanged or not: one the rules now refuse (a link
        # out of its folder, case notes, a file over a limit) keeps none of its old chunks.
        try:
            chunks = load_file(file, max_bytes=max_bytes)
        except DocumentError as error:
            result.skipped.append(SkippedFile(path=file.source, reason=error.reason))
            continue
        hash_ = chunks[0].content_hash
        if entry is not None and entry.hash == hash_:
            cached = [chunk(i) for i in entry.chunk_ids]
            if entry.source != file.source:  # the same document, given by another path
                cached = [c.model_copy(update={"source": file.source}) for c in cached]
            result.unchanged.append(file.source)
            if cached == chunks:  # its passages and their vectors are kept
                result.relabelled |= entry.source != file.source
                result.place(key, file.source, cached, hash_)
                continue
            result.place(key, file.source, chunks, hash_)  # read differently now
            result.fresh.add(key)
            continue
        result.place(key, file.source, chunks, hash_)
        result.fresh.add(key)
        # An outdated index knows documents by source only: their chunks are rebuilt.
        known = entry if entry is not None else legacy.get(file.source)
        if known is None:
            result.added.append(file.source)
        elif known.hash == hash_:
            result.unchanged.append(file.source)
        else:
            result.updated.append(file.source)
    kept = set(result.sources.values())
    result.removed = [e.source for key, e in current.items() if key not in result.documents]
    result.removed += [source for source in legacy if source not in kept]
    for names in (result.added, result.updated, result.unchanged, result.removed):
        names.sort()
    return result
