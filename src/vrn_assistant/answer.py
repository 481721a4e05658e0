"""The typed answer the assistant returns, and its one-line JSON form for `--batch`."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vrn_core import Case, ProgrammeReport

__all__ = ["Answer", "Citation", "DocumentFinding", "ProgrammeAnswer", "ReadFact"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(_Model):
    """A numbered reference: a sentence copied verbatim from a document."""

    number: int = Field(ge=1)
    source: str = Field(description="Document path, as indexed.")
    title: str
    locator: str = Field(description="Section heading, or 'page N'.")
    quote: str = Field(description="Copied verbatim from the document.")
    as_of: date | None = None
    stale: bool = Field(
        default=False, description="The source is more than 12 months older than the question."
    )


class ReadFact(_Model):
    """One fact the assistant read from the question, shown so the user can correct it."""

    field: str
    value: str
    note: str | None = None


class ProgrammeAnswer(ProgrammeReport):
    """The rules' report on one programme (criteria, availability, reasons), plus what the
    answer adds: the summary, how to refer, and the citations used."""

    summary: str | None = None
    how_to_refer: tuple[str, ...] = ()
    citations: tuple[int, ...] = Field(default=(), description="Numbers of the citations used.")


class DocumentFinding(_Model):
    """A programme or resource known only from a document, not from the catalogue.

    No rules exist for it, so it has no verdict: the answer names it and quotes
    the passage, and the practitioner judges the fit.
    """

    name: str
    source: str
    locator: str
    citations: tuple[int, ...] = ()


class Answer(_Model):
    question: str = Field(description="The question as processed, personal details redacted.")
    as_of: date
    text: str
    emergency: bool = False
    redacted: tuple[str, ...] = Field(default=(), description="Kinds of personal detail removed.")
    case: Case
    facts: tuple[ReadFact, ...] = ()
    notes: tuple[str, ...] = ()
    recommended: tuple[ProgrammeAnswer, ...] = ()
    considered: tuple[ProgrammeAnswer, ...] = ()
    documents: tuple[DocumentFinding, ...] = ()
    citations: tuple[Citation, ...] = ()
    dense_retrieval: bool = Field(
        default=True, description="False when the embedding model is missing (lexical only)."
    )

    def eval_record(self, case_id: str | None = None) -> dict[str, Any]:
        """The answer format of ../shared/eval/README.md."""
        record: dict[str, Any] = {} if case_id is None else {"id": case_id}
        record.update(
            text=self.text,
            emergency=self.emergency,
            recommended=[
                {"id": p.id, "name": p.name, "verdict": p.verdict.value} for p in self.recommended
            ],
            considered=[
                {"id": p.id, "name": p.name, "verdict": p.verdict.value, "reasons": list(p.reasons)}
                for p in self.considered
            ],
            citations=[
                {"source": c.source, "title": c.title, "locator": c.locator, "quote": c.quote}
                for c in self.citations
            ],
        )
        return record
