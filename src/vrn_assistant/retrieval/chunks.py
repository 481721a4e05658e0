"""The unit of retrieval: a section of a document, with where it came from."""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Chunk", "SkippedFile", "chunk_id"]


def chunk_id(source: str, locator: str, ordinal: int) -> str:
    """A stable id: the same document section gets the same id on every ingest."""
    digest = hashlib.sha256(f"{source}\n{locator}\n{ordinal}".encode()).hexdigest()
    return digest[:24]


class Chunk(BaseModel):
    """One section (or page) of one document.

    `text` is copied from the document exactly (modulo whitespace runs at the
    edges), so any sentence of it can be quoted verbatim with `locator`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source: str = Field(description="Path of the document, relative to its corpus root when known.")
    title: str
    locator: str = Field(description="Section heading, or 'page N' for PDFs.")
    text: str
    as_of: date | None = Field(default=None, description="The date the document speaks for.")
    content_hash: str = Field(description="sha256 of the whole document's bytes.")


class SkippedFile(BaseModel):
    """A file that could not be ingested, and why, in words a user can act on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    reason: str
