"""The person in need is the one the help is asked for: "anything for him?" after
describing two people, "help for the little one", a child asking for their mum, the
victim of the person held. Those asked for come first; when nothing says, the
first-named does."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue
from vrn_core.vocabulary import Gender, Issue, Role, Setting

GAZETTEER = default_catalogue().gazetteer


def _people(question: str) -> list[tuple[str, int | None]]:
    return [(person.label, person.case.age) for person in extract(question, GAZETTEER).people]


def test_him_is_the_man_described_not_the_woman_he_hurt() -> None:
    reading = extract(
        "nan, 71, being abused by her grandson (19). police have him in Burnley cells. "
        "anything for him?",
        GAZETTEER,
    )
    assert [person.label for person in reading.people] == ["her grandson"]
    assert reading.case.age == 19
    assert reading.case.gender is Gender.male
    assert Role.suspect in reading.case.roles
    assert Role.victim not in reading.case.roles
    assert Issue.domestic_abuse in reading.case.issues


def test_her_is_the_wife_of_the_man_held() -> None:
    reading = extract(
        "custody sgt. 35 yr old in for punching his wife. who can help her? she's at home in Chorley",
        GAZETTEER,
    )
    case = reading.case
    assert reading.people[0].label == "his wife"
    assert case.age is None  # the 35 is his
    assert case.gender is Gender.female
    assert Role.victim in case.roles and Role.suspect not in case.roles
    assert case.setting is Setting.home
    assert Issue.domestic_abuse in case.issues
    assert "the help is asked for: his wife" in reading.notes


def test_the_little_one_is_the_youngest() -> None:
    reading = extract(
        "my brother is 24 and has just been sent to HMP Preston. he has a 3 yr old daughter. "
        "help for the little one?",
        GAZETTEER,
    )
    case = reading.case
    assert case.age == 3
    assert {Role.child, Role.prisoner_family} <= case.roles
    assert Role.prisoner not in case.roles
    assert Issue.family_imprisonment in case.issues


def test_a_young_person_asking_for_someone_else() -> None:
    reading = extract(
        "im 15 and my brother who is 18 got arrested for fighting in Preston. can someone help him",
        GAZETTEER,
    )
    assert reading.case.age == 18
    assert Role.suspect in reading.case.roles


def test_a_child_asking_for_their_mum() -> None:
    reading = extract(
        "my stepdad hits my mum when hes drunk. we live in Nelson im 12. who can help her",
        GAZETTEER,
    )
    case = reading.case
    assert reading.people[0].label == "my mum"
    assert case.age is None  # the 12 is the asker's
    assert case.gender is Gender.female
    assert Role.victim in case.roles
    assert [person.case.age for person in reading.people] == [None, 12]  # the child stays


def test_the_request_orders_the_people() -> None:
    question = (
        "SW in Preston: dad (31) is in the cells for an assault on mum (29). "
        "What's there for mum and for dad?"
    )
    reading = extract(question, GAZETTEER)
    assert _people(question) == [("the mum", 29), ("the dad", 31)]
    assert Role.victim in reading.case.roles


def test_the_age_asked_for_comes_first_and_the_other_child_stays() -> None:
    assert _people(
        "two sisters, 9 and 14, mum in HMP Styal. anything to help the 14 year old?"
    ) == [("the 14-year-old", 14), ("the 9-year-old", 9)]


def test_a_child_telling_of_harm_to_their_mum() -> None:
    question = (
        "Burnley. my mums boyfriend is shouting that he will hurt my mum. im 11 and in my room"
    )
    reading = extract(question, GAZETTEER)
    assert _people(question) == [("my mum", None), ("the person", 11)]
    assert Role.victim in reading.case.roles
    assert reading.case.place == "Burnley"


def test_a_partner_named_only_in_the_request() -> None:
    reading = extract(
        "my client is 28, in HMP Kirkham for burglary. anything for his partner?", GAZETTEER
    )
    assert reading.people[0].label == "his partner"
    assert Role.prisoner_family in reading.case.roles
    assert Role.prisoner not in reading.case.roles


@pytest.mark.parametrize(
    ("question", "people"),
    [
        # the one asked for is the first-named
        ("my son is 15 and got arrested in Blackpool, is there anything for him?", [15]),
        ("woman 33 hit by her partner, he's in custody. anything for her?", [33]),
        # "him" fits both: the first-named first, as before
        ("my son (15) and his mate (16) were both arrested. anything for him?", [15, 16]),
        # no request: as before
        ("lad 19 in custody for hitting his girlfriend", [19]),
        # "them": everyone described
        ("a 4 y/o and a 9 y/o, dad just went to prison. anything for them?", [4, 9]),
    ],
)
def test_nothing_new_said_keeps_the_first_named(question: str, people: list[int]) -> None:
    assert [age for _, age in _people(question)] == people


def test_his_says_who_him_is_and_her_is_the_one_he_hurt() -> None:
    """ "his gf" tells the lad is male: "him" is the lad, "her" the girlfriend."""
    reading = extract(
        "19 yr old lad in Preston custody for slapping his gf (she's 20, lives in Leyland). "
        "can divert see him, and what's there for her?",
        GAZETTEER,
    )
    lad, girlfriend = reading.people
    assert (lad.case.age, girlfriend.case.age) == (19, 20)
    assert Role.suspect in lad.case.roles
    assert girlfriend.label == "his gf"
    assert Role.victim in girlfriend.case.roles
    assert Issue.domestic_abuse in girlfriend.case.issues
    assert girlfriend.case.gender is Gender.female


def test_a_programme_asked_for_one_person_is_not_asked_for_the_other() -> None:
    reading = extract(
        "19 yr old lad in Preston custody for slapping his gf (she's 20, lives in Leyland). "
        "can divert see him, and what's there for her?",
        GAZETTEER,
        {"divert": ["DIVERT"]},
    )
    lad, girlfriend = reading.people
    assert lad.asked_about == ("divert",)
    assert girlfriend.asked_about == ()


def test_a_programme_named_outside_any_request_is_asked_for_everyone() -> None:
    reading = extract(
        "Is DIVERT any use here? 19 yr old lad in Preston custody for slapping his gf "
        "(she's 20). what can we offer him, and what's there for her?",
        GAZETTEER,
        {"divert": ["DIVERT"]},
    )
    assert [person.asked_about for person in reading.people] == [("divert",), ("divert",)]


def test_both_of_them_are_the_one_described_and_the_one_he_hurt() -> None:
    reading = extract(
        "man of 23 held at Blackburn for battering his girlfriend. is there anything for both?",
        GAZETTEER,
    )
    man, girlfriend = reading.people
    assert man.case.age == 23 and Role.suspect in man.case.roles
    assert girlfriend.label == "his girlfriend"
    assert Role.victim in girlfriend.case.roles
    assert Issue.domestic_abuse in girlfriend.case.issues


def test_someone_with_another_at_a_place_is_there_too() -> None:
    reading = extract(
        "my sister is at Royal Preston with her husband, who got glassed. he's 30. "
        "can someone see him while he's in?",
        GAZETTEER,
    )
    mate = reading.people[0]
    assert mate.label == "her husband"
    assert mate.case.age == 30
    assert mate.case.setting is Setting.hospital_emergency_department
    assert mate.case.place == "Royal Preston Hospital"


@pytest.mark.parametrize(
    "question",
    [
        # a programme's name before "for him" is a request for him too
        "preston custody: 21 yr old male in for an assault on his mum. mum lives in "
        "bamber bridge. divert for him, anything for her?",
        # "? and her?" joins a second person to the same request
        "custody blackpool - 19 yr old lad in for assaulting his girlfriend, she's 18. "
        "divert for him? and her?",
    ],
)
def test_asking_for_him_and_for_her_answers_for_both(question: str) -> None:
    reading = extract(question, GAZETTEER)
    assert len(reading.people) == 2
    held, partner = (person.case for person in reading.people)
    assert Role.suspect in held.roles
    assert held.setting is Setting.police_custody
    assert partner.gender is Gender.female
    assert Role.victim in partner.roles
