"""Each added document gets a date and says how it was found (documents.dating)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from vrn_assistant.retrieval.documents import load_chunks
from vrn_assistant.retrieval.documents.dating import DateHow, date_document, full_dates

LATER = Path(__file__).parents[1] / "fixtures" / "later"


@pytest.mark.parametrize(
    ("name", "day", "how"),
    [
        ("01-pcc-news-operation-provide-2021-11.html", date(2021, 11, 11), DateHow.page),
        ("02-operation-provide-two-years-on.txt", date(2022, 5, 13), DateHow.date_line),
        ("03-vrn-newsletter-2021-09.md", date(2021, 9, 1), DateHow.front_matter),
        ("04-ed-navigators-page-2021.html", date(2021, 2, 3), DateHow.page),  # UK order
        ("05-sceptre-week-navigators-2024.html", date(2024, 11, 11), DateHow.page),
        ("07-divert-fylde-update.txt", date(2022, 4, 27), DateHow.in_text),
        ("13-blackpool-shared-prosperity-fund.txt", date(2022, 12, 20), DateHow.date_line),
    ],
)
def test_a_stated_date_is_found_with_how(name: str, day: date, how: DateHow) -> None:
    (chunk, *_) = load_chunks(LATER / name)
    assert (chunk.as_of, chunk.dated_by) == (day, how.value)


@pytest.mark.parametrize(
    "name",
    [
        "06-ed-navigators-page-saved.txt",
        "08-divert-custody-leaflet.md",
        "09-bfcct-community-cohesion.html",
        "10-vrn-annual-report-extract.txt",  # months and years only
        "14-project-adder-blackpool-update.md",
        "16-uclan-students-captain-calm.txt",  # "Wednesday 25th November": no year
    ],
)
def test_an_undated_document_is_dated_by_its_file_only(name: str) -> None:
    (chunk, *_) = load_chunks(LATER / name)
    assert chunk.as_of is None  # a file's date is not when its facts were true
    assert chunk.dated_by == DateHow.file.value


def test_the_file_date_and_undated() -> None:
    moment = os.path.getmtime(LATER / "02-operation-provide-two-years-on.txt")
    dated = date_document(None, "No date here at all.", modified=moment)
    assert dated.how is DateHow.file and dated.day is not None and not dated.stated
    assert date_document(None, "No date here.").how is DateHow.undated


def test_date_lines_are_read_day_first() -> None:
    assert date_document(None, "Updated: 03/02/2021\n\nText.").day == date(2021, 2, 3)
    assert date_document(None, "Published 11th November 2021\nText").day == date(2021, 11, 11)


def test_a_date_deep_in_the_text_does_not_date_the_document() -> None:
    text = "A report.\n\n" + "Background. " * 80 + "It met on 9 December 2024."
    assert date_document(None, text).how is DateHow.undated


def test_full_dates_skip_impossible_days() -> None:
    assert full_dates("on 31 February 2021 and Monday 11 November 2024") == [date(2024, 11, 11)]
