"""Where a fact comes from: a corpus document and a section of it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["SourceRef"]


class SourceRef(BaseModel):
    """A pointer into `knowledge/corpus/`: the document and the section heading.

    The catalogue loader checks that the document exists and has the section,
    so the assistant can always quote from it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    document: str = Field(description="File name under knowledge/corpus/, e.g. 'divert.md'.")
    locator: str = Field(description="The section heading the fact is stated under.")

    def __str__(self) -> str:
        return f"{self.document} § {self.locator}"
