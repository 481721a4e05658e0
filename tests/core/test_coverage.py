"""Coverage at a glance: programmes x districts on a date, and each programme's timeline."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

import vrn_core.coverage
from tests.conftest import KNOWLEDGE
from vrn_core import Catalogue, Status, load_catalogue
from vrn_core.coverage import coverage_grid, districts, programme_timeline

NOVEMBER_2020 = date(2020, 11, 15)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(KNOWLEDGE)


def test_the_grid_has_every_district_of_lancashire_and_every_programme(
    catalogue: Catalogue,
) -> None:
    names = [place.name for place in districts(catalogue.gazetteer)]
    assert len(names) == 14  # 12 districts and 2 unitary authorities
    assert {"Burnley", "Wyre", "Blackpool", "Blackburn with Darwen"} <= set(names)
    grid = coverage_grid(catalogue, NOVEMBER_2020)
    assert [row.programme_id for row in grid.rows] == [p.id for p in catalogue.programmes]
    assert all(len(row.cells) == 14 for row in grid.rows)


def test_cells_say_where_a_programme_runs_is_planned_or_absent(catalogue: Catalogue) -> None:
    divert = coverage_grid(catalogue, NOVEMBER_2020).row("divert")
    blackpool = divert.cell("district:blackpool")
    assert blackpool.status is Status.running
    assert [str(s) for s in blackpool.sources] == ["divert.md § Where and when"]
    assert blackpool.stated == date(2020, 10, 1) and blackpool.confirmed == date(2020, 10, 1)
    assert divert.cell("district:burnley").status is Status.planned
    assert divert.cell("district:wyre").status is None and not divert.cell("district:wyre").sources


def test_a_group_of_districts_covers_each_district_in_it(catalogue: Catalogue) -> None:
    provide = coverage_grid(catalogue, NOVEMBER_2020).row("operation-provide")
    for district in ("burnley", "pendle", "hyndburn", "rossendale", "blackburn-with-darwen"):
        assert provide.cell(f"district:{district}").status is Status.running, district
    assert provide.cell("district:preston").status is None
    ended = coverage_grid(catalogue, date(2021, 6, 1)).row("operation-provide")
    assert ended.cell("district:burnley").status is Status.ended


def test_a_site_covers_its_district_only_in_part_and_is_named(catalogue: Catalogue) -> None:
    cell = coverage_grid(catalogue, NOVEMBER_2020).row("ed-navigators").cell("district:blackpool")
    assert cell.status is Status.running and cell.partial
    assert cell.where == ("Blackpool Victoria Hospital",)
    whole = coverage_grid(catalogue, NOVEMBER_2020).row("divert").cell("district:blackpool")
    assert not whole.partial and whole.where == ()


def test_past_the_freshness_horizon_running_is_not_confirmed(catalogue: Catalogue) -> None:
    late = coverage_grid(catalogue, date(2022, 1, 10)).row("divert").cell("district:blackpool")
    assert late.status is Status.not_confirmed
    never_stale = coverage_grid(catalogue, date(2022, 1, 10), months=None)
    assert never_stale.row("divert").cell("district:blackpool").status is Status.running


def test_a_timeline_runs_planned_running_ended_and_not_confirmed(catalogue: Catalogue) -> None:
    periods = programme_timeline(catalogue.get("divert"), catalogue.gazetteer)
    preston = [(p.status, p.start, p.end) for p in periods if p.label == "Preston custody suite"]
    assert preston == [
        (Status.planned, date(2020, 10, 1), date(2020, 10, 31)),  # stated in October
        (Status.running, date(2020, 11, 1), date(2021, 10, 1)),  # fresh for 12 months
        (Status.not_confirmed, date(2021, 10, 2), None),  # the horizon passed
    ]
    pause = [p for p in periods if "pandemic" in p.label]
    assert [p.status for p in pause] == [Status.paused, Status.ended]
    assert all(str(p.source) == "divert.md § Where and when" for p in periods)


def test_a_timeline_ends_with_the_window(catalogue: Catalogue) -> None:
    periods = programme_timeline(catalogue.get("operation-provide"), catalogue.gazetteer)
    pennine = [(p.status, p.start, p.end) for p in periods if p.where == "Pennine Lancashire"]
    assert pennine == [
        (Status.running, date(2020, 10, 1), date(2021, 3, 31)),
        (Status.ended, date(2021, 4, 1), None),
    ]


def test_the_timeline_agrees_with_the_grid_on_every_day_it_names(catalogue: Catalogue) -> None:
    programme = catalogue.get("divert")
    for period in programme_timeline(programme, catalogue.gazetteer):
        if period.where != "Blackpool" or period.start is None:
            continue
        cell = coverage_grid(catalogue, period.start).row("divert").cell("district:blackpool")
        assert cell.status is period.status, period


def test_docstring_examples() -> None:
    failures, _ = doctest.testmod(vrn_core.coverage, optionflags=doctest.ELLIPSIS)
    assert failures == 0
