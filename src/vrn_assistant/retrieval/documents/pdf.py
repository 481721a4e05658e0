"""PDF: the extracted text of each page (long pages split), located by page number.

A small PDF can hold a page whose compressed content stream runs to millions of
operations, which pypdf would spend minutes extracting. So every page's decoded
content is measured before its text is extracted, and the whole file is bounded
in pages, characters and time (the limits below); a file over one is refused.
"""

from __future__ import annotations

import io
import re
import time
from typing import TYPE_CHECKING

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents.splitter import SECTION_CHARS, Parsed, split

if TYPE_CHECKING:
    from pypdf.generic import ContentStream

__all__ = [
    "MAX_PAGES",
    "MAX_PAGE_CHARS",
    "MAX_PAGE_STREAM_BYTES",
    "MAX_PAGE_TEXT_OPERATIONS",
    "MAX_PDF_CHARS",
    "MAX_PDF_SECONDS",
    "read_pdf",
    "text_operations",
]

MAX_PAGES = 2000
MAX_PDF_CHARS = 3_000_000
MAX_PDF_SECONDS = 30.0
MAX_PAGE_TEXT_OPERATIONS = 10_000
MAX_PAGE_CHARS = 100_000
MAX_PAGE_STREAM_BYTES = 4 * 1024 * 1024  # decoded content of one page

# The operators that show text (Tj, TJ, ' and "), as whole tokens of a content stream.
_TEXT_OPERATOR = re.compile(rb"(?<![^\s\])>])(?:Tj|TJ|'|\")(?=[\s\[(<]|$)")


def text_operations(content: bytes, up_to: int | None = None) -> int:
    """How many text-showing operators a page's decoded content stream holds (a bound:
    an operator's name inside a string may be counted too); counting stops past `up_to`."""
    count = 0
    for _ in _TEXT_OPERATOR.finditer(content):
        count += 1
        if up_to is not None and count > up_to:
            break
    return count


def read_pdf(data: bytes, stem: str) -> Parsed:
    # pypdf is imported here: it is only needed when a corpus has PDFs.
    from pypdf import PdfReader

    seconds = MAX_PDF_SECONDS
    deadline = time.monotonic() + seconds
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("encrypted PDF; save a copy without a password")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise DocumentError(f"PDF has {count:,} pages; at most {MAX_PAGES:,} are read")
        metadata = reader.metadata
        raw_title = metadata.title if metadata is not None else None
        pages: list[str] = []
        total = 0
        for number, page in enumerate(reader.pages, start=1):
            if time.monotonic() > deadline:
                raise DocumentError(
                    f"PDF took over {seconds:g} seconds to read (stopped at page {number})"
                )
            _check_content(page.get_contents(), number)
            text = page.extract_text() or ""
            if len(text) > MAX_PAGE_CHARS:
                raise DocumentError(
                    f"PDF page {number} holds {len(text):,} characters; "
                    f"at most {MAX_PAGE_CHARS:,} a page are read"
                )
            total += len(text)
            if total > MAX_PDF_CHARS:
                raise DocumentError(
                    f"PDF holds over {MAX_PDF_CHARS:,} characters of text (at page {number})"
                )
            pages.append(text)
    except DocumentError:
        raise
    except MemoryError:
        raise
    except Exception as error:  # pypdf raises many exception types on damaged files
        raise DocumentError(f"not a readable PDF ({type(error).__name__}: {error})") from None
    pieces = [
        (f"page {number}", piece)
        for number, page in enumerate(pages, start=1)
        for piece in split(page, 0, len(page), SECTION_CHARS)
    ]
    if not pieces:
        raise DocumentError("PDF has no extractable text (scanned images?); add a text version")
    title = raw_title.strip() if isinstance(raw_title, str) and raw_title.strip() else stem
    return Parsed(title=title, as_of=None, pieces=pieces)


def _check_content(content: ContentStream | None, number: int) -> None:
    """Refuse a page whose content stream is too big or shows text too many times."""
    if content is None:  # a page with no content stream: nothing to extract
        return
    raw = content.get_data()
    if len(raw) > MAX_PAGE_STREAM_BYTES:
        raise DocumentError(
            f"PDF page {number} has a content stream of {len(raw) / (1024 * 1024):.1f} MB; "
            f"at most {MAX_PAGE_STREAM_BYTES // (1024 * 1024)} MB a page are read"
        )
    if text_operations(raw, up_to=MAX_PAGE_TEXT_OPERATIONS) > MAX_PAGE_TEXT_OPERATIONS:
        raise DocumentError(
            f"PDF page {number} has over {MAX_PAGE_TEXT_OPERATIONS:,} text operations; "
            f"at most {MAX_PAGE_TEXT_OPERATIONS:,} a page are read"
        )
