"""Several people in need said with their own ages: a companion with an age of their own,
a group said after the first person, two people said together ("a 3 y/o and a 7 y/o")."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue
from vrn_core.vocabulary import Issue, Role, Setting

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
        ("male 24 arrested for assaulting his girlfriend (22). What's there for each?", [24, 22]),
        (
            "dad at Lancaster Farms wants to be a better dad, kids are 4 and 8. anything?",
            [None, 4, 8],
        ),
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


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # told apart by their part in it, as officers write
        (
            "PC at blackpool vic. victim 19 stabbed in the leg, in ED now. suspect 18 we've"
            " just booked into blackpool custody. what VRN services for each",
            ("the victim", 19, Setting.hospital_emergency_department, Role.victim),
            ("the suspect", 18, Setting.police_custody, Role.suspect),
        ),
        # told apart by "she" and "he"; the one he assaulted is his victim
        (
            "DA in Nelson tonight: she's 29, he's 23, he's been taken to Greenbank for"
            " assaulting her. What's there for her and for him?",
            ("her", 29, None, Role.victim),
            ("him", 23, Setting.police_custody, Role.suspect),
        ),
    ],
)
def test_two_people_told_apart_by_what_they_are_called(
    question: str,
    first: tuple[str, int, Setting | None, Role],
    second: tuple[str, int, Setting | None, Role],
) -> None:
    people = extract(question, GAZETTEER).people
    assert len(people) == 2
    for person, (label, age, setting, role) in zip(people, (first, second), strict=True):
        assert (person.label, person.case.age, person.case.setting) == (label, age, setting)
        assert role in person.case.roles
    assert Role.suspect not in people[0].case.roles
    assert people[1].relation == "suspect"


def test_the_place_of_the_setting_is_the_persons() -> None:
    """Held and treated both said: the custody suite is where the one in custody is."""
    people = extract(
        "PC at blackpool vic. victim 19 stabbed in the leg, in ED now. suspect 18 we've"
        " just booked into blackpool custody. what VRN services for each",
        GAZETTEER,
    ).people
    places = [person.place.place.id for person in people if person.place and person.place.place]
    assert places == ["site:blackpool-victoria-hospital", "site:blackpool-custody-suite"]


def test_two_people_told_apart_only_when_help_is_asked_for_each() -> None:
    question = "she's 29, he's 23, he's been taken to Greenbank for assaulting her"
    assert len(extract(question, GAZETTEER).people) == 1


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # what is said of both is each one's
        (
            "my two: she's 15, he's 17, both excluded from school in Burnley, anything for either?",
            [("her", 15, Setting.school), ("him", 17, Setting.school)],
        ),
        # a victim and a suspect said with their ages are two people, help asked or not
        (
            "Blackpool town centre fight: victim 17 taken to the Vic with a broken jaw,"
            " suspect 19 in Blackpool custody",
            [
                ("the victim", 17, Setting.hospital_emergency_department),
                ("the suspect", 19, Setting.police_custody),
            ],
        ),
    ],
)
def test_each_ones_clauses(question: str, read: list[tuple[str, int, Setting]]) -> None:
    people = extract(question, GAZETTEER).people
    assert [(p.label, p.case.age, p.case.setting) for p in people] == read


@pytest.mark.parametrize(
    ("question", "labels"),
    [
        # the one harmed is spoken of again and help is not asked for him alone: both
        (
            "custody blackpool, seventeen yr old in for assaulting his mum at home,"
            " mums shaken up. what can we offer",
            ["the person", "his mum"],
        ),
        (
            "Lad, 24, arrested after assaulting his girlfriend at her flat. He's in Blackpool"
            " custody now. Victim still at her flat. What can VRN offer?",
            ["the person", "his girlfriend"],
        ),
        # asked for him: only him
        ("Greenbank: 35 year old in for assaulting his wife. What can he be referred to?", None),
        # she turns help down: only the one in custody
        (
            "18yo girl arrested for assaulting her mum at home. mum doesn't want to press"
            " charges. help?",
            None,
        ),
        # not said again: only the one in custody
        ("male 30 in Preston custody for hitting his partner, anything?", None),
        # a friend harmed is not domestic abuse: only the one in custody
        ("lad in for assaulting his mate, his mate is in the Vic. anything?", None),
    ],
)
def test_the_one_harmed_by_the_person_is_in_need_too(
    question: str, labels: list[str] | None
) -> None:
    people = extract(question, GAZETTEER).people
    assert [person.label for person in people] == (labels or ["the person"])
    if labels:
        harmed = people[1].case
        assert Role.victim in harmed.roles
        assert Issue.domestic_abuse in harmed.issues


def test_a_relative_who_harms_the_person_is_not_a_second_person_in_need() -> None:
    question = (
        "year 11 girl (16) says her family are forcing her to marry a cousin and her older"
        " brother has threatened her if she says no"
    )
    people = extract(question, GAZETTEER).people
    assert len(people) == 1
    assert Issue.domestic_abuse in people[0].case.issues
    assert Role.victim in people[0].case.roles


def test_one_whose_words_name_no_place_is_where_the_question_is() -> None:
    question = (
        "Preston: my sister's husband is abusive to her (police involved), and her 21 yr old"
        " son is using heroin and stealing. Is Operation Provide or Operation ADDER there?"
    )
    people = extract(question, GAZETTEER).people
    assert [person.case.place for person in people] == ["Preston", "Preston"]
