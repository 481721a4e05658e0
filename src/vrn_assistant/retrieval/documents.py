"""Read Markdown, text, PDF and HTML documents into citable chunks.

Markdown and text chunks are slices of the decoded file, so every sentence of a
chunk appears verbatim in the document. PDF and HTML chunks are the extracted
text (pages, or whitespace-collapsed HTML). A file that cannot be read raises
`DocumentError` with a reason a user can act on; `read_corpus` turns those into
`SkippedFile` records instead.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import yaml

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.chunks import Chunk, SkippedFile, chunk_id
from vrn_core.catalogue.sections import headings

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "DocumentError",
    "display_path",
    "iter_corpus",
    "load_chunks",
    "read_corpus",
]

MAX_BYTES = 5 * 1024 * 1024
SUPPORTED = frozenset({".md", ".markdown", ".txt", ".pdf", ".html", ".htm"})

# Target chunk sizes in characters: small enough to embed (MiniLM reads ~256
# tokens) and to quote, large enough to keep a section's sense together.
SECTION_CHARS = 1500
TEXT_CHARS = 1000

_AS_OF_LINE = re.compile(r"^\s*As of:?\s*(\d{4}-\d{2}(?:-\d{2})?)\.?\s*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_SENTENCE_END = re.compile(r"([.!?][\"')\]]*)\s+")


@dataclass(frozen=True)
class _Document:
    title: str
    as_of: date | None
    pieces: list[tuple[str, str]]  # (locator, text), in document order


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # end of the content, before the line break
    content: str

    @property
    def blank(self) -> bool:
        return not self.content.strip()


# ---------------------------------------------------------------- public API


def load_chunks(
    path: Path, *, source: str | None = None, max_bytes: int = MAX_BYTES
) -> list[Chunk]:
    """Read one document into chunks; raises DocumentError if it cannot be used."""
    data = _read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        document = _read_pdf(data, path.stem)
    else:
        text = _decode(data)
        if suffix in {".md", ".markdown"}:
            document = _read_markdown(text, path.stem)
        elif suffix == ".txt":
            document = _read_text(text, path.stem)
        else:
            document = _read_html(text, path.stem)
    if not document.pieces:
        raise DocumentError("no text to index (only headings, metadata or blank sections)")
    name = source if source is not None else path.as_posix()
    digest = hashlib.sha256(data).hexdigest()
    return [
        Chunk(
            id=chunk_id(name, locator, ordinal),
            source=name,
            title=document.title,
            locator=locator,
            text=piece,
            as_of=document.as_of,
            content_hash=digest,
        )
        for ordinal, (locator, piece) in enumerate(document.pieces)
    ]


def iter_corpus(roots: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, source) for every file under the roots, in a stable order.

    Unsupported and unreadable files are yielded too, so the caller can report
    them; hidden files and directories are not. A root that does not exist is
    yielded as is, and load_chunks reports it as not found.
    """
    seen: set[Path] = set()
    for root in roots:
        shown = display_path(root)
        if root.is_dir():
            found = [(root / rel, (PurePosixPath(shown) / rel).as_posix()) for rel in _walk(root)]
        else:
            found = [(root, shown)]
        for path, source in found:
            # Overlapping roots would otherwise index a file twice, with clashing ids.
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path, source


def read_corpus(
    roots: Sequence[Path], *, max_bytes: int = MAX_BYTES
) -> tuple[list[Chunk], list[SkippedFile]]:
    """All chunks of all readable documents, and every other file with the reason."""
    chunks: list[Chunk] = []
    skipped: list[SkippedFile] = []
    for path, source in iter_corpus(roots):
        try:
            chunks.extend(load_chunks(path, source=source, max_bytes=max_bytes))
        except DocumentError as error:
            skipped.append(SkippedFile(path=source, reason=error.reason))
    return chunks, skipped


def display_path(root: Path) -> str:
    """A root as sources name it: as given, or relative to the working directory if inside it."""
    if root.is_absolute():
        try:
            return root.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return root.as_posix()
    return root.as_posix()


# ---------------------------------------------------------------- files


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError("file not found") from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError("is a directory, not a document")
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or device would block or never end.
        raise DocumentError("not a regular file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(
            f"unsupported file type {suffix or '(no extension)'}; "
            f"supported: {', '.join(sorted(SUPPORTED))}"
        )
    if info.st_size == 0:
        raise DocumentError("empty file")
    if info.st_size > max_bytes:
        raise DocumentError(
            f"too large: {_megabytes(info.st_size)} is over the {_megabytes(max_bytes)} limit"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror}") from None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise DocumentError("binary content (NUL bytes) in a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex().upper()
        raise DocumentError(
            f"not UTF-8 text (byte 0x{bad} at offset {error.start}); save the file as UTF-8"
        ) from None
    if not text.strip():
        raise DocumentError("empty file (only whitespace)")
    return text


def _walk(root: Path) -> list[PurePosixPath]:
    found: list[PurePosixPath] = []
    # os.walk does not follow directory symlinks, so a link loop cannot recurse forever.
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        base = PurePosixPath(Path(folder).relative_to(root).as_posix())
        found.extend(base / name for name in filenames if not name.startswith("."))
    return sorted(found)


