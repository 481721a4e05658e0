"""Availability in time and place: is the programme running there, then?

A programme lists windows. Each window has a status (running, paused or
planned), optional start and end dates, optional places (ids from the
gazetteer; none means anywhere) and optionally an audience (a criterion: the
window only applies to cases for whom it is not "not met", e.g. the parents'
phase of a campaign).

On a given date, a running window that has not started yet counts as planned,
and one whose end has passed counts as ended.

Date conventions, for sources that give less than a day (see docs/catalogue.md):
a month alone starts on its first day and ends on its last; "mid-month" is the
15th; "the coming weeks" after a source dated in a month is the first day of
the next month, with `expected: true`.

A date that no source states (a convention date like that one, or the end of a
pilot no source gives) is marked `assumed`, with the reasoning: reasons then say
"assumed to start ..." and `StatusResult.assumptions` gives the reasoning, which
answers show without citing a source for it.

Each window is a dated fact (vrn_core.dating). A running window whose evidence
was last confirmed before the freshness horizon is `not_confirmed` instead: it
may well still run, but no source from the last year says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vrn_core import window_words as said
from vrn_core.case import Case
from vrn_core.criteria import Criterion, evaluate
from vrn_core.dating import Change, Dated
from vrn_core.places import Gazetteer, MatchStatus, PlaceMatch
from vrn_core.vocabulary import Status, Truth, WindowStatus

__all__ = [
    "AreaResult",
    "Assumed",
    "StatusResult",
    "TimelineEntry",
    "Window",
    "WindowChange",
    "evaluate_area",
    "evaluate_status",
    "judge",
    "timeline",
    "timeline_entries",
]


_CURRENT = {
    WindowStatus.running: Status.running,
    WindowStatus.paused: Status.paused,
    WindowStatus.planned: Status.planned,
}


class Assumed(BaseModel):
    """Dates of a window that no source states, each with why we chose it.

    Answers say "assumed" with this reasoning and cite no source for the date.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    start: str | None = Field(
        default=None, min_length=10, description="Why the start date is what it is."
    )
    end: str | None = Field(
        default=None, min_length=10, description="Why the end date is what it is."
    )

    @model_validator(mode="after")
    def _says_something(self) -> Assumed:
        if self.start is None and self.end is None:
            raise ValueError("say which date is assumed: `start`, `end` or both, with why")
        return self


class WindowChange(Change):
    """A later value of a window: only the fields that change (`places: []` = anywhere)."""

    label: str | None = None
    status: WindowStatus | None = None
    start: date | None = None
    end: date | None = None
    expected: bool | None = None
    places: tuple[str, ...] | None = None
    audience: Criterion | None = None
    note: str | None = None
    assumed: Assumed | None = None


