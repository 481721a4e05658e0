"""View models for the Streamlit app: everything it shows, worked out without Streamlit.

`app.py` only lays out what these helpers return, so what the app says can be
unit-tested (tests/assistant/test_ui.py) without running it. Nothing here
imports streamlit, and nothing here keeps state: the app holds each session's
question and answer in `st.session_state`, never in this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path, PurePath

from vrn_assistant.answer import Answer, Citation, ProgrammeAnswer
from vrn_assistant.retrieval.index import IngestReport
from vrn_core import (
    Case,
    Catalogue,
    Gender,
    Issue,
    OffenceCategory,
    Programme,
    ProgrammeKind,
    ProgrammeReport,
    Role,
    Sector,
    Setting,
    Status,
    Truth,
    Verdict,
)
from vrn_core.availability import timeline_entries
from vrn_core.dating import stale_before
from vrn_core.vocabulary import TRUTH_MARKS, TRUTH_WORDS, describe
from vrn_core.wording import format_day, format_month, sentence

__all__ = [
    "BADGES",
    "NOT_CONFIRMED_BADGE",
    "UPLOAD_TYPES",
    "CardView",
    "CatalogueEntry",
    "CheckItem",
    "ConsideredGroups",
    "FactsForm",
    "Progress",
    "badge",
    "case_from_form",
    "catalogue_entry",
    "checklist",
    "citation_body",
    "citation_label",
    "escape_markdown",
    "form_from_case",
    "group_considered",
    "ingest_summary",
    "label_of",
    "markdown_text",
    "programme_card",
    "quote_markdown",
    "redaction_note",
    "safe_filename",
    "save_upload",
    "stale_note",
]

# Words and a symbol, never colour alone.
BADGES = {
    Verdict.eligible: "✓ Eligible",
    Verdict.likely_eligible: "? Likely eligible: some facts still to check",
    Verdict.not_available: "✗ Not available there or then",
    Verdict.not_eligible: "✗ Not eligible",
}
# On evidence older than the freshness horizon a programme is never shown as eligible or
# running: it has its own badge, with the month it was last confirmed.
NOT_CONFIRMED_BADGE = "⚠ Likely eligible, but not confirmed since {since}: check it still runs"
UPLOAD_TYPES = ("md", "txt", "pdf", "html")
Progress = Callable[[int, int, str], None]  # (done, total, source), as Assistant.ingest calls it


# ---------------------------------------------------------------- markdown


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>$~|#])")


def quote_markdown(text: str) -> str:
    """Verbatim text shown as a Markdown blockquote: specials escaped so nothing is reformatted."""
    lines = [_MARKDOWN_SPECIALS.sub(r"\\\1", line) for line in text.splitlines() or [""]]
    return "\n".join("> " + line for line in lines)


def escape_markdown(text: str) -> str:
    """Plain text that Markdown must show as typed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def markdown_text(text: str) -> str:
    """The answer's own Markdown (bold, lists, [n] markers) as Streamlit should show it.

    Each line of the composed text is a line on screen (a Markdown hard break; blank
    lines still separate paragraphs), and '$' is kept from turning into maths.
    """
    lines = text.replace("$", r"\$").split("\n")
    shown = [
        line + "  " if line.strip() and following.strip() else line
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
    ]
    return "\n".join(shown)


def label_of(value: StrEnum | None) -> str:
    """A vocabulary value in words, for select boxes; None is 'unknown'."""
    if value is None:
        return "unknown"
    words = describe(value)
    return words[0].upper() + words[1:]


# ---------------------------------------------------------------- redaction


def redaction_note(kinds: Sequence[str]) -> str:
    """Which kinds of personal detail were removed before anything read the question."""
    # Redaction is best effort: never claim that no personal details were present.
    if not kinds:
        return (
            "No personal details were recognised, but some may not be: please do not type "
            "names, numbers or addresses."
        )
    return (
        "Removed before the question was read: " + ", ".join(kinds) + ". Other personal "
        "details may remain: please do not type names, numbers or addresses."
    )


# ---------------------------------------------------------------- verdicts and criteria


@dataclass(frozen=True)
class CheckItem:
    """One line of a programme's checklist: ✓ met / ✗ not met / ? unknown, with the reason."""

    truth: Truth
    label: str
    reason: str

    @property
    def symbol(self) -> str:
        return TRUTH_MARKS[self.truth]

    def markdown(self) -> str:
        words = TRUTH_WORDS[self.truth]
        return f"{self.symbol} ({words}) **{_sentence_case(self.label)}**: {self.reason}"


def badge(programme: ProgrammeReport) -> str:
    """The verdict's badge, or the not-confirmed badge when the evidence is old."""
    availability = programme.availability
    if availability.status is Status.not_confirmed:
        since = format_month(availability.confirmed) if availability.confirmed else "long ago"
        return NOT_CONFIRMED_BADGE.format(since=since)
    return BADGES[programme.verdict]


