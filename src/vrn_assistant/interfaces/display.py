"""What the app says about dates, danger and the answer as a whole, without Streamlit.

- where each fact's date comes from ("as stated on 1 October 2020 in divert.md"),
  and a warning, never small print, once the freshness horizon has passed;
- the emergency box: "Call 999 now", then three short lines;
- the answer said once: a compact summary above the cards (the full presentation),
  and the composed text with its emergency paragraph taken out (the box says it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from vrn_assistant.answer import Answer
from vrn_assistant.interfaces.views import badge
from vrn_core import Programme, Status
from vrn_core.dating import FRESHNESS_MONTHS, stale_before
from vrn_core.report import AvailabilityReport
from vrn_core.sources import SourceRef
from vrn_core.wording import format_day, format_month, parse_day

__all__ = [
    "EMERGENCY_HEADLINE",
    "EMERGENCY_LINES",
    "catalogue_dates",
    "catalogue_warning",
    "freshness_warning",
    "in_short",
    "read_as_of",
    "stated_line",
    "text_without_emergency",
]

EMERGENCY_HEADLINE = "Call 999 now"
EMERGENCY_LINES = (
    "Someone in immediate danger: ask for the police, and an ambulance if anyone is hurt.",
    "Cannot speak? Call 999 from a mobile, listen, then press 55.",
    "Keep yourself safe, then follow your safeguarding procedures.",
)


def _source_words(source: SourceRef) -> str:
    return f"{source.document} ({source.locator})"


def stated_line(stated: date | None, confirmed: date | None, source: SourceRef | None) -> str:
    """'As stated on 1 October 2020 in divert.md (Where and when)', with the date it was
    last confirmed when that is later."""
    if source is None:
        return "No source gives when or where it runs."
    if stated is None:
        line = f"As stated, undated, in {_source_words(source)}"
    else:
        line = f"As stated on {format_day(stated)} in {_source_words(source)}"
    if confirmed is not None and stated is not None and confirmed > stated:
        line += f"; last confirmed on {format_day(confirmed)}"
    return line + "."


def freshness_warning(availability: AvailabilityReport, as_of: date) -> str | None:
    """The warning for a programme judged on evidence past the freshness horizon."""
    if availability.status is not Status.not_confirmed:
        return None
    since = format_month(availability.confirmed) if availability.confirmed else "an unknown date"
    return _warning(since, as_of)


def _warning(since: str, as_of: date) -> str:
    return (
        f"Not confirmed since {since}: no source from the {FRESHNESS_MONTHS} months before "
        f"{format_day(as_of)} says it still runs. Check with the provider before referring."
    )


def catalogue_dates(programme: Programme, on: date) -> tuple[str, ...]:
    """Where each of the programme's windows in force `on` the date comes from, once each."""
    windows = programme.on(on).availability
    return tuple(dict.fromkeys(stated_line(w.stated, w.last_confirmed, w.source) for w in windows))


def catalogue_warning(programme: Programme, on: date) -> str | None:
    """A warning when what the catalogue holds about where it runs is past the horizon."""
    horizon = stale_before(on)
    confirmed = [w.last_confirmed for w in programme.on(on).availability]
    known = [day for day in confirmed if day is not None]
    if horizon is None or not known or max(known) >= horizon:
        return None
    return _warning(format_month(max(known)), on)


def in_short(answer: Answer) -> tuple[str, ...]:
    """One line per recommended programme, its name and badge (Markdown); the cards
    below say the rest."""
    if not answer.recommended:
        return (
            f"No VRN programme in the catalogue fits these facts on {format_day(answer.as_of)}.",
        )
    return tuple(f"**{p.name}**: {badge(p.report)}" for p in answer.recommended)


def text_without_emergency(answer: Answer, advice: str) -> str:
    """The composed text without the paragraph repeating the emergency advice."""
    if not answer.emergency:
        return answer.text
    return "\n\n".join(_paragraphs_without(answer.text.split("\n\n"), advice))


def _paragraphs_without(paragraphs: Iterable[str], advice: str) -> list[str]:
    return [p for p in paragraphs if advice not in p]


def read_as_of(text: str, earliest: date, latest: date) -> tuple[date | None, str | None]:
    """The as-of date typed (DD/MM/YYYY or YYYY-MM-DD), or None and why not, in one line."""
    try:
        day = parse_day(text)
    except ValueError:
        return None, "Type the date as DD/MM/YYYY, e.g. 15/11/2020."
    if not earliest <= day <= latest:
        return None, f"Give a date from {format_day(earliest)} to {format_day(latest)}."
    return day, None
