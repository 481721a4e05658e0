"""Coverage at a glance: which programme runs in which district of Lancashire, and when.

Pure functions over the catalogue's dated facts (its availability windows, judged
as `vrn_core.availability.judge` judges them, with the freshness horizon of
`vrn_core.dating`), for the app's coverage page and any partner's dashboard:

- `coverage_grid(catalogue, on)`: programmes x districts on one date, each cell
  with its state and the sources behind it;
- `programme_timeline(programme, gazetteer)`: each window's periods (planned,
  running, paused, ended, not confirmed since), each with its source.

    >>> from datetime import date
    >>> from vrn_core import default_catalogue
    >>> grid = coverage_grid(default_catalogue(), date(2020, 11, 15))
    >>> grid.row("divert").cell("district:blackpool").status.value
    'running'
    >>> grid.row("divert").cell("district:wyre").status is None
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from vrn_core.availability import Window, judge
from vrn_core.catalogue import Catalogue
from vrn_core.dating import FRESHNESS_MONTHS, months_before, stale_before
from vrn_core.places import Gazetteer, Place, PlaceKind
from vrn_core.programme import Programme
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Status

__all__ = [
    "CoverageCell",
    "CoverageGrid",
    "CoverageRow",
    "Period",
    "coverage_grid",
    "districts",
    "programme_timeline",
]

# The order a cell prefers when several windows cover a district (as the rules prefer).
_ORDER = (Status.running, Status.not_confirmed, Status.paused, Status.planned, Status.ended)


def districts(gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Lancashire's districts and unitary authorities, in the gazetteer's order."""
    kinds = (PlaceKind.district, PlaceKind.unitary)
    return tuple(p for p in gazetteer.places if p.kind in kinds and p.in_lancashire)


@dataclass(frozen=True)
class CoverageCell:
    """One programme in one district on one date.

    `status` None: no window of the programme covers the district. `partial`: it
    covers only a place inside the district (a hospital, a prison), named in `where`.
    `sources`, `stated` and `confirmed` are those of the windows behind the state.
    """

    district: str
    status: Status | None = None
    partial: bool = False
    where: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    stated: date | None = None
    confirmed: date | None = None


@dataclass(frozen=True)
class CoverageRow:
    programme_id: str
    name: str
    cells: tuple[CoverageCell, ...]

    def cell(self, district_id: str) -> CoverageCell:
        for cell in self.cells:
            if cell.district == district_id:
                return cell
        raise KeyError(f"no district {district_id!r} in the grid")


@dataclass(frozen=True)
class CoverageGrid:
    on: date
    districts: tuple[Place, ...]
    rows: tuple[CoverageRow, ...]

    def row(self, programme_id: str) -> CoverageRow:
        for row in self.rows:
            if row.programme_id == programme_id:
                return row
        raise KeyError(f"no programme {programme_id!r} in the grid")


def _covers(window: Window, district: Place, gazetteer: Gazetteer) -> tuple[bool, bool]:
    """(covers at all, only part of it)."""
    if not window.places:
        return True, False
    whole = any(gazetteer.within(district.id, place) is True for place in window.places)
    if whole:
        return True, False
    part = any(gazetteer.within(place, district.id) is True for place in window.places)
    return part, part


def _cell(
    windows: Sequence[Window],
    district: Place,
    gazetteer: Gazetteer,
    on: date,
    horizon: date | None,
) -> CoverageCell:
    found: dict[Status, list[tuple[Window, bool]]] = {}
    for window in windows:
        covers, partial = _covers(window, district, gazetteer)
        if covers:
            found.setdefault(judge(window, on, horizon), []).append((window, partial))
    for status in _ORDER:
        if status not in found:
            continue
        behind = found[status]
        partial = all(part for _, part in behind)
        where = tuple(
            dict.fromkeys(
                gazetteer.get(place).name
                for window, part in behind
                if part
                for place in window.places
                if gazetteer.within(place, district.id) is True
            )
        )
        confirmed = [c for window, _ in behind if (c := window.last_confirmed) is not None]
        stated = [s for window, _ in behind if (s := window.stated) is not None]
        return CoverageCell(
            district=district.id,
            status=status,
            partial=partial,
            where=where if partial else (),
            labels=tuple(dict.fromkeys(w.label for w, _ in behind if w.label)),
            sources=tuple(dict.fromkeys(window.source for window, _ in behind)),
            stated=max(stated) if stated else None,
            confirmed=max(confirmed) if confirmed else None,
        )
    return CoverageCell(district=district.id)


