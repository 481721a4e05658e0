"""Several people in one question: one reading and one part of the answer each, the
first-named first; a question about one person is answered as before."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.assistant.test_assistant import assert_citations_are_real
from vrn_assistant import Assistant
from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue
from vrn_core.vocabulary import Role, Setting

AS_OF = date(2020, 11, 15)
CATALOGUE = default_catalogue()
NAMES = {programme.id: programme.names() for programme in CATALOGUE}


def _people(question: str) -> list[tuple[str, str | None, int | None]]:
    extraction = extract(question, CATALOGUE.gazetteer, NAMES)
    return [(p.label, p.relation, p.case.age) for p in extraction.people]


@pytest.mark.parametrize(
    ("question", "people"),
    [
        (
            "my son (15) and his mate (22) were both arrested in Blackpool",
            [("the son", None, 15), ("his mate", "mate", 22)],
        ),
        (
            "a mum and her 16-year-old daughter, dad's in prison",
            [("the mum", None, None), ("her daughter", "daughter", 16)],
        ),
        (
            "two brothers, 15 and 22, both in Blackpool custody",
            [("the 15-year-old", None, 15), ("the 22-year-old", "brother", 22)],
        ),
        (
            "Two brothers in Blackpool custody for the same fight, ones 15 the other 22",
            [("the 15-year-old", None, 15), ("the 22-year-old", "brother", 22)],
        ),
        (
            "Mum (42) in Burnley is being abused by her partner, and her son who's 20 is in "
            "Blackpool custody after a fight. What's there for each of them?",
            [("the mum", None, 42), ("her son", "son", 20)],
        ),
        (
            "Accrington: woman 24 assaulted by her partner, he's 26 and now in Blackburn "
            "custody. What's there for both of them?",
            [("the woman", None, 24), ("her partner", "partner", 26)],
        ),
    ],
)
def test_each_person_in_need_is_read_with_how_they_are_related(
    question: str, people: list[tuple[str, str | None, int | None]]
) -> None:
    assert _people(question) == people


def test_each_person_keeps_their_own_facts() -> None:
    extraction = extract(
        "Mum (42) in Burnley is being abused by her partner, and her son who's 20 is in "
        "Blackpool custody after a fight. What's there for each of them?",
        CATALOGUE.gazetteer,
        NAMES,
    )
    mum, son = extraction.people
    assert mum.case is extraction.case and mum.place is extraction.place
    assert Role.victim in mum.case.roles and mum.case.setting is None
    assert mum.place is not None and mum.place.place is not None
    assert mum.place.place.id == "town:burnley"
    assert son.case.setting is Setting.police_custody and Role.suspect in son.case.roles
    assert "another person in need: her son, 20" in extraction.notes


def test_the_one_who_did_it_is_not_the_victims_fact() -> None:
    extraction = extract(
        "Accrington: woman 24 assaulted by her partner, he's 26 and now in Blackburn "
        "custody. What's there for both of them?",
        CATALOGUE.gazetteer,
        NAMES,
    )
    woman, partner = extraction.people
    assert Role.victim in woman.case.roles and Role.suspect not in woman.case.roles
    assert woman.case.setting is not Setting.police_custody
    assert Role.suspect in partner.case.roles and partner.case.setting is Setting.police_custody


def test_a_prisoners_relative_is_a_prisoners_family() -> None:
    extraction = extract(
        "Father in HMP Preston and his daughter (8) who lives in Lancaster is really "
        "struggling since he went in. What's available for each of them?",
        CATALOGUE.gazetteer,
        NAMES,
    )
    father, daughter = extraction.people
    assert Role.prisoner in father.case.roles
    assert Role.prisoner_family in daughter.case.roles and daughter.relation == "daughter"


@pytest.mark.parametrize(
    "question",
    [
        "19 year old lad in Blackpool custody for assault and his dad wants to help",
        "Young people aged between 18 and 25 in custody, two of them",
        "22 year old man arrested for assault, currently in Blackpool custody",
    ],
)
def test_one_person_is_one_reading_as_before(question: str) -> None:
    extraction = extract(question, CATALOGUE.gazetteer, NAMES)
    assert len(extraction.people) == 1
    assert extraction.people[0].case is extraction.case


def test_the_answer_addresses_each_person_first_named_first(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Two brothers, 15 and 22, both in Blackpool custody after a fight. Who can we refer?",
        AS_OF,
    )
    assert [person.label for person in answer.people] == ["the 15-year-old", "the 22-year-old"]
    younger, older = answer.people
    assert "divert" not in {p.id for p in younger.recommended}
    assert "divert" in {p.id for p in older.recommended}
    assert answer.text.index("For the 15-year-old") < answer.text.index("For the 22-year-old")
    assert [r["id"] for r in answer.eval_record()["recommended"]] == ["divert"]
    assert_citations_are_real(answer)


def test_each_persons_programmes_in_turn_without_duplicates(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Mum (42) in Blackpool is being abused by her partner, and her son who's 20 is in "
        "Blackpool custody after a fight on a night out. What's there for each of them?",
        AS_OF,
    )
    mum, son = answer.people
    first = [p.id for p in mum.recommended]
    then = [p.id for p in son.recommended if p.id not in first]
    recommended = [r["id"] for r in answer.eval_record()["recommended"]]
    assert "operation-provide" in first and "divert" in then
    assert recommended == first + then
    assert len(recommended) == len(set(recommended))


def test_every_citation_mark_points_at_its_own_quote(assistant: Assistant) -> None:
    answer = assistant.ask(
        "my son (19) and his mate (22) were both arrested for a fight, held in Blackpool "
        "custody. anything for them?",
        AS_OF,
    )
    assert len(answer.people) == 2
    numbers = [c.number for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    second = {int(n) for n in re.findall(r"\[(\d+)\]", answer.people[1].text)}
    first_count = len({int(n) for n in re.findall(r"\[(\d+)\]", answer.people[0].text)})
    assert second and min(second) > first_count
    assert_citations_are_real(answer)


def test_a_one_person_question_has_no_people_parts(assistant: Assistant) -> None:
    answer = assistant.ask(
        "22 year old man arrested for assault, currently in Blackpool custody", AS_OF
    )
    assert answer.people == ()
    assert not answer.text.startswith("**For ")
