"""How a window in time is said: its start and end, its state on a date, what is assumed.

Split from `vrn_core.availability`, which judges windows; this module only words them
(the reasons, timelines and coverage cells all use these, so a window is said one way).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal

from vrn_core.vocabulary import Status
from vrn_core.wording import format_month, sentence, when_ends, when_starts

if TYPE_CHECKING:
    from vrn_core.availability import Window

__all__ = [
    "assumptions",
    "confirmed_month",
    "ended_words",
    "ends",
    "running_words",
    "start_words",
    "starts",
    "state_words",
    "status_reason",
]


def starts(day: date) -> str:
    """'in December 2020' for a whole month, 'on 18 October 2020' for a day."""
    return " ".join(when_starts(day))


def ends(day: date) -> str:
    return " ".join(when_ends(day))


def start_words(window: Window, *, past: bool) -> str | None:
    """'started in March 2020', 'expected to start in December 2020', 'assumed to ...'."""
    if window.start is None:
        return None
    if window.assumed_reason("start") is not None:
        verb = "assumed to have started" if past else "assumed to start"
    elif window.expected:
        verb = "expected to have started" if past else "expected to start"
    else:
        verb = "started" if past else "starts"
    return f"{verb} {starts(window.start)}"


def end_words(window: Window) -> str | None:
    if window.end is None:
        return None
    verb = "assumed to end" if window.assumed_reason("end") is not None else "ends"
    return f"{verb} {ends(window.end)}"


def ended_words(window: Window) -> str:
    assert window.end is not None
    verb = "assumed to have ended" if window.assumed_reason("end") is not None else "ended"
    return f"{verb} {ends(window.end)}"


def confirmed_month(window: Window) -> str:
    """'October 2020': when the window's evidence was last confirmed."""
    confirmed = window.last_confirmed
    return format_month(confirmed) if confirmed is not None else "an unknown date"


def status_reason(window: Window, status: Status, programme: str) -> str:
    phase = f" ({window.label})" if window.label else ""
    if status is Status.running or status is Status.not_confirmed:
        parts = (start_words(window, past=True), end_words(window))
        detail = ", ".join(part for part in parts if part)
        detail = f" ({detail})" if detail else ""
        if status is Status.running:
            return f"{programme}{phase} is running{detail}"
        return (
            f"{programme}{phase}: not confirmed since {confirmed_month(window)}, when it was "
            f"running{detail}; check that it still runs before referring"
        )
    if status is Status.ended:
        verb = "is " if window.assumed_reason("end") is not None else ""
        return f"{programme}{phase} {verb}{ended_words(window)}"
    if status is Status.paused:
        return f"{programme}{phase} is paused"
    if window.start is not None:
        return f"{programme}{phase} is planned: {start_words(window, past=False)}"
    return f"{programme}{phase} is planned, with no start date announced"


def assumptions(window: Window, said: Sequence[Literal["start", "end"]]) -> tuple[str, ...]:
    found: list[str] = []
    for which in said:
        reasoning = window.assumed_reason(which)
        day = window.start if which == "start" else window.end
        if reasoning is None or day is None:
            continue
        when = when_starts(day)[1] if which == "start" else when_ends(day)[1]
        found.append(sentence(f"The {which} date, {when}, is assumed: {reasoning}"))
    return tuple(found)


def running_words(window: Window) -> list[str]:
    parts: list[str] = []
    if window.start is not None:
        if window.assumed_reason("start") is not None:
            prefix = "assumed from "
        elif window.expected:
            prefix = "expected from "
        else:
            prefix = "from "
        parts.append(prefix + when_starts(window.start)[1])
    if window.end is not None:
        prefix = "assumed until " if window.assumed_reason("end") is not None else "until "
        parts.append(prefix + when_ends(window.end)[1])
    return parts


def state_words(window: Window, status: Status) -> str:
    if status is Status.running:
        return ", ".join(["running", *running_words(window)])
    if status is Status.not_confirmed:
        then = ", ".join(["running then", *running_words(window)])
        return f"not confirmed since {confirmed_month(window)} ({then})"
    if status is Status.ended:
        return ended_words(window)
    if status is Status.paused:
        return "paused"
    if window.start is not None:
        if window.assumed_reason("start") is not None:
            return "planned, assumed to start " + starts(window.start)
        return ("planned, expected " if window.expected else "planned, starting ") + starts(
            window.start
        )
    return "planned, no start date announced"