def coverage_grid(
    catalogue: Catalogue, on: date, months: int | None = FRESHNESS_MONTHS
) -> CoverageGrid:
    """Every programme against every district on `on`, with the windows then in force.

    A window with no places runs anywhere; one for a group of districts (Pennine
    Lancashire) or for Lancashire covers each district in it; one for a site covers
    its district in part. Running on evidence last confirmed more than `months`
    before `on` is `not_confirmed` (None: nothing goes stale).
    """
    horizon = stale_before(on, months)
    places = districts(catalogue.gazetteer)
    rows = tuple(
        CoverageRow(
            programme_id=programme.id,
            name=programme.name,
            cells=tuple(
                _cell(edition.availability, district, catalogue.gazetteer, on, horizon)
                for district in places
            ),
        )
        for programme, edition in catalogue.in_force(on)
    )
    return CoverageGrid(on=on, districts=places, rows=rows)


@dataclass(frozen=True)
class Period:
    """A stretch of time in one state. `start` None: from before any source; `end` None:
    with no end known. `source`, `stated` and `confirmed` are the window's."""

    label: str
    where: str
    status: Status
    start: date | None
    end: date | None
    source: SourceRef
    stated: date | None
    confirmed: date | None


def _months_after(day: date, months: int) -> date:
    """The first day that is `months` after `day` by `months_before` (inverse of it)."""
    guess = day + timedelta(days=months * 31 + 3)
    while months_before(guess - timedelta(days=1), months) > day:
        guess -= timedelta(days=1)
    return guess


def _boundaries(window: Window, months: int | None) -> list[date]:
    """The days on which the window may change state."""
    days: list[date] = []
    if window.stated is not None:
        days.append(window.stated)
    if window.start is not None:
        days.append(window.start)
    if window.end is not None and window.end < date.max:
        days.append(window.end + timedelta(days=1))
    confirmed = window.last_confirmed
    if months is not None and confirmed is not None:
        days.append(_months_after(confirmed, months))
    return sorted(set(days))


def _window_periods(
    window: Window,
    where: str,
    months: int | None,
    since: date | None,
    until: date | None,
) -> list[Period]:
    """The window's periods while its edition is in force (from `since` to `until`)."""
    known = [d for d in (window.start, window.stated) if d is not None]
    first = min(known) if known else None  # before a window's first date, nothing is known
    if since is not None and (first is None or since > first):
        first = since
    days = [d for d in _boundaries(window, months) if first is None or d > first]
    starts: list[date | None] = [first, *(d for d in days if until is None or d <= until)]
    periods: list[Period] = []
    for number, start in enumerate(starts):
        following = starts[number + 1] if number + 1 < len(starts) else None
        end = (following - timedelta(days=1)) if following is not None else until
        probe = start if start is not None else (end or window.start or date.today())
        status = judge(window, probe, stale_before(probe, months))
        if periods and periods[-1].status is status:
            last = periods[-1]
            periods[-1] = Period(**{**last.__dict__, "end": end})
            continue
        periods.append(
            Period(
                label=window.label or "",
                where=where,
                status=status,
                start=start,
                end=end,
                source=window.source,
                stated=window.stated,
                confirmed=window.last_confirmed,
            )
        )
    return periods


def _place_names(window: Window, gazetteer: Gazetteer) -> str:
    return ", ".join(gazetteer.get(place).name for place in window.places) or "anywhere"


def programme_timeline(
    programme: Programme, gazetteer: Gazetteer, months: int | None = FRESHNESS_MONTHS
) -> tuple[Period, ...]:
    """Each of the programme's windows through time, oldest first, across its editions.

    A running window past the freshness horizon (`months` after it was last
    confirmed) becomes "not confirmed" from that day; after its end it is ended.
    """
    editions = programme.editions()
    periods: list[Period] = []
    for number, edition in enumerate(editions):
        following = editions[number + 1].since if number + 1 < len(editions) else None
        until = following - timedelta(days=1) if following is not None else None
        for window in edition.availability:
            periods.extend(
                _window_periods(
                    window, _place_names(window, gazetteer), months, edition.since, until
                )
            )
    return tuple(_merge(periods))


def _merge(periods: Iterable[Period]) -> list[Period]:
    """Join a window's periods split only by an edition boundary; each window's periods
    together, in the catalogue's order, oldest first."""
    merged: list[Period] = []
    for period in periods:
        same = next(
            (
                i
                for i, p in enumerate(merged)
                if (p.label, p.where, p.status, p.source)
                == (period.label, period.where, period.status, period.source)
                and p.end is not None
                and period.start == p.end + timedelta(days=1)
            ),
            None,
        )
        if same is None:
            merged.append(period)
        else:
            old = merged[same]
            merged[same] = Period(**{**old.__dict__, "end": period.end})
    order = {key: n for n, key in enumerate(dict.fromkeys((p.label, p.where) for p in merged))}
    return sorted(merged, key=lambda p: (order[p.label, p.where], p.start or date.min))
