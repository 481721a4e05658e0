"""Read Markdown, text, PDF and HTML documents into citable chunks.

Markdown and text chunks are slices of the decoded file, so every sentence of a
chunk appears verbatim in the document. PDF and HTML chunks are the extracted
text (pages, or whitespace-collapsed HTML). A file that cannot be read raises
`DocumentError` with a reason a user can act on; `read_corpus` turns those into
`SkippedFile` records instead.

    files        which documents a root holds, their names, reading them safely
    markdown, text, pdf, html    one converter per format, each returning `Parsed`
    frontmatter  Markdown front matter and "As of" dates
    splitter     lines, paragraphs, sentences, packed into passages
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.chunks import Chunk, SkippedFile, chunk_id, document_key
from vrn_assistant.retrieval.documents.files import (
    MAX_BYTES,
    SUPPORTED,
    CorpusFile,
    Root,
    decode,
    display_path,
    iter_documents,
    read_bytes,
)
from vrn_assistant.retrieval.documents.html import read_html
from vrn_assistant.retrieval.documents.markdown import read_markdown
from vrn_assistant.retrieval.documents.pdf import read_pdf
from vrn_assistant.retrieval.documents.splitter import Parsed
from vrn_assistant.retrieval.documents.text import read_text

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "CorpusFile",
    "DocumentError",
    "Root",
    "display_path",
    "iter_corpus",
    "iter_documents",
    "load_chunks",
    "load_file",
    "read_corpus",
]


def load_chunks(
    path: Path,
    *,
    source: str | None = None,
    root: str | None = None,
    relative: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Chunk]:
    """Read one document into chunks; raises DocumentError if it cannot be used.

    `source` is how citations name it (default: the path as given). `root` and
    `relative` say which root it was found in and where (see `iter_documents`);
    given a root, chunk ids derive from them, so they do not depend on the
    working directory. Without one, ids derive from `source`.
    """
    data = read_bytes(path, max_bytes)
    document = _parse(data, path)
    if not document.pieces:
        raise DocumentError("no text to index (only headings, metadata or blank sections)")
    name = source if source is not None else path.as_posix()
    if root is not None and relative is None:
        relative = path.name
    key = document_key(root, relative) if root is not None and relative is not None else name
    digest = hashlib.sha256(data).hexdigest()
    return [
        Chunk(
            id=chunk_id(key, locator, ordinal),
            source=name,
            root=root,
            path=relative if root is not None else None,
            title=document.title,
            locator=locator,
            text=piece,
            as_of=document.as_of,
            content_hash=digest,
        )
        for ordinal, (locator, piece) in enumerate(document.pieces)
    ]


def _parse(data: bytes, path: Path) -> Parsed:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(data, path.stem)
    text = decode(data)
    if suffix in {".md", ".markdown"}:
        return read_markdown(text, path.stem)
    if suffix == ".txt":
        return read_text(text, path.stem)
    return read_html(text, path.stem)


def load_file(file: CorpusFile, *, max_bytes: int = MAX_BYTES) -> list[Chunk]:
    """load_chunks for a file found by iter_documents, with all its names."""
    return load_chunks(
        file.path,
        source=file.source,
        root=file.root,
        relative=file.relative,
        max_bytes=max_bytes,
    )


def iter_corpus(roots: Sequence[Path | Root]) -> Iterator[tuple[Path, str]]:
    """Yield (file, source) for every file under the roots, in a stable order.

    Unsupported and unreadable files are yielded too, so the caller can report
    them; hidden files and directories are not. A root that does not exist is
    yielded as is, and load_chunks reports it as not found. `iter_documents`
    yields the same files with their root and relative path.
    """
    for file in iter_documents(roots):
        yield file.path, file.source


def read_corpus(
    roots: Sequence[Path | Root], *, max_bytes: int = MAX_BYTES
) -> tuple[list[Chunk], list[SkippedFile]]:
    """All chunks of all readable documents, and every other file with the reason."""
    chunks: list[Chunk] = []
    skipped: list[SkippedFile] = []
    for file in iter_documents(roots):
        try:
            chunks.extend(load_file(file, max_bytes=max_bytes))
        except DocumentError as error:
            skipped.append(SkippedFile(path=file.source, reason=error.reason))
    return chunks, skipped
