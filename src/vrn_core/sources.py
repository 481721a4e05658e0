"""Where a fact comes from: a corpus document and a section of it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["SourceRef"]


class SourceRef(BaseModel):
    """A pointer into `knowledge/corpus/`: the document and the section heading.

    The catalogue loader checks that the document exists and has the section,
    so the assistant can always quote from it. In a programme file it may be
    written short, as `divert.md#Who it is for`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    document: str = Field(description="File name under knowledge/corpus/, e.g. 'divert.md'.")
    locator: str = Field(description="The section heading the fact is stated under.")

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if isinstance(value, str):
            document, hash_sign, locator = value.partition("#")
            if not hash_sign or not document.strip() or not locator.strip():
                raise ValueError(
                    f"{value!r} is not DOCUMENT#SECTION, e.g. 'divert.md#Who it is for'"
                )
            return {"document": document.strip(), "locator": locator.strip()}
        return value

    def __str__(self) -> str:
        return f"{self.document} § {self.locator}"
