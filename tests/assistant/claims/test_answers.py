"""What a practitioner sees: the newer fact used, said in one sentence with both
citations and both dates; undated documents beside it; provisional records labelled."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.assistant.claims.conftest import LATER
from tests.assistant.conftest import build_assistant
from vrn_assistant import Assistant
from vrn_assistant.answer import Answer


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(tmp_path_factory.mktemp("later"), LATER, dense=False)


def _cited(answer: Answer, number: int) -> str:
    return next(c.source for c in answer.citations if c.number == number)


def test_the_newer_page_wins_and_says_so(assistant: Assistant) -> None:
    answer = assistant.ask(
        "15 yr old stabbed in the leg, in Royal Blackburn A&E now. is there an ED navigator there?",
        date(2024, 12, 2),
    )
    assert answer.recommended[0].report.id == "ed-navigators"
    sentence = re.search(
        r"The catalogue \(October 2020\) names Blackpool Victoria Hospital \[(\d+)\]; a page "
        r"dated November 2024 \(the page's own date\) lists Burnley, Blackburn, Accrington, "
        r"Preston, Blackpool, Lancaster \[(\d+)\], which the verdict uses\.",
        answer.text,
    )
    assert sentence is not None, answer.text
    old, new = (int(n) for n in sentence.groups())
    assert _cited(answer, old).endswith("ed-navigators.md")
    assert _cited(answer, new).endswith("05-sceptre-week-navigators-2024.html")
    # The undated page that disagrees is shown beside, not used.
    assert "An undated document lists Royal Preston Hospital, Royal Blackburn Hospital" in (
        answer.text
    )
    assert "being undated, it does not replace the dated facts" in answer.text


def test_before_the_newer_page_the_older_dated_one_holds(assistant: Assistant) -> None:
    answer = assistant.ask(
        "15yo boy in Burnley General A&E after being slashed. any hospital navigator in burnley?",
        date(2022, 3, 15),
    )
    assert "ed-navigators" not in {p.report.id for p in answer.recommended}
    assert "a page dated February 2021" in answer.text
    assert "November 2024" not in answer.text  # nothing from after the date asked about


def test_a_provisional_record_is_labelled_and_cited(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Fleetwood - 21 yr old lad, violent offending history, wants to turn it round. "
        "any mentoring?",
        date(2025, 2, 12),
    )
    names = [p.report.name for p in answer.recommended]
    assert "Champions" in names
    assert "Champions is from an added document, not reviewed." in answer.text
    assert any(c.source.endswith("11-champions-mentoring-leaflet.md") for c in answer.citations)


def test_not_taking_referrals_is_quoted(assistant: Assistant) -> None:
    answer = assistant.ask(
        "15yo in Blackpool, at risk of being drawn into crime. can i refer to DIVERT Youth?",
        date(2023, 3, 14),
    )
    assert "divert-youth" not in {p.report.id for p in answer.recommended}
    assert "not taking any new referrals for DIVERT Youth" in answer.text


def test_without_added_documents_nothing_is_said_about_them(tmp_path: Path) -> None:
    plain = build_assistant(tmp_path, dense=False)
    answer = plain.ask("15yo stabbed, at Blackpool Victoria A&E. navigator?", date(2024, 12, 2))
    assert "From newer documents" not in answer.text


KIRKHAM = (
    "20yo in Kirkham, not been arrested but drifting towards crime, no job no routine. "
    "can a DIVERT coach work with him?"
)


def test_a_newer_document_widens_who_it_is_for_and_says_so(assistant: Assistant) -> None:
    """07 (27 April 2022): the DIVERT coach "for the Fylde borough" supports people held
    in custody "or who are at risk of getting involved in crime"."""
    answer = assistant.ask(KIRKHAM, date(2022, 6, 10))
    assert "divert" in [p.report.id for p in answer.recommended][:3]
    sentence = re.search(
        r"The catalogue \(October 2020\) asks that the person is in police custody \[(\d+)\]; "
        r"a document dated April 2022 \(a date in its text\) says it also takes people at risk "
        r"of getting involved in crime \[(\d+)\], which the verdict uses\.",
        answer.text,
    )
    assert sentence is not None, answer.text
    old, new = (int(n) for n in sentence.groups())
    assert _cited(answer, old).endswith("divert.md")
    assert _cited(answer, new).endswith("07-divert-fylde-update.txt")
    assert re.search(r"a document dated April 2022 \(a date in its text\) adds Fylde", answer.text)


def test_before_the_fylde_update_kirkham_is_outside_divert(assistant: Assistant) -> None:
    answer = assistant.ask(KIRKHAM, date(2022, 4, 20))
    assert "divert" not in {p.report.id for p in answer.recommended}
    # The update may be quoted among the related passages; it changes nothing yet.
    assert "also takes people at risk of getting involved in crime" not in answer.text
