"""Eligibility criteria as data, evaluated with three-valued logic.

A criterion is a small record in a programme's YAML (`type: age`, `min: 18`,
...). Evaluating it against a Case gives `met`, `not_met` or `unknown`, a
plain-English reason, and for `unknown` the facts that would settle it.

Combinators follow Kleene's logic: `all_of` is not met if any part is not met,
unknown if any part is unknown, met otherwise; `any_of` is met if any part is
met, not met if every part is not met, unknown otherwise.

Every leaf is a dated fact (vrn_core.dating): it may carry `changes`, later values
each with its own source and `from` date, e.g. an age band that widens. A change
to a criterion's values restates its `label` too, since the label says them. A
leaf's `also` names who else it takes in words no case fact settles ("at risk of
getting involved in crime"): where its values are not met, it is unknown instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vrn_core.case import Case
from vrn_core.dating import Change, Dated
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import (
    Gender,
    Issue,
    OffenceCategory,
    ProgrammeKind,
    Role,
    Sector,
    Setting,
    Truth,
    describe,
)
from vrn_core.wording import describe_any, possessive

__all__ = [
    "AgeChange",
    "AgeCriterion",
    "AllOf",
    "AnyOf",
    "CourseChange",
    "CourseCriterion",
    "Criterion",
    "CriterionResult",
    "GenderChange",
    "GenderCriterion",
    "IssueChange",
    "IssueCriterion",
    "OffenceChange",
    "OffenceCriterion",
    "RoleChange",
    "RoleCriterion",
    "SectorChange",
    "SectorCriterion",
    "SettingChange",
    "SettingCriterion",
    "WantsChange",
    "WantsCriterion",
    "combine_all",
    "combine_any",
    "criteria_in_force",
    "evaluate",
    "resolve",
]


def combine_all(truths: Sequence[Truth]) -> Truth:
    """Kleene AND: not met dominates, then unknown."""
    if Truth.not_met in truths:
        return Truth.not_met
    if Truth.unknown in truths:
        return Truth.unknown
    return Truth.met


def combine_any(truths: Sequence[Truth]) -> Truth:
    """Kleene OR: met dominates, then unknown. An empty OR is not met."""
    if Truth.met in truths:
        return Truth.met
    if Truth.unknown in truths:
        return Truth.unknown
    return Truth.not_met


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """One criterion's answer for one case, with why.

    A plain dataclass, not a pydantic model: results are built in the hot path
    (tens of thousands a second) and need no validation.
    """

    id: str
    label: str
    truth: Truth
    reason: str
    missing: tuple[str, ...] = ()  # case fields that would settle an unknown
    defining: bool = False
    source: SourceRef | None = None
    parts: tuple[CriterionResult, ...] = ()

    def leaves(self) -> tuple[CriterionResult, ...]:
        """The leaf results under this one (itself if it is a leaf)."""
        if not self.parts:
            return (self,)
        return tuple(leaf for part in self.parts for leaf in part.leaves())


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str = Field(min_length=3, description="What the criterion asks, in plain English.")
    defining: bool = Field(
        default=False,
        description=(
            "True for the criteria that say who the programme is *for* (its need), as opposed "
            "to limits such as age. A programme is only recommended when one of these is met."
        ),
    )


class _Leaf(_Base, Dated):
    also: str | None = Field(
        default=None,
        min_length=3,
        description=(
            "Who else the programme is for, in words no case fact settles (a newer source's "
            "'or who are at risk of getting involved in crime'): a case that does not meet "
            "the values is then unknown, not excluded."
        ),
    )
    since: date | None = Field(
        default=None,
        description=(
            "In force from this date only: before it the programme has no such criterion "
            "(a limit that a later source is the first to state, such as an age band)."
        ),
    )
    assumed: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "Why this criterion is assumed when no source states it (the newsletter names "
            "a violence programme in an emergency department but not who it serves): every "
            "reason it gives says so, and its `source` is the passage that says what the "
            "sources leave out."
        ),
    )

    def change_dates(self) -> tuple[date, ...]:
        dates = super().change_dates()
        return dates if self.since is None else tuple(sorted({self.since, *dates}))

    def _check_change(self, update: dict[str, Any], number: int) -> None:
        if set(update) - {"label"} and "label" not in update:
            raise ValueError(
                f"changes.{number} changes {', '.join(sorted(update))}: restate the `label` "
                "as well, since it says the values"
            )


class _CriterionChange(Change):
    label: str | None = Field(default=None, min_length=3, description="The label, restated.")
    also: str | None = Field(default=None, min_length=3, description="Who else it is for.")


class AgeChange(_CriterionChange):
    min: int | None = Field(default=None, ge=0, le=120)
    max: int | None = Field(default=None, ge=0, le=120)


class SettingChange(_CriterionChange):
    any_of: tuple[Setting, ...] | None = Field(default=None, min_length=1)


class RoleChange(_CriterionChange):
    any_of: tuple[Role, ...] | None = Field(default=None, min_length=1)


class IssueChange(_CriterionChange):
    any_of: tuple[Issue, ...] | None = Field(default=None, min_length=1)


class OffenceChange(_CriterionChange):
    any_of: tuple[OffenceCategory, ...] | None = Field(default=None, min_length=1)


class GenderChange(_CriterionChange):
    any_of: tuple[Gender, ...] | None = Field(default=None, min_length=1)


class SectorChange(_CriterionChange):
    any_of: tuple[Sector, ...] | None = Field(default=None, min_length=1)


class CourseChange(_CriterionChange):
    contains: tuple[str, ...] | None = Field(default=None, min_length=1)


class WantsChange(_CriterionChange):
    any_of: tuple[ProgrammeKind, ...] | None = Field(default=None, min_length=1)


_CHANGES = "Later values, each in force from its `from` date (see docs/catalogue.md)."


class AgeCriterion(_Leaf):
    type: Literal["age"]
    min: int | None = Field(default=None, ge=0, le=120)
    max: int | None = Field(default=None, ge=0, le=120)
    changes: tuple[AgeChange, ...] = Field(default=(), description=_CHANGES)

    @model_validator(mode="after")
    def _has_a_bound(self) -> AgeCriterion:
        if self.min is None and self.max is None:
            raise ValueError("an age criterion needs min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self

    def span(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self.min}–{self.max}"
        if self.min is not None:
            return f"{self.min} and over"
        return f"up to {self.max}"


class SettingCriterion(_Leaf):
    type: Literal["setting"]
    any_of: tuple[Setting, ...] = Field(min_length=1)
    changes: tuple[SettingChange, ...] = Field(default=(), description=_CHANGES)


class RoleCriterion(_Leaf):
    type: Literal["role"]
    any_of: tuple[Role, ...] = Field(min_length=1)
    changes: tuple[RoleChange, ...] = Field(default=(), description=_CHANGES)


class IssueCriterion(_Leaf):
    type: Literal["issue"]
    any_of: tuple[Issue, ...] = Field(min_length=1)
    changes: tuple[IssueChange, ...] = Field(default=(), description=_CHANGES)


class OffenceCriterion(_Leaf):
    type: Literal["offence"]
    any_of: tuple[OffenceCategory, ...] = Field(min_length=1)
    changes: tuple[OffenceChange, ...] = Field(default=(), description=_CHANGES)


class GenderCriterion(_Leaf):
    type: Literal["gender"]
    any_of: tuple[Gender, ...] = Field(min_length=1)
    changes: tuple[GenderChange, ...] = Field(default=(), description=_CHANGES)


class SectorCriterion(_Leaf):
    type: Literal["sector"]
    any_of: tuple[Sector, ...] = Field(min_length=1)
    changes: tuple[SectorChange, ...] = Field(default=(), description=_CHANGES)


class CourseCriterion(_Leaf):
    type: Literal["course"]
    contains: tuple[str, ...] = Field(
        min_length=1, description="Words that must all appear in the course name."
    )
    changes: tuple[CourseChange, ...] = Field(default=(), description=_CHANGES)


class WantsCriterion(_Leaf):
    """What the asker asks for (a case's `wants`), and who must be asking: a project
    asking for volunteers is the other side of a volunteering programme from the
    students who volunteer. A request is what the question asks for, so one not made
    is not met, never unknown."""

    type: Literal["wants"]
    any_of: tuple[ProgrammeKind, ...] = Field(min_length=1)
    asked_by: tuple[Role, ...] = Field(
        default=(), description="Roles one of which the asker must hold; empty: anyone."
    )
    changes: tuple[WantsChange, ...] = Field(default=(), description=_CHANGES)


class AllOf(_Base):
    type: Literal["all_of"]
    criteria: tuple[Criterion, ...] = Field(min_length=1)


class AnyOf(_Base):
    type: Literal["any_of"]
    criteria: tuple[Criterion, ...] = Field(min_length=1)


Criterion = Annotated[
    AgeCriterion
    | SettingCriterion
    | RoleCriterion
    | IssueCriterion
    | OffenceCriterion
    | GenderCriterion
    | SectorCriterion
    | CourseCriterion
    | WantsCriterion
    | AllOf
    | AnyOf,
    Field(discriminator="type"),
]


def resolve(criterion: Criterion, day: date) -> Criterion:
    """The criterion with the values in force on `day` (groups resolved part by part)."""
    if isinstance(criterion, AllOf | AnyOf):
        parts = tuple(resolve(part, day) for part in criterion.criteria)
        if all(new is old for new, old in zip(parts, criterion.criteria, strict=True)):
            return criterion
        return criterion.model_copy(update={"criteria": parts})
    return criterion.on(day)


def criteria_in_force(criteria: tuple[Criterion, ...], day: date | None) -> tuple[Criterion, ...]:
    """The criteria without the leaves not yet in force on `day` (None: before every
    date), and without the groups that leaves nothing in."""
    kept: list[Criterion] = []
    for criterion in criteria:
        if isinstance(criterion, AllOf | AnyOf):
            parts = criteria_in_force(criterion.criteria, day)
            if not parts:
                continue
            if parts != criterion.criteria:
                criterion = criterion.model_copy(update={"criteria": parts})
        elif criterion.since is not None and (day is None or day < criterion.since):
            continue
        kept.append(criterion)
    return tuple(kept) if len(kept) < len(criteria) else criteria


def leaves(criteria: Iterable[Criterion]) -> Iterator[Criterion]:
    """Every leaf criterion under these, in order (groups opened)."""
    for criterion in criteria:
        if isinstance(criterion, AllOf | AnyOf):
            yield from leaves(criterion.criteria)
        else:
            yield criterion


def evaluate(criterion: Criterion, case: Case, programme: str) -> CriterionResult:
    """Evaluate one criterion for a case. `programme` names it in reasons."""
    leaf = _LEAVES.get(type(criterion))
    if leaf is None:
        assert isinstance(criterion, AllOf | AnyOf)
        parts = tuple(evaluate(part, case, programme) for part in criterion.criteria)
        truths = [part.truth for part in parts]
        if isinstance(criterion, AllOf):
            truth = combine_all(truths)
            shown = [p for p in parts if p.truth is truth] if truth is not Truth.met else parts
        else:
            truth = combine_any(truths)
            shown = [p for p in parts if p.truth is truth] if truth is not Truth.not_met else parts
        return CriterionResult(
            id=criterion.id,
            label=criterion.label,
            truth=truth,
            reason="; ".join(part.reason for part in shown),
            missing=_union(part.missing for part in parts if part.truth is Truth.unknown)
            if truth is Truth.unknown
            else (),
            defining=criterion.defining,
            parts=parts,
        )
    truth, reason, missing = leaf(criterion, case, programme)
    also = cast(_Leaf, criterion).also
    if truth is Truth.not_met and also is not None:
        reason = f"{reason}, but it also takes people {also}: not known whether they are"
        truth = Truth.unknown
    assumed = cast(_Leaf, criterion).assumed
    if assumed is not None and truth is not Truth.met:
        reason = f"{reason} (an assumption: {assumed})"
    return CriterionResult(
        criterion.id,
        criterion.label,
        truth,
        reason,
        missing,  # each leaf returns () unless the truth is unknown
        criterion.defining,
        cast(_Leaf, criterion).source,
    )


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for name in group:
            seen[name] = None
    return tuple(seen)


_Outcome = tuple[Truth, str, tuple[str, ...]]


def _setting(criterion: SettingCriterion, case: Case, programme: str) -> _Outcome:
    custody_only = criterion.any_of == (Setting.police_custody,)
    if case.setting is None and custody_only and case.has_role(Role.suspect) is False:
        return Truth.not_met, "not arrested, so not held in police custody", ()  # "never been"
    if case.setting is None and set(criterion.any_of) <= case.without_settings:
        # "He's not in custody": every setting the programme works in is ruled out
        return Truth.not_met, f"not in {describe_any(criterion.any_of)}; {programme} needs it", ()
    return _one_of(case.setting, criterion.any_of, "setting", criterion.label, programme)


def _gender(criterion: GenderCriterion, case: Case, programme: str) -> _Outcome:
    return _one_of(case.gender, criterion.any_of, "gender", criterion.label, programme)


def _sector(criterion: SectorCriterion, case: Case, programme: str) -> _Outcome:
    return _one_of(case.sector, criterion.any_of, "sector", criterion.label, programme)


def _role(criterion: RoleCriterion, case: Case, programme: str) -> _Outcome:
    unknown = False
    for role in criterion.any_of:  # the first role held is the one named
        known = case.has_role(role)
        if known:
            return Truth.met, f"is {describe(role)}", ()
        unknown = unknown or known is None
    if not unknown:
        return Truth.not_met, f"is not {describe_any(criterion.any_of)}", ()
    return Truth.unknown, f"not known whether {criterion.label}", ("roles",)


def _issue(criterion: IssueCriterion, case: Case, programme: str) -> _Outcome:
    unknown = False
    for issue in criterion.any_of:  # the first issue involved is the one named
        known = case.has_issue(issue)
        if known:
            return Truth.met, f"involves {describe(issue)}", ()
        unknown = unknown or known is None
    if not unknown:
        return Truth.not_met, f"does not involve {describe_any(criterion.any_of)}", ()
    return Truth.unknown, f"not known whether {criterion.label}", ("issues",)


def _course(criterion: CourseCriterion, case: Case, programme: str) -> _Outcome:
    if case.course is None:
        return Truth.unknown, f"not known whether {criterion.label}", ("course",)
    course = case.course.casefold()
    if all(word.casefold() in course for word in criterion.contains):
        return Truth.met, f"studies {case.course}", ()
    return (
        Truth.not_met,
        f"{case.course} is not the course {programme} needs ({criterion.label})",
        (),
    )


def _wants(criterion: WantsCriterion, case: Case, programme: str) -> _Outcome:
    kind = next((kind for kind in criterion.any_of if kind in case.wants), None)
    if kind is None:
        return Truth.not_met, f"does not ask for {describe_any(criterion.any_of)}", ()
    if not criterion.asked_by:
        return Truth.met, f"asks for {describe(kind)}", ()
    asker = next((role for role in criterion.asked_by if case.has_role(role)), None)
    if asker is None:
        return Truth.not_met, f"not {describe_any(criterion.asked_by)} asking for it", ()
    return Truth.met, f"{describe(asker)} asking for {describe(kind)}", ()


def _age(criterion: AgeCriterion, case: Case, programme: str) -> _Outcome:
    band = f"{possessive(programme)} {criterion.span()}"
    if case.age is not None:
        low = high = case.age
        said = str(case.age)
    elif case.age_range is not None:
        low, high = case.age_range.min, case.age_range.max
        said = case.age_range.described()
    else:
        return (
            Truth.unknown,
            f"age not known ({programme} is for ages {criterion.span()})",
            ("age",),
        )
    # Three-valued against the band: wholly above or below fails, wholly inside is met,
    # a range across an edge is unknown until the exact age is known.
    if criterion.min is not None and high < criterion.min:
        return Truth.not_met, f"{said} is below {band}", ()
    if criterion.max is not None and low > criterion.max:
        return Truth.not_met, f"{said} is above {band}", ()
    if (criterion.min is None or low >= criterion.min) and (
        criterion.max is None or high <= criterion.max
    ):
        return Truth.met, f"{said} is within {band}", ()
    return Truth.unknown, f"{said} may or may not be within {band}; how old exactly?", ("age",)


def _one_of(
    value: StrEnum | None,
    allowed: Sequence[StrEnum],
    field: str,
    label: str,
    programme: str,
) -> _Outcome:
    if value is None:
        return Truth.unknown, f"not known whether {label}", (field,)
    if value in allowed:
        return Truth.met, f"{field}: {describe(value)}", ()
    return (
        Truth.not_met,
        f"{field} is {describe(value)}; {programme} needs {describe_any(allowed)}",
        (),
    )


def _offence(criterion: OffenceCriterion, case: Case, programme: str) -> _Outcome:
    offence = case.offence
    # After an arrest, a described fight or assault tells us the offence was violent
    # even without a formal category; an explicit "no violence" tells us it was not.
    # Without an arrest, violence in the story says nothing about an offence.
    arrested = case.setting is Setting.police_custody or Role.suspect in case.roles
    if offence is None and OffenceCategory.violent in criterion.any_of:
        known = case.has_issue(Issue.violence)
        if known is True and arrested:
            offence = OffenceCategory.violent
        elif known is False:
            return Truth.not_met, f"no violence involved; {programme} needs a violent offence", ()
    if offence is None:
        return Truth.unknown, f"not known whether {criterion.label}", ("offence",)
    if offence in criterion.any_of:
        return Truth.met, f"offence: {describe(offence)}", ()
    return (
        Truth.not_met,
        f"offence is {describe(offence)}; {programme} needs {describe_any(criterion.any_of)}",
        (),
    )


# Dispatch by type: ranking evaluates tens of thousands of leaves a second.
_LEAVES: dict[type, Callable[[Any, Case, str], _Outcome]] = {
    AgeCriterion: _age,
    SettingCriterion: _setting,
    RoleCriterion: _role,
    IssueCriterion: _issue,
    OffenceCriterion: _offence,
    GenderCriterion: _gender,
    SectorCriterion: _sector,
    CourseCriterion: _course,
    WantsCriterion: _wants,
}
