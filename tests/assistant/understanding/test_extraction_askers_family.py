"""Practitioners' and families' words read right: someone asking for themselves who
names their own parent is no parent; "detainee"; a relative remanded; the asker and their own
child both in need; harm said in words the lists missed; police custody after a release."""

from __future__ import annotations

import pytest

from tests.assistant.understanding.reading import case_of, read
from vrn_core.vocabulary import Asker, Issue, Role, Setting

# --- the asker's own parent is not the person's role -----------------------------------


def test_a_relative_asking_about_their_child_keeps_the_parent_for_the_parents_offers() -> None:
    extraction = read("Blackburn dad here, worried my 15 year old is carrying a knife")
    assert extraction.asker is Asker.family
    assert {Role.parent, Role.child} <= extraction.case.roles


@pytest.mark.parametrize(
    "question",
    [
        "I'm 21 and my step mum keeps hitting me, I live in Darwen",
        "im 17, I got beaten up by my dad last night",
    ],
)
def test_someone_asking_for_themselves_about_their_own_parent_is_no_parent(
    question: str,
) -> None:
    case = case_of(question)
    assert Role.parent not in case.roles
    assert Role.victim in case.roles


def test_a_parent_asking_for_themselves_is_still_a_parent() -> None:
    case = case_of("my ex punched me in front of my little girl last night in Burnley")
    assert Role.parent in case.roles


@pytest.mark.parametrize(
    "question",
    ["I've got 3 kids and my partner was just sent down", "she's got two kids under five"],
)
def test_having_got_children_makes_a_parent_not_a_child(question: str) -> None:
    case = case_of(question)
    assert Role.parent in case.roles
    assert Role.child not in case.roles


# --- detainee --------------------------------------------------------------------------


def test_a_detainee_is_held_in_police_custody_and_not_spell_corrected() -> None:
    extraction = read("Detainee, 23, brought in for a fight in Lancaster")
    assert not any("read as 'detained'" in note for note in extraction.notes)
    assert extraction.case.setting is Setting.police_custody
    assert Role.suspect in extraction.case.roles


def test_our_detainee_is_asked_by_custody_staff() -> None:
    extraction = read("our detainee is 19, in for robbery, can divert see him?")
    assert extraction.asker is Asker.custody_staff


# --- a relative remanded ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "woman 33, her husband was remanded into custody on Friday, she has 2 kids",
        "boy of 10, his dad is on remand at HMP Preston",
    ],
)
def test_a_relative_on_remand_makes_a_prisoners_family_not_a_suspect(question: str) -> None:
    case = case_of(question)
    assert Role.prisoner_family in case.roles
    assert Role.suspect not in case.roles
    assert case.setting is None


# --- the asker and their own child -----------------------------------------------------


def test_the_asker_and_their_child_are_two_people_in_need() -> None:
    extraction = read("me and my daughter (15) were both threatened in Chorley, I'm 38")
    assert len(extraction.people) == 2
    ages = {person.case.age for person in extraction.people}
    assert ages == {38, 15}
    assert extraction.people[1].label == "the daughter"


# --- harm said in words the lists missed -----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "woman 25 with injuries after a sexual assault last night",
        "help there's a man following me with a knife, I'm 15",
        "40s female, DV assault at home, partner not found yet",
    ],
)
def test_harm_done_to_the_person_makes_a_victim(question: str) -> None:
    assert Role.victim in case_of(question).roles


def test_a_partner_arrested_for_assaulting_her_makes_her_a_victim_of_domestic_abuse() -> None:
    case = case_of(
        "young mum of 21, her boyfriend was arrested this morning for hitting her, "
        "he's in Preston custody"
    )
    assert Role.victim in case.roles
    assert Role.suspect not in case.roles
    assert Issue.domestic_abuse in case.issues
    assert case.setting is not Setting.police_custody


@pytest.mark.parametrize(
    "question",
    [
        "man of 50 in for beating his brother",
        "lad 17 in for battery at school",
        "her ex is threatening her with a knife in the garden",
        "my stepdad is smashing the house up",
    ],
)
def test_violence_said_in_other_words_isread(question: str) -> None:
    assert Issue.violence in case_of(question).issues


# --- police custody after a release ----------------------------------------------------


def test_arrested_after_a_release_from_prison_is_in_police_custody() -> None:
    case = case_of(
        "client of 24, let out of HMP Garth last week, arrested again today for an assault, "
        "he'd been inside for 3 years"
    )
    assert case.setting is Setting.police_custody


def test_released_from_custody_and_now_back_in_prison_is_in_prison() -> None:
    case = case_of("he was released from custody, now back in HMP Preston for a breach")
    assert case.setting is Setting.prison
