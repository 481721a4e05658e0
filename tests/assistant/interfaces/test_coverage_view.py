"""The coverage page's words (vrn_assistant.interfaces.coverage), without Streamlit."""

from __future__ import annotations

from datetime import date

from vrn_assistant.interfaces.coverage import LEGEND, cell_words, coverage_view
from vrn_core import Status, default_catalogue
from vrn_core.coverage import CoverageCell

NOVEMBER_2020 = date(2020, 11, 15)


def test_every_state_has_a_symbol_and_words_never_colour_alone() -> None:
    shown = {
        status: cell_words(CoverageCell(district="district:wyre", status=status))
        for status in (
            Status.running,
            Status.not_confirmed,
            Status.planned,
            Status.paused,
            Status.ended,
        )
    }
    assert shown[Status.running] == "✓ running"
    assert shown[Status.not_confirmed] == "⚠ not confirmed"
    assert len(set(shown.values())) == 5
    assert all(words.split(" ", 1)[1] in LEGEND for words in shown.values())
    assert cell_words(CoverageCell(district="district:wyre")) == "–"
    part = CoverageCell(district="district:blackpool", status=Status.running, partial=True)
    assert cell_words(part) == "✓ running (part)"


def test_the_table_is_programmes_by_districts() -> None:
    view = coverage_view(default_catalogue(), NOVEMBER_2020)
    table = view.table()
    assert len(table) == len(default_catalogue())
    assert list(table[0])[:3] == ["Programme", "Burnley", "Chorley"] and len(table[0]) == 15
    divert = next(row for row in table if row["Programme"] == "DIVERT")
    assert divert["Blackpool"] == "✓ running" and divert["Burnley"] == "… planned"


def test_each_cell_has_its_source_and_date_and_each_programme_a_timeline() -> None:
    view = coverage_view(default_catalogue(), NOVEMBER_2020)
    ed = next(p for p in view.programmes if p.id == "ed-navigators")
    assert ed.cells == (
        "**Blackpool**: ✓ running (part) at Blackpool Victoria Hospital (Blackpool Victoria "
        "Hospital emergency department). As stated on 1 October 2020 in ed-navigators.md "
        "(Where and when).",
    )
    assert ed.timeline[-1].startswith(
        "2 October 2021 onwards: **⚠ not confirmed since October 2020**"
    )
    campaign = next(p for p in view.programmes if p.id == "knife-crime-campaign")
    assert all("✗ ended" in line for line in campaign.cells)  # over by November 2020
