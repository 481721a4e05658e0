"""Dated facts: when a fact was stated, when it was last confirmed, and how it changes.

Every verdict-relevant record of the catalogue (a criterion, an availability
window, the referral pathway) is a *dated fact*, like a dated parameter in
rules-as-code:

- `stated`: the date its source stated it. By default the `as_of` date in the
  front matter of the source document (the loader passes those dates in).
- `confirmed`: the date it was last confirmed (e.g. the VRN team checked it with
  the provider). By default the date it was stated.
- `changes`: later values, each with its own `source` and in force `from` a date
  (by default the date its source states it). A change names only what changes;
  everything else carries on. A change that names nothing restates the fact from
  a newer source, so it is confirmed again.

The catalogue resolves the values in force for each date once, at load time:
ranking looks one up with a binary search and never reads a file.

A fact last confirmed more than `FRESHNESS_MONTHS` before the date asked about is
*stale*: a programme that would be running on stale evidence is "not confirmed
since <month>" instead (see vrn_core.availability and docs/catalogue.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from vrn_core.sources import SourceRef

__all__ = [
    "DOCUMENT_DATES",
    "FRESHNESS_MONTHS",
    "Change",
    "Dated",
    "Sourced",
    "months_before",
    "stale_before",
    "with_changes",
]

FRESHNESS_MONTHS = 12
"""A fact last confirmed longer ago than this (in months) is not taken as still true."""

DOCUMENT_DATES = "document_dates"
"""The validation-context key under which the loader passes {document name: as_of date}."""

_NOT_VALUES = frozenset({"from_", "source", "stated", "confirmed"})


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it is shorter).

    >>> months_before(date(2021, 10, 2), 12), months_before(date(2021, 3, 31), 1)
    (datetime.date(2020, 10, 2), datetime.date(2021, 2, 28))
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < date.min.year:
        return date.min  # nothing is confirmed before the first day there is
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has at least 28 days")


@lru_cache(maxsize=256)
def stale_before(on: date, months: int | None = FRESHNESS_MONTHS) -> date | None:
    """Facts last confirmed before this date are stale on `on`; None: nothing is stale.

    Confirmed on 1 October 2020, a fact is fresh until 1 October 2021 and stale from
    2 October 2021, the same rule as the answers' note on old sources.
    """
    if months is None:
        return None
    if months < 0:
        raise ValueError(f"a freshness horizon of {months} months is negative")
    return months_before(on, months)


def _document_date(info: ValidationInfo, source: object) -> date | None:
    context = info.context
    if not isinstance(context, Mapping) or not isinstance(source, SourceRef):
        return None
    dates = context.get(DOCUMENT_DATES)
    if not isinstance(dates, Mapping):
        return None
    found = dates.get(source.document)
    return found if isinstance(found, date) else None


class Sourced(BaseModel):
    """A fact with its source and its dates."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    source: SourceRef
    stated: date | None = Field(
        default=None,
        validate_default=True,
        description="When the source stated it. Default: the `as_of` date in the front "
        "matter of the source document.",
    )
    confirmed: date | None = Field(
        default=None,
        description="When it was last confirmed (e.g. checked with the provider). "
        "Default: when it was stated.",
    )

    @field_validator("stated")
    @classmethod
    def _stated_by_its_document(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None:
            return value
        return _document_date(info, info.data.get("source"))

    @model_validator(mode="after")
    def _confirmed_after_stated(self) -> Self:
        if self.confirmed and self.stated and self.confirmed < self.stated:
            raise ValueError(
                f"confirmed {self.confirmed} is before the fact was stated ({self.stated})"
            )
        return self

    @property
    def last_confirmed(self) -> date | None:
        """When this fact was last confirmed: `confirmed`, else when it was stated."""
        return self.confirmed or self.stated


class Change(Sourced):
    """A later value of a fact: only the fields that change, with the source that says so."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(
        default=None,
        alias="from",
        description="In force from this date. Default: when its source states it "
        "(the document's `as_of`).",
    )

    @property
    def in_force_from(self) -> date | None:
        return self.from_ or self.stated


class Dated(Sourced):
    """A fact that may change over time. Subclasses declare `changes: tuple[XChange, ...]`.

    `on(day)` is the version in force on that day: the record itself before its
    first change, then the record as revised by each change in turn. Versions are
    built when asked for (the catalogue asks once, to work out each programme's
    editions), so a record without changes costs nothing more than before.
    """

    @model_validator(mode="after")
    def _changes_are_valid(self) -> Self:
        self._revisions()  # every change must apply cleanly, at load time
        return self

    def _revisions(self) -> list[tuple[date | None, Self]]:
        changes: tuple[Change, ...] = getattr(self, "changes", ())
        versions: list[tuple[date | None, Self]] = [(None, self)]
        current = self
        previous: date | None = None
        for number, change in enumerate(changes):
            start = change.in_force_from
            if start is None:
                raise ValueError(
                    f"changes.{number}: give `from:` (its source {change.source.document} "
                    "has no date)"
                )
            if previous is not None and start <= previous:
                raise ValueError(
                    f"changes.{number}: from {start} is not after the previous change's {previous}"
                )
            previous = start
            current = current._revised(change, number)
            versions.append((start, current))
        return versions

    def _revised(self, change: Change, number: int) -> Self:
        values = self.model_dump(by_alias=True, exclude={"changes", *_NOT_VALUES})
        update = change.model_dump(by_alias=True, exclude_unset=True, exclude=set(_NOT_VALUES))
        self._check_change(update, number)
        values.update(update)
        self._carry_over(values, update)
        values["source"] = change.source.model_dump()
        values["stated"] = change.stated
        values["confirmed"] = change.confirmed
        try:
            return type(self).model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            field = f" ({where})" if where else ""
            message = str(first["msg"]).removeprefix("Value error, ")
            raise ValueError(f"changes.{number}: as changed{field}: {message}") from None

    def _check_change(self, update: dict[str, Any], number: int) -> None:
        """Refuse a change that makes no sense for this kind of record (hook)."""

    def _carry_over(self, values: dict[str, Any], update: dict[str, Any]) -> None:
        """Adjust what carries over from the earlier version (hook; e.g. a new start
        date is no longer an assumption)."""

    def versions(self) -> tuple[Self, ...]:
        """Every version, oldest first (the record itself first)."""
        if not getattr(self, "changes", ()):
            return (self,)
        return tuple(version for _, version in self._revisions())

    def change_dates(self) -> tuple[date, ...]:
        """The dates from which a change is in force, in order."""
        changes: tuple[Change, ...] = getattr(self, "changes", ())
        return tuple(day for change in changes if (day := change.in_force_from) is not None)

    def on(self, day: date) -> Self:
        """The version in force on `day`."""
        if not getattr(self, "changes", ()):
            return self
        for start, version in reversed(self._revisions()):
            if start is None or start <= day:
                return version
        return self


_D = TypeVar("_D", bound=Dated)


def with_changes(fact: _D, changes: Sequence[Change]) -> _D:
    """A copy of `fact` with `changes` added among its own, in date order.

    For facts from outside the catalogue (a newer document): a change that has no
    date, or is in force from the same day as one already there, is left out (the
    fact's own changes win), as is one from before the fact itself was stated. The
    copy is validated, so every change must apply cleanly.

    >>> from vrn_core.availability import Window, WindowChange
    >>> ref = SourceRef(document="a.md", locator="Where")
    >>> window = Window(places=("district:blackpool",), source=ref, stated=date(2020, 10, 1))
    >>> later = WindowChange(places=("lancashire",), source=ref, stated=date(2024, 11, 11))
    >>> with_changes(window, [later]).on(date(2025, 1, 1)).places
    ('lancashire',)
    """
    own: tuple[Change, ...] = getattr(fact, "changes", ())
    taken = {change.in_force_from for change in own}
    kept = list(own)
    for change in changes:
        start = change.in_force_from
        if start is None or start in taken or (fact.stated is not None and start <= fact.stated):
            continue
        taken.add(start)
        kept.append(change)
    if len(kept) == len(own):
        return fact
    kept.sort(key=lambda change: change.in_force_from or date.min)
    # The fact's own values as they are (nested records are taken as they stand, not
    # dumped and read again), with the changes in order; validating checks them all.
    values: dict[str, Any] = {name: getattr(fact, name) for name in type(fact).model_fields}
    values["changes"] = tuple(kept)
    return type(fact).model_validate(values)
