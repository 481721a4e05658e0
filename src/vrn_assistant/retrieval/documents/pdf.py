"""PDF: the extracted text of each page (long pages split), located by page number."""

from __future__ import annotations

import io

from vrn_assistant.errors import DocumentError
from vrn_assistant.retrieval.documents.splitter import SECTION_CHARS, Parsed, split

__all__ = ["read_pdf"]


def read_pdf(data: bytes, stem: str) -> Parsed:
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
        for piece in split(page, 0, len(page), SECTION_CHARS)
    ]
    if not pieces:
        raise DocumentError("PDF has no extractable text (scanned images?); add a text version")
    title = raw_title.strip() if isinstance(raw_title, str) and raw_title.strip() else stem
    return Parsed(title=title, as_of=None, pieces=pieces)
