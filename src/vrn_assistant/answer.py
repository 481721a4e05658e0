"""The typed answer the assistant returns, and its one-line JSON form for `--batch`."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vrn_core import Case, ProgrammeReport, Verdict
from vrn_core.programme import RouteKind

__all__ = [
    "Answer",
    "Citation",
    "Clarification",
    "DocumentFinding",
    "PersonAnswer",
    "ProgrammeAnswer",
    "ReachRoute",
    "ReadFact",
]


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


class ReachRoute(_Model):
    """One way to reach a programme's team or a service, as a source gives it."""

    name: str = Field(description="Who it reaches, e.g. 'Lancashire Constabulary'.")
    kind: RouteKind
    value: str = Field(description="The number, address or web address, as the source gives it.")
    note: str | None = Field(default=None, description="When or what for, e.g. '8pm to 8am'.")
    citation: int | None = Field(default=None, description="The citation that states it.")


class ProgrammeAnswer(_Model):
    """One programme in an answer: the rules' report on it (verdict, criteria,
    availability, reasons), and what the answer adds: the summary, how to refer, and
    the citations used."""

    report: ProgrammeReport
    summary: str | None = None
    how_to_refer: tuple[str, ...] = ()
    advice: str | None = Field(
        default=None, description="Referral advice addressed to who is asking, cited."
    )
    routes: tuple[ReachRoute, ...] = Field(
        default=(), description="How to reach it: the contact routes the sources give."
    )
    no_contact: str | None = Field(
        default=None,
        description="Said plainly when the sources give no phone or email, with who to ask.",
    )
    details: tuple[str, ...] = Field(
        default=(), description="The card's lines, each factual sentence cited ('[n]')."
    )
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


class PersonAnswer(_Model):
    """One person of a question about several: who they are, and their part of the answer."""

    label: str = Field(description="A short label: 'the son', 'his mate', 'the 15-year-old'.")
    relation: str | None = Field(
        default=None, description="Who they are to the first-named person ('mate'); None for them."
    )
    case: Case
    facts: tuple[ReadFact, ...] = ()
    text: str
    recommended: tuple[ProgrammeAnswer, ...] = ()
    considered: tuple[ProgrammeAnswer, ...] = ()


class Clarification(_Model):
    """The one fact that would decide the answer, asked for rather than guessed."""

    fact: str = Field(description="The case's field that is unknown: 'age', 'place', 'issues'.")
    question: str = Field(description="One short question: 'How old is he?'")
    changes: str = Field(description="What each answer would change, from the rules.")


class Answer(_Model):
    question: str = Field(description="The question as processed, personal details redacted.")
    as_of: date
    text: str
    emergency: bool = False
    redacted: tuple[str, ...] = Field(default=(), description="Kinds of personal detail removed.")
    case: Case
    facts: tuple[ReadFact, ...] = ()
    notes: tuple[str, ...] = ()
    safeguarding: str | None = Field(
        default=None,
        description="The child safeguarding step, cited: always given for an under-18 in "
        "custody or hospital.",
    )
    routes: tuple[ReachRoute, ...] = Field(
        default=(),
        description="The usual routes (police, children's social care) when no programme "
        "fits, or for the child safeguarding step.",
    )
    recommended: tuple[ProgrammeAnswer, ...] = ()
    considered: tuple[ProgrammeAnswer, ...] = ()
    documents: tuple[DocumentFinding, ...] = ()
    citations: tuple[Citation, ...] = ()
    dense_retrieval: bool = Field(
        default=True, description="False when the embedding model is missing (lexical only)."
    )
    people: tuple[PersonAnswer, ...] = Field(
        default=(),
        description="For a question about several people, each one's part, the first-named "
        "first; `recommended` then lists each one's programmes in turn.",
    )
    clarify: Clarification | None = Field(
        default=None, description="The deciding fact the question leaves unknown, asked for."
    )

    def cards_text(self) -> str:
        """Each recommended programme's card, in Markdown: the text gives one line each."""
        blocks = []
        for number, programme in enumerate(self.recommended, 1):
            head = f"**{number}. {programme.name} in detail**"
            blocks.append("\n".join([head, *(f"- {line}" for line in programme.details)]))
        return "\n\n".join(blocks)

    def full_text(self) -> str:
        """What a reader is shown: the text, then the cards of the recommended programmes."""
        cards = self.cards_text()
        return f"{self.text}\n\n{cards}" if cards else self.text

    def eval_record(self, case_id: str | None = None) -> dict[str, Any]:
        """The answer format of ../shared/eval/README.md (its text: all a reader is shown)."""
        record: dict[str, Any] = {} if case_id is None else {"id": case_id}
        record.update(
            text=self.full_text(),
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
