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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vrn_core.case import Case
from vrn_core.criteria import Criterion, evaluate
from vrn_core.places import Gazetteer, MatchStatus, PlaceMatch
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Status, Truth, WindowStatus
from vrn_core.wording import when_ends, when_starts

__all__ = [
    "AreaResult",
    "StatusResult",
    "Window",
    "evaluate_area",
    "evaluate_status",
    "timeline",
]


_CURRENT = {
    WindowStatus.running: Status.running,
    WindowStatus.paused: Status.paused,
    WindowStatus.planned: Status.planned,
}


class Window(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

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
    source: SourceRef

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self

    def status_on(self, day: date) -> Status:
        if self.start is not None and day < self.start:
            return Status.planned
        if self.end is not None and day > self.end:
            return Status.ended
        return _CURRENT[self.status]


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
        return _status_reason(self.window, self.status, self.programme)


def _starts(day: date) -> str:
    """'in December 2020' for a whole month, 'on 18 October 2020' for a day."""
    return " ".join(when_starts(day))


def _ends(day: date) -> str:
    return " ".join(when_ends(day))


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
    inside: list[str] = []
    broader = False
    for window in windows:
        for area_id in window.places:
            answer = gazetteer.within(place.id, area_id)
            if answer is True:
                inside.append(area_id)
            elif answer is None:
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
) -> StatusResult:
    """The programme's state on `on` for this case, from the windows that apply to it."""
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
    # The most hopeful state wins: running, then paused, planned (soonest), ended (latest).
    best: Window | None = None
    best_status = Status.not_offered
    for window in applicable:
        status = window.status_on(on)
        if best is None or _PREFERENCE[status] < _PREFERENCE[best_status]:
            best, best_status = window, status
        elif status is best_status and _better(window, best, status):
            best = window
    return StatusResult(status=best_status, programme=programme, window=best)


def _window_applies(window: Window, area: AreaResult) -> bool:
    # Unknown place: every window might apply. Known place: only the ones containing it.
    if not window.places or area.truth is not Truth.met:
        return True
    return any(place_id in area.place_ids for place_id in window.places)


_PREFERENCE = {
    Status.running: 0,
    Status.paused: 1,
    Status.planned: 2,
    Status.ended: 3,
    Status.not_offered: 4,
}


def _better(window: Window, than: Window, status: Status) -> bool:
    """Between two windows in the same state: the soonest start, or the latest end."""
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


def _status_reason(window: Window, status: Status, programme: str) -> str:
    phase = f" ({window.label})" if window.label else ""
    if status is Status.running:
        since = ""
        if window.start is not None:
            verb = "expected to have started" if window.expected else "started"
            since = f"{verb} {_starts(window.start)}"
        until = f"ends {_ends(window.end)}" if window.end else ""
        detail = ", ".join(part for part in (since, until) if part)
        return f"{programme}{phase} is running" + (f" ({detail})" if detail else "")
    if status is Status.ended:
        assert window.end is not None
        return f"{programme}{phase} ended {_ends(window.end)}"
    if status is Status.paused:
        return f"{programme}{phase} is paused"
    if window.start is not None:
        word = "expected to start" if window.expected else "starts"
        return f"{programme}{phase} is planned: {word} {_starts(window.start)}"
    return f"{programme}{phase} is planned, with no start date announced"


def timeline(windows: Sequence[Window], on: date, gazetteer: Gazetteer) -> list[str]:
    """Where and when in words, one entry per area: its current (or next, or last) window."""
    by_area: dict[tuple[str, ...], dict[Status, list[Window]]] = {}
    for window in windows:
        states = by_area.setdefault(window.places, {})
        states.setdefault(window.status_on(on), []).append(window)
    entries: list[str] = []
    for places, states in by_area.items():
        where = ", ".join(gazetteer.get(place_id).name for place_id in places) or "anywhere"
        for status in (Status.running, Status.paused, Status.planned, Status.ended):
            if status in states:
                window = _pick(states[status], status)
                entries.append(f"{where}: {_state_words(window, status)}")
                break
    return entries


def _state_words(window: Window, status: Status) -> str:
    if status is Status.running:
        parts = ["running"]
        if window.start is not None:
            parts.append(
                ("expected from " if window.expected else "from ") + when_starts(window.start)[1]
            )
        if window.end is not None:
            parts.append("until " + when_ends(window.end)[1])
        return ", ".join(parts)
    if status is Status.ended:
        assert window.end is not None
        return "ended " + _ends(window.end)
    if status is Status.paused:
        return "paused"
    if window.start is not None:
        return ("planned, expected " if window.expected else "planned, starting ") + _starts(
            window.start
        )
    return "planned, no start date announced"