class Window(Dated):
    label: str | None = Field(default=None, description="e.g. 'parents' phase'.")
    status: WindowStatus = WindowStatus.running
    start: date | None = None
    end: date | None = None
    expected: bool = Field(
        default=False,
        description="The start date is an announced expectation, not a confirmed fact.",
    )
    places: tuple[str, ...] = Field(default=(), description="Gazetteer ids; empty = anywhere.")
    audience: Criterion | None = None
    note: str | None = None
    assumed: Assumed | None = Field(
        default=None,
        description="The dates no source states (e.g. a pilot's end), each with its reasoning.",
    )
    changes: tuple[WindowChange, ...] = Field(
        default=(), description="Later values, each in force from its `from` date."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        if self.assumed is not None:
            for which, reasoning, day in (
                ("start", self.assumed.start, self.start),
                ("end", self.assumed.end, self.end),
            ):
                if reasoning is not None and day is None:
                    raise ValueError(f"assumed.{which} explains a {which} date the window lacks")
        return self

    def _carry_over(self, values: dict[str, Any], update: dict[str, Any]) -> None:
        # A change that gives a new start or end states it: it is neither expected nor
        # assumed any more unless the change says so again.
        if "start" in update and "expected" not in update:
            values["expected"] = False
        assumed = values.get("assumed")
        if isinstance(assumed, dict) and "assumed" not in update:
            kept = {key: value for key, value in assumed.items() if key not in update}
            values["assumed"] = kept if any(kept.values()) else None

    def status_on(self, day: date) -> Status:
        if self.start is not None and day < self.start:
            return Status.planned
        if self.end is not None and day > self.end:
            return Status.ended
        return _CURRENT[self.status]

    def assumed_reason(self, which: Literal["start", "end"]) -> str | None:
        """Why the start (or end) date is assumed; None when a source states it."""
        if self.assumed is None:
            return None
        return self.assumed.start if which == "start" else self.assumed.end


def judge(window: Window, day: date, stale_before: date | None) -> Status:
    """The window's state on `day`: running becomes not confirmed on stale evidence."""
    status = window.status_on(day)
    if status is Status.running and stale_before is not None and _stale(window, stale_before):
        return Status.not_confirmed
    return status


@dataclass(frozen=True, slots=True)
class AreaResult:
    truth: Truth
    reason: str
    missing: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()  # the windows' places that contain the case's place


@dataclass(frozen=True, slots=True)
class StatusResult:
    """A programme's state for one case on one date; `reason` is worded on demand,
    because ranking builds thousands of these a second and reads few reasons."""

    status: Status
    programme: str
    window: Window | None = None

    @property
    def reason(self) -> str:
        if self.window is None:
            return f"{self.programme} has no offer that applies here"
        return said.status_reason(self.window, self.status, self.programme)

    @property
    def assumptions(self) -> tuple[str, ...]:
        """One sentence for each date the reason rests on that no source states, with why."""
        if self.window is None:
            return ()
        return said.assumptions(self.window, _DATES_SAID[self.status])


def _area_names(windows: Sequence[Window], gazetteer: Gazetteer) -> str:
    names: dict[str, None] = {}
    for window in windows:
        for place_id in window.places:
            names[gazetteer.get(place_id).name] = None
    return ", ".join(names)


def evaluate_area(
    windows: Sequence[Window], match: PlaceMatch | None, gazetteer: Gazetteer, programme: str
) -> AreaResult:
    """Is the case's place inside any window's area?"""
    if any(not window.places for window in windows):
        return AreaResult(truth=Truth.met, reason=f"{programme} is not limited to one area")
    if match is None or match.place is None:
        where = _area_names(windows, gazetteer)
        if match is not None and match.status is MatchStatus.ambiguous:
            reason = f"{match.describe()}; {programme} runs in {where}"
        else:
            reason = f"place not known; {programme} runs in {where}"
        return AreaResult(truth=Truth.unknown, reason=reason, missing=("place",))
    place = match.place
    containing = gazetteer.ancestors(place.id)  # what `gazetteer.within` asks, read once
    inside: list[str] = []
    broader = False
    for window in windows:
        for area_id in window.places:
            if area_id in containing:
                inside.append(area_id)
            elif place.id in gazetteer.ancestors(area_id):
                broader = True
    if inside:
        return AreaResult(
            truth=Truth.met,
            reason=f"{place.name} is in the area {programme} serves",
            place_ids=tuple(dict.fromkeys(inside)),
        )
    where = _area_names(windows, gazetteer)
    if broader:
        return AreaResult(
            truth=Truth.unknown,
            reason=f"{place.name} is wider than the area {programme} serves ({where}); where exactly?",
            missing=("place",),
        )
    if not gazetteer.in_lancashire(place.id):
        return AreaResult(
            truth=Truth.not_met,
            reason=f"{place.name} is outside Lancashire; {programme} runs in {where}",
        )
    return AreaResult(
        truth=Truth.not_met, reason=f"{place.name} is outside the area {programme} serves ({where})"
    )


def evaluate_status(
    windows: Sequence[Window],
    area: AreaResult,
    case: Case,
    on: date,
    programme: str,
    stale_before: date | None = None,
) -> StatusResult:
    """The programme's state on `on` for this case, from the windows that apply to it.

    A running window last confirmed before `stale_before` counts as not confirmed."""
    applicable = [
        window
        for window in windows
        if _window_applies(window, area)
        and (
            window.audience is None
            or evaluate(window.audience, case, programme).truth is not Truth.not_met
        )
    ]
    if not applicable:
        return StatusResult(status=Status.not_offered, programme=programme)
    # The most hopeful state wins: running, then not confirmed (latest confirmed), paused,
    # planned (soonest), ended (latest).
    best: Window | None = None
    best_status = Status.not_offered
    for window in applicable:
        status = window.status_on(on)
        if best is None or _PREFERENCE[status] < _PREFERENCE[best_status]:
            best, best_status = window, status
        elif status is best_status and _better(window, best, status):
            best = window
    if best_status is Status.running and stale_before is not None:
        assert best is not None
        if _stale(best, stale_before):
            # Another running window confirmed recently is running; else the latest confirmed
            # of them is not confirmed.
            running = [w for w in applicable if w.status_on(on) is Status.running]
            fresh = [w for w in running if not _stale(w, stale_before)]
            if fresh:
                best = fresh[0]
            else:
                best = _pick(running, Status.not_confirmed)
                best_status = Status.not_confirmed
    return StatusResult(status=best_status, programme=programme, window=best)


def _stale(window: Window, stale_before: date) -> bool:
    confirmed = window.confirmed or window.stated
    return confirmed is not None and confirmed < stale_before


def _window_applies(window: Window, area: AreaResult) -> bool:
    # Unknown place: every window might apply. Known place: only the ones containing it.
    if not window.places or area.truth is not Truth.met:
        return True
    return any(place_id in area.place_ids for place_id in window.places)


_PREFERENCE = {
    Status.running: 0,
    Status.not_confirmed: 1,
    Status.paused: 2,
    Status.planned: 3,
    Status.ended: 4,
    Status.not_offered: 5,
}

# Which of a window's dates the words for each state mention (and so rest on).
_DATES_SAID: dict[Status, tuple[Literal["start", "end"], ...]] = {
    Status.running: ("start", "end"),
    Status.not_confirmed: ("start", "end"),
    Status.paused: (),
    Status.planned: ("start",),
    Status.ended: ("end",),
    Status.not_offered: (),
}


def _better(window: Window, than: Window, status: Status) -> bool:
    """Between two windows in the same state: the soonest start, the latest end, or
    the latest confirmed."""
    if status is Status.not_confirmed:
        return (window.last_confirmed or date.min) > (than.last_confirmed or date.min)
    if status is Status.planned:
        return (window.start or date.max) < (than.start or date.max)
    if status is Status.ended:
        return (window.end or date.min) > (than.end or date.min)
    return False


def _pick(windows: list[Window], status: Status) -> Window:
    best = windows[0]
    for window in windows[1:]:
        if _better(window, best, status):
            best = window
    return best


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One area's current (or next, or last) window, in words."""

    where: str
    words: str
    status: Status
    assumptions: tuple[str, ...] = ()  # the reasoning behind any assumed date in `words`

    def __str__(self) -> str:
        return f"{self.where}: {self.words}"


def timeline_entries(
    windows: Sequence[Window],
    on: date,
    gazetteer: Gazetteer,
    stale_before: date | None = None,
) -> list[TimelineEntry]:
    """Where and when, one entry per area: its current (or next, or last) window."""
    by_area: dict[tuple[str, ...], dict[Status, list[Window]]] = {}
    for window in windows:
        states = by_area.setdefault(window.places, {})
        states.setdefault(judge(window, on, stale_before), []).append(window)
    entries: list[TimelineEntry] = []
    for places, states in by_area.items():
        where = ", ".join(gazetteer.get(place_id).name for place_id in places) or "anywhere"
        for status in _TIMELINE_ORDER:
            if status in states:
                window = _pick(states[status], status)
                entries.append(
                    TimelineEntry(
                        where=where,
                        words=said.state_words(window, status),
                        status=status,
                        assumptions=said.assumptions(window, _DATES_SAID[status]),
                    )
                )
                break
    return entries


_TIMELINE_ORDER = (
    Status.running,
    Status.not_confirmed,
    Status.paused,
    Status.planned,
    Status.ended,
)


def timeline(
    windows: Sequence[Window],
    on: date,
    gazetteer: Gazetteer,
    stale_before: date | None = None,
) -> list[str]:
    """Where and when in words, one entry per area: its current (or next, or last) window.

    Pass `stale_before` (vrn_core.dating.stale_before) so that a window running on old
    evidence reads "not confirmed since ..." rather than "running"."""
    return [str(entry) for entry in timeline_entries(windows, on, gazetteer, stale_before)]
