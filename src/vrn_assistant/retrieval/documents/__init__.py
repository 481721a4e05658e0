"""Read Markdown, text, PDF and HTML documents into citable chunks.

Markdown and text chunks are slices of the decoded file, so every sentence of a
chunk appears verbatim in the document. PDF and HTML chunks are the extracted
text (pages, or whitespace-collapsed HTML). A file that cannot be read raises
`DocumentError` with a reason a user can act on; `read_corpus` turns those into
`SkippedFile` records instead.

    files        which documents a root holds, their names, reading them safely
    markdown, text, pdf, html    one converter per format, each returning `Parsed`
    encoding     UTF-8, UTF-16 and UTF-32 text; binary files named by what they look like
    frontmatter  Markdown front matter and "As of" dates, within size and depth limits
    splitter     lines, paragraphs, sentences, packed into passages (overlong ones cut)
    casenotes    refusing documents that carry personal details about someone

What a file may not be (the limits, each refused with its reason) is listed in
docs/documents.md, "What ingest refuses".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.chunks import Chunk, SkippedFile, chunk_id, document_key
from vrn_assistant.retrieval.documents.casenotes import case_notes_reason
from vrn_assistant.retrieval.documents.dating import DocumentDate, date_document
from vrn_assistant.retrieval.documents.encoding import decode
from vrn_assistant.retrieval.documents.files import (
    MAX_BYTES,
    SUPPORTED,
    CorpusFile,
    Root,
    display_path,
    iter_documents,
    read_bytes,
)
from vrn_assistant.retrieval.documents.frontmatter import front_matter
from vrn_assistant.retrieval.documents.html import read_html
from vrn_assistant.retrieval.documents.markdown import read_markdown
from vrn_assistant.retrieval.documents.pdf import read_pdf
from vrn_assistant.retrieval.documents.splitter import Parsed
from vrn_assistant.retrieval.documents.text import read_text

__all__ = [
    "MAX_BYTES",
    "MAX_TITLE_CHARS",
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

MAX_TITLE_CHARS = 300


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
    try:
        document = _parse(data, path)
        dated = _dated(document, data, path)
    except (DocumentError, MemoryError):
        raise
    except Exception as error:  # a converter's or library's own failure: this file only
        raise DocumentError(_unexpected(path, error)) from None
    if not document.pieces:
        raise DocumentError("no text to index (only headings, metadata or blank sections)")
    refused = case_notes_reason(piece for _, piece in document.pieces)
    if refused is not None:
        raise DocumentError(refused)
    title = cap_title(document.title)
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
            title=title,
            locator=locator,
            text=piece,
            as_of=dated.day if dated.stated else None,  # a file's date is not the facts'
            dated_by=dated.how.value,
            content_hash=digest,
        )
        for ordinal, (locator, piece) in enumerate(document.pieces)
    ]


def _dated(document: Parsed, data: bytes, path: Path) -> DocumentDate:
    """The document's date and how it was found (see documents.dating)."""
    suffix = path.suffix.lower()
    html = decode(data) if suffix not in _NOT_HTML else None
    raw = suffix in _NOT_HTML and suffix != ".pdf"
    text = decode(data) if raw else "\n".join(piece for _, piece in document.pieces)
    meta = front_matter(text)[0] if suffix in {".md", ".markdown"} else {}
    try:
        modified: float | None = path.stat().st_mtime
    except OSError:
        modified = None
    return date_document(document.as_of, text, html=html, meta=meta, modified=modified)


_NOT_HTML = frozenset({".pdf", ".md", ".markdown", ".txt"})


def cap_title(title: str, limit: int = MAX_TITLE_CHARS) -> str:
    """A title of at most `limit` characters: cut at a word, marked with '…'."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _unexpected(path: Path, error: Exception) -> str:
    """One line for an error the converter did not expect: the file, the kind, its words."""
    words = " ".join(str(error).split())
    if len(words) > 120:
        words = words[:119] + "…"
    return f"{path.name} could not be read ({type(error).__name__}{': ' + words if words else ''})"


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
    if file.refused is not None:
        raise DocumentError(file.refused)
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
