"""Whose setting and roles a question gives: a prison or the cells said of a relative or
partner are theirs, not the person's; someone described in the cells is a suspect, and
the question is written from custody; a hospital or the cells named as a place give the
setting before a hint ("arrested", "locked up")."""

from __future__ import annotations

import pytest

from tests.assistant.understanding.reading import read
from vrn_core.vocabulary import Asker, Role, Setting


@pytest.mark.parametrize(
    "question",
    [
        "Girl of 13 from Chorley, mum in HMP Styal, she's stopped eating. anything?",
        "We've a 14 yo lad at school here. dad is in prison and nan is struggling",
        "boy aged 10 whose uncle (30) has been remanded to HMP Preston for robbery",
    ],
)
def test_a_relatives_prison_is_not_the_persons(question: str) -> None:
    case = read(question).case
    assert case.setting is not Setting.prison
    assert Role.prisoner not in case.roles
    assert Role.prisoner_family in case.roles


def test_a_child_whose_parent_is_named_apart_is_not_a_parent() -> None:
    case = read("11 year old girl in Leyland, dad is in prison and mum works nights").case
    assert Role.parent not in case.roles


def test_a_young_mum_named_with_her_child_is_still_a_parent() -> None:
    case = read("Girl of 16 in Burnley, mum of a 1 year old, her ex keeps threatening her").case
    assert Role.parent in case.roles


def test_the_partner_in_the_cells_is_not_where_the_victim_is() -> None:
    case = read(
        "DA worker in Chorley: client 30, her partner beat her last night, he's in the cells"
    ).case
    assert case.setting is not Setting.police_custody
    assert Role.suspect not in case.roles
    assert Role.victim in case.roles


def test_the_person_themselves_in_prison_is_still_in_prison() -> None:
    case = read("Dad serving a sentence at HMP Garth wants to stay close to his kids").case
    assert case.setting is Setting.prison
    assert Role.prisoner in case.roles


@pytest.mark.parametrize(
    "question",
    [
        "lad of 21 in Burnley cells for a fight on a night out, any coaches?",
        "woman in her twenties at Blackpool custody suite for criminal damage",
    ],
)
def test_someone_described_in_the_cells_is_a_suspect_and_no_asker_is_assumed(
    question: str,
) -> None:
    reading = read(question)
    assert reading.case.setting is Setting.police_custody
    assert Role.suspect in reading.case.roles
    # Custody staff, a solicitor or a parent could ask this: advice for one would mislead.
    assert reading.asker is None


def test_a_relative_saying_he_is_in_custody_is_not_custody_staff() -> None:
    assert read("he is 20 and has been in Lancaster custody since last night").asker is None


def test_a_custody_suite_named_wins_over_locked_up() -> None:
    case = read("lad of 22, locked up at Greenbank since Tuesday for a fight").case
    assert case.setting is Setting.police_custody


def test_a_hospital_named_wins_over_someone_elses_arrest() -> None:
    case = read("Royal Preston: 16 yr old lad hit by his uncle, uncle arrested").case
    assert case.setting is Setting.hospital_emergency_department
    assert Role.suspect not in case.roles


@pytest.mark.parametrize(
    ("question", "asker"),
    [
        ("SW in Wyre: mum of two, 31, ex keeps turning up", Asker.social_worker),
        ("PO Preston, client of 26 on licence wants help with his temper", Asker.probation),
        ("DV support worker Nelson - woman of 40, husband controls her", Asker.idva),
        ("RPH. 30 yo man with a head wound from a fight, any help?", Asker.hospital_staff),
        ("Ive got a patient, 19, who was glassed last night", Asker.hospital_staff),
        ("I teach year 8 in Burnley, one of my boys carries a knife", Asker.school_staff),
    ],
)
def test_the_askers_job_said_short(question: str, asker: Asker) -> None:
    assert read(question).asker is asker


@pytest.mark.parametrize(
    "question",
    [
        "Hi. my son is in custody in Preston.",
        "Sorry if this is the wrong place. My daughter is 22 and got arrested last night in"
        " Preston after a fight. She's still being held.",
    ],
)
def test_the_askers_own_relative_after_a_greeting_is_the_person_held(question: str) -> None:
    case = read(question).case
    assert case.setting is Setting.police_custody
    assert Role.suspect in case.roles


def test_a_second_relative_of_the_askers_keeps_their_own_prison() -> None:
    case = read("Our son is 15 and struggling. My husband is in prison at Preston").case
    assert case.setting is not Setting.prison
    assert Role.prisoner_family in case.roles