def checklist(programme: ProgrammeReport) -> list[CheckItem]:
    """Every criterion the rules checked (area included), then whether it runs on the date:
    ✓ running, ? not confirmed recently (it may still run), ✗ otherwise. An assumed date
    is said to be assumed, with why."""
    items = [
        CheckItem(truth=criterion.result, label=criterion.label, reason=criterion.reason)
        for criterion in programme.criteria
    ]
    availability = programme.availability
    if availability.status is Status.running:
        truth = Truth.met
    elif availability.status is Status.not_confirmed:
        truth = Truth.unknown
    else:
        truth = Truth.not_met
    reason = " ".join([sentence(availability.reason), *availability.assumptions])
    items.append(CheckItem(truth=truth, label="running there on that date", reason=reason))
    return items


@dataclass(frozen=True)
class CardView:
    """A recommended programme as a card."""

    id: str
    name: str
    badge: str
    summary: str
    checks: tuple[CheckItem, ...]
    how_to_refer: tuple[str, ...]
    sources: str


def programme_card(programme: ProgrammeAnswer) -> CardView:
    report = programme.report
    return CardView(
        id=report.id,
        name=report.name,
        badge=badge(report),
        summary=programme.summary or "",
        checks=tuple(checklist(report)),
        how_to_refer=tuple(dict.fromkeys(programme.how_to_refer)),
        sources=citation_numbers(programme.citations),
    )


def citation_numbers(numbers: Sequence[int]) -> str:
    if not numbers:
        return "No source quoted."
    return "Sources: " + ", ".join(f"[{n}]" for n in numbers)


@dataclass(frozen=True)
class ConsideredGroups:
    """The programmes not recommended, split the way a practitioner reads them."""

    near_misses: tuple[ProgrammeAnswer, ...] = ()  # fits the need, but a requirement fails
    not_running: tuple[ProgrammeAnswer, ...] = ()  # fits, but not running there or then
    others: tuple[ProgrammeAnswer, ...] = ()  # also considered

    def lines(self, programmes: Sequence[ProgrammeAnswer]) -> list[str]:
        return [considered_line(p) for p in programmes]


def group_considered(answer: Answer) -> ConsideredGroups:
    near: list[ProgrammeAnswer] = []
    waiting: list[ProgrammeAnswer] = []
    others: list[ProgrammeAnswer] = []
    for programme in answer.considered:
        report = programme.report
        if report.relevant and report.verdict is Verdict.not_eligible:
            near.append(programme)
        elif report.relevant and report.verdict is Verdict.not_available:
            waiting.append(programme)
        else:
            others.append(programme)
    return ConsideredGroups(tuple(near), tuple(waiting), tuple(others))


def considered_line(programme: ProgrammeAnswer) -> str:
    report = programme.report
    shown = badge(report)
    reason = report.near_miss or "; ".join(report.reasons) or "no reason recorded"
    cited = f" {citation_numbers(programme.citations)}" if programme.citations else ""
    return f"**{report.name}** ({shown}): {sentence(reason)}{cited}"


# ---------------------------------------------------------------- citations


def citation_label(citation: Citation) -> str:
    """The expander label: '[1] DIVERT custody intervention coaches — What it is'."""
    stale = " (older than 12 months)" if citation.stale else ""
    return f"[{citation.number}] {citation.title} — {citation.locator}{stale}"


def citation_body(citation: Citation) -> str:
    """The verbatim quote as a blockquote, then where it comes from."""
    dated = citation.as_of.strftime("%B %Y") if citation.as_of else "not dated"
    return "\n".join(
        [
            quote_markdown(citation.quote),
            "",
            f"**Document:** {escape_markdown(citation.title)}  ",
            f"**Section:** {escape_markdown(citation.locator)}  ",
            f"**Source:** `{citation.source}`  ",
            f"**Date:** {dated}",
        ]
    )


def stale_note(citation: Citation, as_of: date) -> str | None:
    if not citation.stale:
        return None
    dated = citation.as_of.strftime("%B %Y") if citation.as_of else "an unknown date"
    return (
        f"Older than 12 months: this source is dated {dated}, more than a year before "
        f"{format_day(as_of)}. Check that it is still current."
    )


# ---------------------------------------------------------------- the facts form


@dataclass(frozen=True)
class FactsForm:
    """The editable facts, as the form's widgets hold them."""

    age: int | None = None
    place: str = ""
    setting: Setting | None = None
    roles: tuple[Role, ...] = ()
    issues: tuple[Issue, ...] = ()
    offence: OffenceCategory | None = None
    gender: Gender | None = None
    sector: Sector | None = None
    course: str = ""


def form_from_case(case: Case) -> FactsForm:
    return FactsForm(
        age=case.age,
        place=case.place or "",
        setting=case.setting,
        roles=tuple(sorted(case.roles)),
        issues=tuple(sorted(case.issues)),
        offence=case.offence,
        gender=case.gender,
        sector=case.sector,
        course=case.course or "",
    )


