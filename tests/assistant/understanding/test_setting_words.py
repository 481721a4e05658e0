"""Where the person is now, said in words the first word lists missed: a room of a
home, the scene of an incident, out on licence, a class or school year; and what says
no setting: a stay that is over, a programme's custody coaches, "student" or "lecturer"
alone, "prison-affected" as a description of an audience."""

from __future__ import annotations

import pytest

from tests.assistant.understanding.reading import case_of, read
from vrn_core.vocabulary import Setting


@pytest.mark.parametrize(
    "question",
    [
        "my neighbour's partner is kicking off and she has locked herself in the bathroom",
        "he won't leave, the little ones are upstairs asleep and I'm scared",
        "her ex is stood in her front garden shouting threats, she is 33",
        "I'm on a home visit in Nelson and dad has just told me he hits mum",
        "the man is still inside the flat with the children, police on the way",
    ],
)
def test_a_room_or_part_of_a_home_is_home(question: str) -> None:
    assert case_of(question).setting is Setting.home


@pytest.mark.parametrize(
    "question",
    [
        "on scene in Morecambe, a lad of 18 has been slashed across the arm",
        "crew at the scene in Chorley, woman in her 40s punched in the face",
    ],
)
def test_on_the_scene_is_the_community(question: str) -> None:
    assert case_of(question).setting is Setting.community


def test_a_scene_said_to_be_a_home_is_home() -> None:
    question = "on scene now in Leyland, her husband is barricaded in the kitchen with a knife"
    assert case_of(question).setting is Setting.home


@pytest.mark.parametrize(
    "question",
    [
        "30 year old man out on licence, drinking heavily again, lives in Accrington",
        "she spent a night in the cells in March, now she's out and living in Fleetwood",
        "lad of 19 out on bail after a burglary charge, anything to keep him busy?",
    ],
)
def test_out_on_licence_or_bail_is_the_community(question: str) -> None:
    assert case_of(question).setting is Setting.community


@pytest.mark.parametrize(
    "question",
    [
        "she'll be out on licence next spring, what can her children get?",
        "when he gets out on licence will the coaches still see him?",
    ],
)
def test_a_release_to_come_is_not_the_community(question: str) -> None:
    assert case_of(question).setting is not Setting.community


def test_a_relatives_release_is_theirs() -> None:
    question = "a girl of 10 whose mum is out on licence and struggling to cope"
    assert case_of(question).setting is not Setting.community


@pytest.mark.parametrize(
    "question",
    [
        "a boy in year 8 told me his stepdad hits him",
        "two girls in my class, both 7, have a brother on remand",
        "one of the lads in Y10 has been seen with a machete",
        "a reception child whose mum has just gone to prison",
    ],
)
def test_a_class_or_school_year_is_school(question: str) -> None:
    assert case_of(question).setting is Setting.school


@pytest.mark.parametrize(
    "question",
    [
        "he got 2 years in year 3 of his sentence he moved prisons",
        "she's in year 2 of her nursing degree at uni",
    ],
)
def test_a_year_that_is_no_school_year(question: str) -> None:
    assert case_of(question).setting is not Setting.school


@pytest.mark.parametrize(
    "question",
    [
        "man of 40 was in the Royal Preston Hospital for a week after the stabbing, home now",
        "my brother was at Blackpool Victoria last month with a broken jaw",
    ],
)
def test_a_stay_that_is_over_is_no_emergency_department(question: str) -> None:
    assert case_of(question).setting is not Setting.hospital_emergency_department


def test_custody_coaches_are_no_custody() -> None:
    question = "woman of 24 charged in the summer, can the custody coaches still work with her?"
    assert case_of(question).setting is not Setting.police_custody


@pytest.mark.parametrize(
    "question",
    [
        "student paramedic on placement in Burnley, is there trauma training I can join?",
        "lecturer in Leeds looking for the evidence review on trauma informed care",
        "a student of 17 at the sixth form told me her boyfriend hits her",
    ],
)
def test_student_or_lecturer_alone_is_no_university(question: str) -> None:
    assert case_of(question).setting is not Setting.university


def test_a_named_university_is_still_a_university() -> None:
    assert case_of("first year student at Edge Hill, can I volunteer?").setting is (
        Setting.university
    )


def test_prison_affected_is_no_prison() -> None:
    question = "is there training on supporting prison-affected families for our nursery?"
    assert case_of(question).setting is not Setting.prison


@pytest.mark.parametrize(
    "question",
    [
        "we have got a bloke of fifty in at Chorley after a fight outside a pub",
        "got a young woman in at Lancaster, she's 19, punched a taxi driver",
    ],
)
def test_got_someone_in_at_a_town_is_police_custody(question: str) -> None:
    assert case_of(question).setting is Setting.police_custody


def test_the_note_names_the_words() -> None:
    notes = read("on scene in Colne, man of 22 with a head wound").notes
    assert any("setting: the community (from 'on scene')" in note for note in notes)
