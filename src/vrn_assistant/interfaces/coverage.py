"""The coverage page as plain data: the grid of programmes x districts on a date, the
sources behind each cell, and each programme's timeline (vrn_core.coverage decides;
this only words it, with a symbol and words for every state, never colour alone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vrn_assistant.interfaces.display import stated_line
from vrn_core import Catalogue, Status
from vrn_core.coverage import CoverageCell, CoverageGrid, Period, coverage_grid, programme_timeline
from vrn_core.wording import format_day, format_month

__all__ = [
    "LEGEND",
    "CoverageView",
    "ProgrammeCoverage",
    "cell_words",
    "coverage_view",
    "period_line",
]

_MARKS = {
    Status.running: "✓ running",
    Status.not_confirmed: "⚠ not confirmed",
    Status.planned: "… planned",
    Status.paused: "‖ paused",
    Status.ended: "✗ ended",
}
_NOTHING = "–"
LEGEND = (
    "✓ running · ⚠ not confirmed in the last 12 months (check before referring) · "
    "… planned · ‖ paused · ✗ ended · – not offered there · (part) only at a site in the district"
)


def cell_words(cell: CoverageCell) -> str:
    """What a grid cell shows: '✓ running', '⚠ not confirmed (part)', '–'."""
    if cell.status is None:
        return _NOTHING
    return _MARKS[cell.status] + (" (part)" if cell.partial else "")


@dataclass(frozen=True)
class ProgrammeCoverage:
    """One programme: each district it reaches, with the source behind it, and its timeline."""

    id: str
    name: str
    cells: tuple[str, ...]  # one line per district the programme reaches
    timeline: tuple[str, ...]


@dataclass(frozen=True)
class CoverageView:
    on: date
    columns: tuple[str, ...]  # "Programme", then each district
    rows: tuple[tuple[str, ...], ...]
    programmes: tuple[ProgrammeCoverage, ...]

    def table(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _cell_line(district: str, cell: CoverageCell) -> str:
    where = f" at {', '.join(cell.where)}" if cell.where else ""
    labels = f" ({'; '.join(cell.labels)})" if cell.labels else ""
    source = cell.sources[0] if cell.sources else None
    dated = stated_line(cell.stated, cell.confirmed, source)
    if len(cell.sources) > 1:
        dated = dated.removesuffix(".") + ", and " + ", ".join(s.document for s in cell.sources[1:])
        dated += "."
    return f"**{district}**: {cell_words(cell)}{where}{labels}. {dated}"


def period_line(period: Period) -> str:
    """'1 November 2020 to 1 October 2021: running. Preston custody suite (Preston). As ...'"""
    start = format_day(period.start) if period.start else "From before its source"
    if period.end is None:
        when = f"{start} onwards" if period.start else "With no date known"
    else:
        when = f"{start} to {format_day(period.end)}"
    if period.status is Status.not_confirmed and period.confirmed is not None:
        state = f"⚠ not confirmed since {format_month(period.confirmed)}"
    else:
        state = _MARKS.get(period.status, period.status.value)
    name = f"{period.label} ({period.where})" if period.label else period.where
    dated = stated_line(period.stated, period.confirmed, period.source)
    return f"{when}: **{state}**. {name}. {dated}"


def coverage_view(catalogue: Catalogue, on: date) -> CoverageView:
    grid: CoverageGrid = coverage_grid(catalogue, on)
    names = tuple(place.name for place in grid.districts)
    rows = tuple((row.name, *(cell_words(cell) for cell in row.cells)) for row in grid.rows)
    programmes = tuple(
        ProgrammeCoverage(
            id=row.programme_id,
            name=row.name,
            cells=tuple(
                _cell_line(name, cell)
                for name, cell in zip(names, row.cells, strict=True)
                if cell.status is not None
            ),
            timeline=tuple(
                period_line(period)
                for period in programme_timeline(
                    catalogue.get(row.programme_id), catalogue.gazetteer
                )
            ),
        )
        for row in grid.rows
    )
    return CoverageView(on=on, columns=("Programme", *names), rows=rows, programmes=programmes)