def case_from_form(form: FactsForm, original: Case) -> Case:
    """The corrected Case. What the form does not show (an age range, roles and issues
    known to be absent, what the asker wants) is kept from the original, except that
    an exact age replaces a range, and a role or issue the user added is no longer
    'known absent'."""
    issues = frozenset(form.issues)
    roles = frozenset(form.roles)
    age = int(form.age) if form.age is not None else None
    return Case(
        age=age,
        age_range=original.age_range if age is None else None,
        place=form.place or None,
        setting=form.setting,
        without_settings=original.without_settings - {form.setting},
        roles=roles,
        without_roles=original.without_roles - roles,
        issues=issues,
        without_issues=original.without_issues - issues,
        offence=form.offence,
        gender=form.gender,
        sector=form.sector,
        course=form.course or None,
        wants=original.wants,
    )


# ---------------------------------------------------------------- the catalogue page


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    kind: str
    summary: str
    where_when: tuple[str, ...]
    who_for: tuple[str, ...]
    how_to_refer: tuple[str, ...]


def catalogue_entry(programme: Programme, on: date, catalogue: Catalogue) -> CatalogueEntry:
    """The programme as in force `on` the date: where and when (running on old evidence
    reads "not confirmed since ..."; an assumed date says so, and why), who, how."""
    edition = programme.on(on)
    pathway = edition.pathway
    entries = timeline_entries(edition.availability, on, catalogue.gazetteer, stale_before(on))
    return CatalogueEntry(
        id=programme.id,
        name=programme.name,
        kind=programme.kind.value,
        summary=programme.summary.text,
        where_when=tuple(
            " ".join([sentence(str(entry)), *entry.assumptions])
            if entry.assumptions
            else str(entry)
            for entry in entries
        ),
        who_for=tuple(_sentence_case(criterion.label) for criterion in edition.criteria),
        how_to_refer=tuple(dict.fromkeys((pathway.summary, *pathway.next_steps))),
    )


KIND_CHOICES: tuple[ProgrammeKind | None, ...] = (None, *ProgrammeKind)


def kind_label(kind: ProgrammeKind | None) -> str:
    return "any kind" if kind is None else kind.value


# ---------------------------------------------------------------- settings and uploads


MAX_NAME_CHARS = 100  # well inside every file system's limit, and readable in a list


def safe_filename(name: str) -> str | None:
    """The file name to save an upload under, or None if it is not acceptable.

    Only the last path component is kept; hidden files, unsupported types and names
    over MAX_NAME_CHARS are refused.
    """
    base = PurePath(name.replace("\\", "/")).name.strip()
    if not base or base.startswith(".") or "." not in base or len(base) > MAX_NAME_CHARS:
        return None
    if base.rsplit(".", 1)[1].lower() not in UPLOAD_TYPES:
        return None
    return base


def save_upload(folder: Path, name: str, data: bytes) -> Path:
    """Write one uploaded file into the uploads folder and return where it went.

    A second upload of the same name with other content is kept beside the first
    ("notes (2).md"), never over it; the same content again is not saved twice.
    ValueError, with a one-line reason that names no server path, when it cannot be saved.
    """
    safe = safe_filename(name)
    shown = PurePath(name.replace("\\", "/")).name[:MAX_NAME_CHARS]
    if safe is None:
        supported = ", ".join("." + t for t in UPLOAD_TYPES)
        raise ValueError(
            f"{shown!r} was not saved: use a plain file name of at most {MAX_NAME_CHARS} "
            f"characters ending in {supported}"
        )
    stem, suffix = safe.rsplit(".", 1)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for copy in range(1, 1000):
            path = folder / (safe if copy == 1 else f"{stem} ({copy}).{suffix}")
            try:
                with path.open("xb") as handle:  # never replaces a file that is there
                    handle.write(data)
                return path
            except FileExistsError:
                if path.read_bytes() == data:
                    return path
    except OSError as exc:
        raise ValueError(
            f"{shown!r} was not saved: {exc.strerror or 'the disk refused it'}"
        ) from None
    raise ValueError(f"{shown!r} was not saved: too many files of that name already")


@dataclass(frozen=True)
class IngestSummary:
    headline: str
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[str, ...] = field(default=())


def ingest_summary(report: IngestReport) -> IngestSummary:
    headline = (
        f"Indexed {report.chunks} passages in {report.seconds:.1f} s: "
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.skipped)} skipped" + ("" if report.dense else " (keyword search only)") + "."
    )
    return IngestSummary(
        headline=headline,
        added=tuple(report.added),
        updated=tuple(report.updated),
        removed=tuple(report.removed),
        skipped=tuple(f"{s.path}: {s.reason}" for s in report.skipped),
    )


# ---------------------------------------------------------------- text helpers


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]