# ---------------------------------------------------------------- splitting


def _lines(text: str, start: int = 0, end: int | None = None) -> list[_Line]:
    lines: list[_Line] = []
    offset = start
    for raw in text[start:end].splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(_Line(offset, offset + len(content), content))
        offset += len(raw)
    return lines


def _paragraphs(lines: Sequence[_Line]) -> list[tuple[int, int]]:
    """Spans of runs of non-blank lines."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for line in lines:
        if line.blank:
            if current is not None:
                spans.append(current)
                current = None
        elif current is None:
            current = (line.start, line.end)
        else:
            current = (current[0], line.end)
    if current is not None:
        spans.append(current)
    return spans


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((begin, match.end(1)))
        begin = match.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def _pack(text: str, paragraphs: Sequence[tuple[int, int]], limit: int) -> list[tuple[int, str]]:
    """Group consecutive paragraphs into chunks of about `limit` characters.

    Returns (index of the first paragraph, chunk text). A paragraph longer than
    the limit is cut at sentence ends; one sentence is never cut.
    """
    units: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(paragraphs):
        parts = _sentences(text, start, end) if end - start > limit else [(start, end)]
        units.extend((index, part_start, part_end) for part_start, part_end in parts)
    packed: list[tuple[int, str]] = []
    group: tuple[int, int, int] | None = None
    for index, start, end in units:
        if group is not None and end - group[1] <= limit:
            group = (group[0], group[1], end)
            continue
        if group is not None:
            packed.append((group[0], text[group[1] : group[2]].strip()))
        group = (index, start, end)
    if group is not None:
        packed.append((group[0], text[group[1] : group[2]].strip()))
    return [(index, piece) for index, piece in packed if piece]


def _split(text: str, start: int, end: int, limit: int) -> list[str]:
    return [piece for _, piece in _pack(text, _paragraphs(_lines(text, start, end)), limit)]


# ---------------------------------------------------------------- Markdown


def _read_markdown(text: str, stem: str) -> _Document:
    meta, body_start = _front_matter(text)
    found = headings(text, body_start)

    first_h1 = next((h for h in found if h.level == 1), None)
    title = _meta_title(meta) or (first_h1.text if first_h1 else stem)
    as_of = _meta_as_of(meta)
    if as_of is None:
        preamble_end = next((h.start for h in found if h.level > 1), len(text))
        as_of = _as_of_line(text[body_start:preamble_end])

    # Sections: the text before the first heading, then each heading's body.
    # The title heading's body is the introduction, located by the title.
    bounds = [(title, body_start)]
    for heading in found:
        bounds.append((title if heading is first_h1 else heading.text, heading.end))
    starts = [heading.start for heading in found] + [len(text)]
    pieces: list[tuple[str, str]] = []
    for (locator, start), end in zip(bounds, starts, strict=True):
        section = text[start:end]
        if any(not line.blank and not _AS_OF_LINE.match(line.content) for line in _lines(section)):
            pieces.extend((locator, piece) for piece in _split(text, start, end, SECTION_CHARS))
    return _Document(title=title, as_of=as_of, pieces=pieces)


def _front_matter(text: str) -> tuple[dict[str, object], int]:
    """The YAML front matter as a mapping, and where the body starts."""
    lines = _lines(text)
    if not lines or lines[0].content.rstrip() != "---":
        return {}, 0
    closing = next((line for line in lines[1:] if line.content.rstrip() in {"---", "..."}), None)
    if closing is None:
        raise DocumentError("front matter opened with '---' on line 1 is never closed")
    try:
        meta = yaml.safe_load(text[lines[0].end : closing.start])
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        mark = getattr(error, "problem_mark", None)
        # The YAML text starts at the end of the opening '---' line: its line 0 is line 1.
        where = f" on line {mark.line + 1}" if mark is not None else ""
        raise DocumentError(f"malformed front matter: {problem}{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError("malformed front matter: expected 'key: value' lines")
    body_start = closing.end
    while body_start < len(text) and text[body_start] in "\r\n":
        body_start += 1
    return {str(key): value for key, value in meta.items()}, body_start


def _meta_title(meta: dict[str, object]) -> str | None:
    title = meta.get("title")
    if title is None:
        return None
    if not isinstance(title, str) or not title.strip():
        raise DocumentError("front matter 'title' must be non-empty text")
    return title.strip()


def _meta_as_of(meta: dict[str, object]) -> date | None:
    value = meta.get("as_of")
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = _parse_date(str(value))
    if parsed is None:
        raise DocumentError(
            f"front matter 'as_of' {value!r} is not a date; use YYYY-MM-DD or YYYY-MM"
        )
    return parsed


def _as_of_line(text: str) -> date | None:
    for line in _lines(text):
        match = _AS_OF_LINE.match(line.content)
        if match:
            parsed = _parse_date(match.group(1))
            if parsed is None:
                raise DocumentError(f"'As of' date {match.group(1)} is not a real date")
            return parsed
    return None


def _parse_date(value: str) -> date | None:
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3) or "1"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# ---------------------------------------------------------------- plain text


def _read_text(text: str, stem: str) -> _Document:
    lines = _lines(text)
    paragraphs = _paragraphs(lines)
    first = text[paragraphs[0][0] : paragraphs[0][1]].strip()
    title = first if _looks_like_heading(first) else stem
    headings = [
        index
        for index, (start, end) in enumerate(paragraphs)
        if index + 1 < len(paragraphs) and _looks_like_heading(text[start:end])
    ]
    if not any(index > 0 for index in headings):
        return _Document(
            title=title,
            as_of=None,
            pieces=[
                (f"paragraph {index + 1}", piece)
                for index, piece in _pack(text, paragraphs, TEXT_CHARS)
            ],
        )
    pieces: list[tuple[str, str]] = []
    bounds = [(title, 0), *((text[slice(*paragraphs[i])].strip(), i + 1) for i in headings)]
    ends = [*headings, len(paragraphs)]
    for (locator, begin), end in zip(bounds, ends, strict=True):
        pieces.extend(
            (locator, piece) for _, piece in _pack(text, paragraphs[begin:end], TEXT_CHARS)
        )
    return _Document(title=title, as_of=None, pieces=pieces)


def _looks_like_heading(paragraph: str) -> bool:
    """A short single line that does not end like a sentence, e.g. 'Who it is for'."""
    line = paragraph.strip()
    return (
        "\n" not in line
        and 0 < len(line) <= 80
        and (line[0].isupper() or line[0].isdigit())
        and line[-1] not in ".!?,;:"
    )


# ---------------------------------------------------------------- PDF


def _read_pdf(data: bytes, stem: str) -> _Document:
    # pypdf is imported here: it is only needed when a corpus has PDFs.
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("encrypted PDF; save a copy without a password")
        metadata = reader.metadata
        raw_title = metadata.title if metadata is not None else None
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except Exception as error:  # pypdf raises many exception types on damaged files
        raise DocumentError(f"not a readable PDF ({type(error).__name__}: {error})") from None
    pieces = [
        (f"page {number}", piece)
        for number, page in enumerate(pages, start=1)
        for piece in _split(page, 0, len(page), SECTION_CHARS)
    ]
    if not pieces:
        raise DocumentError("PDF has no extractable text (scanned images?); add a text version")
    title = raw_title.strip() if isinstance(raw_title, str) and raw_title.strip() else stem
    return _Document(title=title, as_of=None, pieces=pieces)


# ---------------------------------------------------------------- HTML


class _HtmlText(HTMLParser):
    """Collects the title and the visible text, in sections started by <h2>/<h3>."""

    SKIP = frozenset({"script", "style", "nav", "head", "noscript", "template", "svg"})
    BLOCK = frozenset(
        {
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
            "figcaption", "figure", "footer", "form", "header", "hr", "li", "main", "ol",
            "p", "pre", "section", "table", "td", "th", "tr", "ul",
        }
    )  # fmt: skip
    SECTION = frozenset({"h2", "h3"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.h1: str | None = None
        # Per section: its heading (None before the first) and text runs; None marks a block break.
        self.sections: list[tuple[str | None, list[str | None]]] = [(None, [])]
        self._skip = 0
        self._capture: tuple[str, list[str]] | None = None  # (tag, text) of title/h1/h2/h3

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self._capture = (tag, [])
        elif tag == "body":
            self._skip = 0  # </head> is optional in HTML
        elif tag in self.SKIP:
            self._skip += 1
        elif self._skip:
            return
        elif tag == "h1" or tag in self.SECTION:
            self._capture = (tag, [])
        elif tag in self.BLOCK:
            self.sections[-1][1].append(None)

    def handle_endtag(self, tag: str) -> None:
        if self._capture is not None and tag == self._capture[0]:
            name, parts = self._capture
            self._capture = None
            text = _collapse("".join(parts))
            if name == "title":
                self.title = text
            elif name == "h1":
                self.h1 = self.h1 or text
            else:
                self.sections.append((text or None, []))
        elif tag == "head":
            self._skip = 0
        elif tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif not self._skip and tag in self.BLOCK:
            self.sections[-1][1].append(None)

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._capture[1].append(data)
        elif not self._skip:
            self.sections[-1][1].append(data)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _read_html(text: str, stem: str) -> _Document:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    title = parser.title or parser.h1 or stem
    pieces: list[tuple[str, str]] = []
    for heading, parts in parser.sections:
        paragraphs: list[list[str]] = [[]]
        for part in parts:
            if part is None:
                paragraphs.append([])
            else:
                paragraphs[-1].append(part)
        body = "\n\n".join(filter(None, (_collapse("".join(runs)) for runs in paragraphs)))
        pieces.extend(
            (heading or title, piece) for piece in _split(body, 0, len(body), SECTION_CHARS)
        )
    if not pieces:
        raise DocumentError("HTML has no text outside scripts, styles and navigation")
    return _Document(title=title, as_of=None, pieces=pieces)
