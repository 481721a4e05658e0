"""A place the gazetteer lacks is said in the answer, never silently dropped."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant import Assistant
from vrn_assistant.understanding.extraction import extract
from vrn_assistant.understanding.extraction.unknown_places import unknown_places
from vrn_core import default_catalogue

CATALOGUE = default_catalogue()


def _unknown(text: str) -> tuple[str, ...]:
    found = extract(text, CATALOGUE.gazetteer).places
    names = {name.lower() for programme in CATALOGUE for name in programme.names()}
    return unknown_places(text, CATALOGUE.gazetteer, found, names)


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("She lives in Abbeystead and her partner hits her", ("Abbeystead",)),
        ("19 year old held at Tarnside custody, violent offence", ("Tarnside",)),
        ("lad lives in Brookhouse, is at Royal Preston ED", ("Brookhouse",)),
    ],
)
def test_a_place_the_gazetteer_lacks_is_found(text: str, unknown: tuple[str, ...]) -> None:
    assert _unknown(text) == unknown


@pytest.mark.parametrize(
    "text",
    [
        "She lives in Church and her partner hits her",  # a village the gazetteer has
        "19 in Blackpool custody for shoplifting from Primark",
        "pupil in Year 9 at School in Preston, dad is in prison",
        "Families in Need worker in Blackpool asking about mentoring",
        "Is DIVERT running in December in Lancaster?",
        "my client is in Operation Provide already",
    ],
)
def test_known_places_and_ordinary_capitals_are_not_reported(text: str) -> None:
    assert _unknown(text) == ()


def test_the_answer_says_the_place_is_not_known(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Woman living in Abbeystead, her partner keeps hitting her. What can help?",
        date(2020, 11, 15),
    )
    assert any("'Abbeystead' is not a place I know in Lancashire" in note for note in answer.notes)
