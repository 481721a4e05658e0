"""The typed answer the assistant returns, and its one-line JSON form for `--batch`."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vrn_core import Case, ProgrammeReport, Verdict

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


class ProgrammeAnswer(_Model):
    """One programme in an answer: the rules' report on it (verdict, criteria,
    availability, reasons), and what the answer adds: the summary, how to refer, and
    the citations used."""

    report: ProgrammeReport
    summary: str | None = None
    how_to_refer: tuple[str, ...] = ()
    citations: tuple[int, ...] = Field(default=(), description="Numbers of the citations used.")

    # Which programme and what the rules said, the three things every reader asks first.
    @property
    def id(self) -> str:
        return self.report.id

    @property
    def name(self) -> str:
        return self.report.name

    @property
    def verdict(self) -> Verdict:
        return self.report.verdict


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
                {"id": r.id, "name": r.name, "verdict": r.verdict.value}
                for r in (p.report for p in self.recommended)
            ],
            considered=[
                {"id": r.id, "name": r.name, "verdict": r.verdict.value, "reasons": list(r.reasons)}
                for r in (p.report for p in self.considered)
            ],
            citations=[
                {"source": c.source, "title": c.title, "locator": c.locator, "quote": c.quote}
                for c in self.citations
            ],
        )
        return record
