"""A referral summary: what a practitioner pastes into a referral or a case note.

Built from an `Answer` alone, so it holds nothing the answer does not: the facts as
read from the redacted question (never the question itself, which may still hold a
detail the redaction missed), and for each recommended programme why it fits, what
is still to check, how to refer and how to reach it, with the sources it rests on
and their dates. Plain text, no Markdown: it goes into e-mails and case systems.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vrn_assistant.answer import Answer, Citation, ProgrammeAnswer
from vrn_assistant.answering.routes import reach_lines
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE
from vrn_core.report import CriterionReport, verdict_words
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Truth
from vrn_core.wording import format_day, sentence

__all__ = ["ReferralSummary", "SummarySection", "referral_summary"]


@dataclass(frozen=True, slots=True)
class SummarySection:
    """One part of the summary: a heading and its lines, plain text."""

    heading: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join([self.heading, *self.lines])


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    """The summary as sections (for a page to lay out) and as one plain text (to copy)."""

    title: str
    sections: tuple[SummarySection, ...]

    @property
    def text(self) -> str:
        return "\n\n".join([self.title, *(section.text for section in self.sections)]) + "\n"


def referral_summary(answer: Answer) -> ReferralSummary:
    """The answer as a referral summary: facts read, then one section per recommended
    programme, each with its sources and their dates."""
    sections: list[SummarySection] = []
    if answer.emergency:
        sections.append(SummarySection("Emergency", (EMERGENCY_ADVICE,)))
    sections.append(_facts(answer))
    if answer.safeguarding is not None:
        routes = [f"- {line}" for line in reach_lines(answer.routes)]
        step = _with_sources([answer.safeguarding, *routes], answer.citations)
        sections.append(SummarySection("Child safeguarding", step))
    if answer.recommended:
        for number, programme in enumerate(answer.recommended, 1):
            sections.append(_programme(number, programme, answer.citations))
    else:
        lines = [f"No VRN programme in the catalogue fits these facts on {_day(answer)}."]
        if answer.safeguarding is None and answer.routes:
            lines.append("Usual routes:")
            lines += [f"- {line}" for line in reach_lines(answer.routes)]
        sections.append(
            SummarySection("Recommended programmes", _with_sources(lines, answer.citations))
        )
    return ReferralSummary(
        title=f"Referral summary, as of {_day(answer)}", sections=tuple(sections)
    )


def _day(answer: Answer) -> str:
    return format_day(answer.as_of)


def _facts(answer: Answer) -> SummarySection:
    lines = [f"- {fact.field.replace('_', ' ')}: {fact.value}" for fact in answer.facts]
    if not lines:
        lines = ["- none could be read from the question"]
    if answer.redacted:
        lines.append(
            "Personal details removed before reading: "
            + ", ".join(answer.redacted)
            + "; others may remain in what was typed, which this summary does not repeat."
        )
    return SummarySection("Facts as read (check them)", tuple(lines))


def _programme(
    number: int, programme: ProgrammeAnswer, citations: Sequence[Citation]
) -> SummarySection:
    report = programme.report
    used = [c for c in citations if c.number in programme.citations]
    lines: list[str] = []
    if programme.summary:
        lines.append(sentence(programme.summary))
    met = [c for c in report.criteria if c.result is Truth.met]
    unknown = [c for c in report.criteria if c.result is Truth.unknown]
    lines.append("Why it fits: " + (_criteria(met, used) if met else "no criterion is met yet."))
    if unknown:
        lines.append("Still to check: " + _criteria(unknown, used))
    lines.append(
        "Availability: "
        + _marked(sentence(report.availability.reason), report.availability.source, used)
    )
    cited = next((line for line in programme.details if line.startswith("How to refer: ")), None)
    if cited is not None:  # the card's line, with its marker
        lines.append(cited)
    elif programme.how_to_refer:
        steps = " ".join(dict.fromkeys(sentence(step) for step in programme.how_to_refer))
        lines.append("How to refer: " + steps)
    if programme.advice:
        lines.append("For you: " + programme.advice)
    lines += [f"How to reach them: {line}" for line in reach_lines(programme.routes)]
    if programme.no_contact:
        lines.append(programme.no_contact)
    lines.append("Sources:")
    lines += [_source(c) for c in used] or ["- none cited"]
    heading = f"{number}. {report.name} ({verdict_words(report)})"
    return SummarySection(heading, tuple(lines))


def _with_sources(lines: list[str], citations: Sequence[Citation]) -> tuple[str, ...]:
    """The lines, then the sources their markers point to, if any."""
    marks = {int(n) for line in lines for n in re.findall(r"\[(\d+)\]", line)}
    used = [c for c in citations if c.number in marks]
    if not used:
        return tuple(lines)
    return (*lines, "Sources:", *(_source(c) for c in used))


def _criteria(results: Sequence[CriterionReport], used: Sequence[Citation]) -> str:
    """One sentence per source section, ending with that section's marker."""
    groups: dict[SourceRef | None, list[str]] = {}
    for result in results:
        groups.setdefault(result.source, []).append(result.reason)
    return " ".join(
        _marked(sentence("; ".join(reasons)), source, used) for source, reasons in groups.items()
    )


def _marked(text: str, source: SourceRef | None, used: Sequence[Citation]) -> str:
    """The text with the marker of the first citation quoting `source`, if one does."""
    number = next((c.number for c in used if _quotes(c, source)), None)
    if number is None:
        return text
    if text.endswith((".", "!", "?")):
        return f"{text[:-1]} [{number}]{text[-1]}"
    return f"{text} [{number}]"


def _quotes(citation: Citation, source: SourceRef | None) -> bool:
    if source is None or citation.locator != source.locator:
        return False
    return citation.source.replace("\\", "/").rsplit("/", 1)[-1] == source.document


def _source(citation: Citation) -> str:
    dated = f"{citation.as_of:%B %Y}" if citation.as_of else "undated"
    stale = ", more than 12 months old: check it is still current" if citation.stale else ""
    return (
        f"[{citation.number}] {citation.title}, {citation.locator} "
        f"({citation.source}; stated {dated}{stale}): “{citation.quote}”"
    )
