"""Several people in need said with their own ages: a companion with an age of their own,
a group said after the first person, two people said together ("a 3 y/o and a 7 y/o")."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue

GAZETTEER = default_catalogue().gazetteer


def _ages(question: str) -> list[int | None]:
    return [person.case.age for person in extract(question, GAZETTEER).people]


@pytest.mark.parametrize(
    ("question", "ages"),
    [
        ("client 22, boyfriend 24 hit her last night, he's in Preston cells", [22, 24]),
        ("a pupil, 13, whose older sister (19) was stabbed at the weekend", [13, 19]),
        ("young dad (20) in HMP Preston, his daughter (4) misses him", [20, 4]),
        ("I'm 18 and my younger brother (12) keeps getting into fights", [18, 12]),
        ("woman in Nelson, 31, her ex punched her. kids are 2 and 5.", [31, 2, 5]),
        ("Chorley custody: a 17 yo and a 19 yo in for the same robbery", [17, 19]),
        ("cousins in my class, both 10, their uncle is in prison", [10, 10]),
        ("two detained after a fight, ones 18 the other 40", [18, 40]),
        ("lad of 15 was jumped, anything for him and his dad?", [15, None]),
    ],
)
def test_each_person_in_need_is_read(question: str, ages: list[int | None]) -> None:
    assert _ages(question) == ages


@pytest.mark.parametrize(
    "question",
    [
        # the only age is the other person's: one person
        "woman being hit by her son (25), he's been arrested",
        # the asker's own older relative is why they ask, not a second person in need
        "I'm 15 and my big sister (20) is in HMP Styal, what is there for me?",
        "man of 30 got 2 years, his partner is struggling",
    ],
)
def test_one_person_in_need(question: str) -> None:
    assert len(extract(question, GAZETTEER).people) == 1
