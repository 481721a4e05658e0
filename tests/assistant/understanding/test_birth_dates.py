"""A date of birth redaction removed still gives the person's age on the day asked."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_assistant.understanding.extraction.birth import with_age_from_birth
from vrn_assistant.understanding.redaction import BirthDate, redact
from vrn_core.case import AgeRange
from vrn_core.places import Gazetteer
from vrn_core.vocabulary import Role

ON = date(2021, 2, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("female DP, DOB 20/11/1994, in Preston custody", BirthDate(1994, 11, 20)),
        ("d.o.b: 03-04-2005", BirthDate(2005, 4, 3)),
        ("born on the 2nd of January 2003", BirthDate(2003, 1, 2)),
        ("DOB: 2nd Jan 03", BirthDate(3, 1, 2)),
        ("born March 2003", BirthDate(2003, 3)),
        ("Kyle Hughes (02/11/2002) arrested", BirthDate(2002, 11, 2)),
    ],
)
def test_a_date_of_birth_is_read_as_it_is_removed(text: str, expected: BirthDate) -> None:
    redaction = redact(text)
    assert "[date of birth]" in redaction.text
    assert redaction.birth_dates == (expected,)


def test_other_dates_are_no_birth_dates() -> None:
    assert redact("seen on 12/10/2020 at BVH, DOB unknown").birth_dates == ()


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (BirthDate(1994, 11, 20), AgeRange(min=26, max=26)),
        (BirthDate(2003, 2, 11), AgeRange(min=18, max=18)),  # the birthday is today
        (BirthDate(2003, 2, 12), AgeRange(min=17, max=17)),  # ... tomorrow
        (BirthDate(3, 1, 2), AgeRange(min=18, max=18)),  # "03" is 2003
        (BirthDate(88, 9, 3), AgeRange(min=32, max=32)),  # "88" is 1988
        (BirthDate(2003, 2), AgeRange(min=17, max=18)),  # this month: either
        (BirthDate(2003, 3), AgeRange(min=17, max=17)),
        (BirthDate(2003, 1), AgeRange(min=18, max=18)),
    ],
)
def test_the_age_on_the_day_asked(born: BirthDate, expected: AgeRange) -> None:
    assert born.age_on(ON) == expected


@pytest.mark.parametrize(
    "born", [BirthDate(2022, 1, 1), BirthDate(2003, 13, 1), BirthDate(1800, 1, 1)]
)
def test_a_date_that_cannot_be_a_birth_date_gives_no_age(born: BirthDate) -> None:
    assert born.age_on(ON) is None


def test_the_age_goes_to_the_person_with_no_age_said() -> None:
    reading = extract("boy, DOB [date of birth], held at Preston", Gazetteer.default())
    aged = with_age_from_birth(reading, AgeRange(min=15, max=15))
    assert aged.case.age == 15
    assert Role.child in aged.case.roles
    assert aged.people[0].case == aged.case
    assert any("from the date of birth" in note for note in aged.notes)


def test_an_age_said_is_kept() -> None:
    reading = extract("lad of 19, DOB [date of birth], held at Preston", Gazetteer.default())
    assert with_age_from_birth(reading, AgeRange(min=15, max=15)).case.age == 19
