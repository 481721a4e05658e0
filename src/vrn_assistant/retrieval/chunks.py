"""The unit of retrieval: a section of a document, with where it came from.

Where a chunk came from is recorded twice: `root` and `path` say exactly which
document it is (the catalogue's corpus, or an added folder, and the path inside
it), independent of the working directory; `source` says it the way users read
it in citations ("knowledge/corpus/divert.md", "docs/leaflet.pdf").
"""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CATALOGUE",
    "CATALOGUE_LABEL",
    "Chunk",
    "SkippedFile",
    "chunk_id",
    "document_key",
    "passage",
]

CATALOGUE = "catalogue"
"""The `root` of the catalogue's own corpus documents (`Catalogue.corpus_dir`)."""

CATALOGUE_LABEL = "knowledge/corpus"
"""How sources name the catalogue's corpus, wherever it is installed (see `SourceRef`)."""


def chunk_id(source: str, locator: str, ordinal: int) -> str:
    """A stable id: the same document section gets the same id on every ingest."""
    digest = hashlib.sha256(f"{source}\n{locator}\n{ordinal}".encode()).hexdigest()
    return digest[:24]


def document_key(root: str, path: str) -> str:
    """What chunk ids are derived from for a document read from a root."""
    return f"{root}\n{path}"


class Chunk(BaseModel):
    """One section (or page) of one document.

    `text` is copied from the document exactly (modulo whitespace runs at the
    edges), so any sentence of it can be quoted verbatim with `locator`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source: str = Field(
        description="The document as citations show it: its root's label and its path there."
    )
    root: str | None = Field(
        default=None,
        description=(
            f"Where the document was found: {CATALOGUE!r} for the catalogue's corpus, else the "
            "added folder's absolute path; None for a document read on its own."
        ),
    )
    path: str | None = Field(
        default=None, description="The document's path relative to `root` (POSIX separators)."
    )
    title: str
    locator: str = Field(description="Section heading, or 'page N' for PDFs.")
    text: str
    as_of: date | None = Field(default=None, description="The date the document speaks for.")
    dated_by: str | None = Field(
        default=None,
        description="How `as_of` was found (documents.dating.DateHow: 'front matter', "
        "'page date', 'date line', 'date in text', 'file date', 'undated'); None: not recorded.",
    )
    content_hash: str = Field(description="sha256 of the whole document's bytes.")

    @property
    def from_catalogue(self) -> bool:
        """Whether the chunk is from one of the catalogue's own corpus documents."""
        return self.root == CATALOGUE


def passage(chunk: Chunk) -> str:
    """The text both retrievers index: title and heading carry words the body often leaves out."""
    return f"{chunk.title}\n{chunk.locator}\n{chunk.text}"


class SkippedFile(BaseModel):
    """A file that could not be ingested, and why, in words a user can act on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    reason: str
