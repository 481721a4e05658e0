"""The verdict output as partner tools receive it (JSON), built from assessments.

`check()` is the one call most integrations need: a case and a date in, the
ranked verdicts with every reason out. Its JSON Schema is committed under
docs/schemas/ and kept current by a test.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from vrn_core.assessment import Assessment, rank
from vrn_core.case import Case
from vrn_core.catalogue import Catalogue
from vrn_core.criteria import CriterionResult
from vrn_core.dating import FRESHNESS_MONTHS
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import VERDICT_WORDS, Status, Truth, Verdict
from vrn_core.wording import format_month

__all__ = [
    "AvailabilityReport",
    "CheckReport",
    "CriterionReport",
    "ProgrammeReport",
    "check",
    "deciding_missing",
    "deciding_results",
    "key_reasons",
    "programme_report",
    "verdict_words",
]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CriterionReport(_Out):
    id: str
    label: str
    result: Truth
    reason: str
    missing: tuple[str, ...] = Field(default=(), description="Facts that would settle 'unknown'.")
    source: SourceRef | None = None


class AvailabilityReport(_Out):
    status: Status = Field(
        description="'not_confirmed': it would be running, but no source within the freshness "
        "horizon (12 months by default) confirms it; check before referring."
    )
    reason: str
    window: str | None = Field(default=None, description="The label of the window that applies.")
    start: date | None = None
    end: date | None = None
    expected: bool = Field(default=False, description="The start is announced, not confirmed.")
    assumptions: tuple[str, ...] = Field(
        default=(),
        description="For each date the reason rests on that no source states: that it is "
        "assumed, and why. Not from the source: never cite it as if it were.",
    )
    stated: date | None = Field(default=None, description="When the source stated the window.")
    confirmed: date | None = Field(
        default=None, description="When the window was last confirmed (by default, when stated)."
    )
    source: SourceRef | None = None


class ProgrammeReport(_Out):
    id: str
    name: str
    kind: str
    verdict: Verdict
    recommended: bool
    relevant: bool = Field(
        description="One of the criteria saying who the programme is for is met (or it was named)."
    )
    reasons: tuple[str, ...] = Field(
        description="Why this verdict: what fails, what is unknown, or why it is not available."
    )
    near_miss: str | None = Field(default=None, description="The single criterion that fails.")
    missing: tuple[str, ...] = Field(default=(), description="Facts that would settle unknowns.")
    criteria: tuple[CriterionReport, ...]
    availability: AvailabilityReport


class CheckReport(_Out):
    as_of: date
    case: Case
    place: str | None = Field(default=None, description="How the case's place was read.")
    recommended: tuple[ProgrammeReport, ...]
    considered: tuple[ProgrammeReport, ...]


def verdict_words(programme: ProgrammeReport) -> str:
    """'eligible', or on evidence not confirmed within the horizon 'likely eligible — not
    confirmed since October 2020, check before referring'."""
    words = VERDICT_WORDS[programme.verdict]
    availability = programme.availability
    if availability.status is not Status.not_confirmed:
        return words
    since = format_month(availability.confirmed) if availability.confirmed else "an unknown date"
    return f"{words} — not confirmed since {since}, check before referring"


def _criterion(result: CriterionResult) -> CriterionReport:
    return CriterionReport(
        id=result.id,
        label=result.label,
        result=result.truth,
        reason=result.reason,
        missing=result.missing,
        source=result.source,
    )


def deciding_results(assessment: Assessment) -> tuple[CriterionResult, ...]:
    """The leaf results that bear on the verdict, area included, in catalogue order.

    An alternative left unknown inside a group already decided is left out: a father
    known to be serving a sentence meets "in prison" whether or not his setting is
    known, so a checklist must not show that as still to check beside "eligible".
    """
    return (
        *(leaf for result in assessment.criteria for leaf in _deciding(result)),
        assessment.area,
    )


def _deciding(result: CriterionResult) -> tuple[CriterionResult, ...]:
    if not result.parts:
        return (result,)
    parts = result.parts
    if result.truth is not Truth.unknown:
        parts = tuple(part for part in parts if part.truth is not Truth.unknown) or parts
    return tuple(leaf for part in parts for leaf in _deciding(part))


def deciding_missing(assessment: Assessment) -> tuple[str, ...]:
    """The facts that would settle what is still unknown, for the deciding results only."""
    unknown = (r for r in deciding_results(assessment) if r.truth is Truth.unknown)
    return tuple(dict.fromkeys(field for result in unknown for field in result.missing))


def key_reasons(assessment: Assessment) -> tuple[str, ...]:
    """Why this verdict, in a few words: what fails, what is unknown, or why not available."""
    if assessment.verdict is Verdict.not_eligible:
        return tuple(assessment.reasons(Truth.not_met))
    status = assessment.status
    if assessment.verdict is Verdict.not_available:
        return (status.reason, *status.assumptions)
    results = deciding_results(assessment)
    if assessment.verdict is Verdict.likely_eligible:
        reasons = [
            r.reason for truth in (Truth.met, Truth.unknown) for r in results if r.truth is truth
        ]
        if status.status is Status.not_confirmed:
            reasons.append(status.reason)
        return tuple(reasons)
    return tuple(r.reason for r in results if r.truth is Truth.met)


def programme_report(assessment: Assessment) -> ProgrammeReport:
    window = assessment.status.window
    return ProgrammeReport(
        id=assessment.programme.id,
        name=assessment.programme.name,
        kind=assessment.programme.kind.value,
        verdict=assessment.verdict,
        recommended=assessment.recommended,
        relevant=assessment.relevant,
        reasons=key_reasons(assessment),
        near_miss=assessment.near_miss,
        missing=deciding_missing(assessment),
        criteria=tuple(_criterion(leaf) for leaf in deciding_results(assessment)),
        availability=AvailabilityReport(
            status=assessment.status.status,
            reason=assessment.status.reason,
            window=window.label if window else None,
            start=window.start if window else None,
            end=window.end if window else None,
            expected=window.expected if window else False,
            assumptions=assessment.status.assumptions,
            stated=window.stated if window else None,
            confirmed=window.last_confirmed if window else None,
            source=window.source if window else None,
        ),
    )


def check(
    catalogue: Catalogue,
    case: Case,
    as_of: date | None = None,
    *,
    asked_about: Collection[str] = (),
    freshness_months: int | None = FRESHNESS_MONTHS,
) -> CheckReport:
    """Rank every programme for a case and report recommended ones first.

    `freshness_months`: evidence last confirmed longer ago than this is not taken as
    current (see `rank`); None turns the check off."""
    day = as_of if as_of is not None else date.today()
    match = catalogue.gazetteer.resolve(case.place) if case.place else None
    assessments = rank(
        catalogue,
        case,
        day,
        place=match,
        asked_about=asked_about,
        freshness_months=freshness_months,
    )
    place = match.describe() if match is not None else None
    reports = [programme_report(a) for a in assessments]
    return CheckReport(
        as_of=day,
        case=case,
        place=place,
        recommended=tuple(r for r in reports if r.recommended),
        considered=tuple(r for r in reports if not r.recommended),
    )
