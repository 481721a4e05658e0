"""Settings no longer, or never, the person's: police custody the person has been let out
of, a custody suite, prison or ED that is only where the asker works when nobody in need
is described, a prisoner's relative named by "a prisoner's wife"; and a partner said to
be coercive makes the person a victim."""

from __future__ import annotations

import pytest

from tests.assistant.understanding.reading import read
from vrn_core.vocabulary import Role, Setting


@pytest.mark.parametrize(
    "question",
    [
        "lad of 22 was held in Burnley custody on Saturday for a fight, they released him Sunday",
        "arrested for affray in Chorley last weekend, they let me out after a night, I'm 20",
        "woman 25 arrested for assault yesterday, she's out now on bail. anything for her?",
    ],
)
def test_custody_since_left_is_no_setting(question: str) -> None:
    case = read(question).case
    assert case.setting is not Setting.police_custody
    assert Role.suspect in case.roles  # the arrest still happened


@pytest.mark.parametrize(
    "question",
    [
        "man of 30 in Preston custody for GBH, can someone see him before he's released?",
        "let out of prison in May, arrested again last night, 24, now in the cells at Blackpool",
    ],
)
def test_custody_still_current_stays(question: str) -> None:
    assert read(question).case.setting is Setting.police_custody


@pytest.mark.parametrize(
    "question",
    [
        "A&E charge nurse at Royal Blackburn, can our team book onto the trauma informed training?",
        "officer at HMP Garth, is there trauma informed training for our wing staff?",
    ],
)
def test_the_askers_workplace_alone_is_no_setting(question: str) -> None:
    assert read(question).case.setting is None


def test_a_patient_described_keeps_the_ed() -> None:
    case = read("A&E nurse at Royal Blackburn, man of 23 in with a stab wound, any training?").case
    assert case.setting is Setting.hospital_emergency_department


def test_a_prisoners_wife_is_family_not_a_prisoner() -> None:
    case = read("a prisoner's husband came to the visit with their baby, any leaflets?").case
    assert Role.prisoner_family in case.roles
    assert Role.prisoner not in case.roles
    assert case.setting is not Setting.prison


def test_a_coercive_partner_makes_a_victim() -> None:
    case = read("woman in her forties in Fleetwood, her partner has been coercive for ages").case
    assert Role.victim in case.roles


@pytest.mark.parametrize(
    "question",
    [
        "man of 35 in Chorley, came out of prison in June, wants to be a better dad",
        "she got out of jail last year and is struggling, 28, lives in Preston",
    ],
)
def test_out_of_prison_is_known_no_prisoner(question: str) -> None:
    case = read(question).case
    assert Role.prisoner in case.without_roles
    assert Role.prisoner not in case.roles


@pytest.mark.parametrize(
    "question",
    [
        "lad of 30 at HMP Garth, due to come out of prison in the spring",
        "Year 9 pupil in Burnley, her mum has just come out of prison",
    ],
)
def test_a_release_to_come_or_a_relatives_says_nothing(question: str) -> None:
    assert Role.prisoner not in read(question).case.without_roles


@pytest.mark.parametrize(
    "question",
    [
        "Probation: 32 yo man released from HMP Lancaster Farms last month, has 2 kids",
        "28 year old recently released from prison in Blackpool, using again",
        "he came out of HMP Kirkham on Friday and wants to see his kids",
    ],
)
def test_a_prison_left_is_known_not_to_be_the_setting(question: str) -> None:
    case = read(question).case
    assert case.setting is not Setting.prison
    assert Setting.prison in case.without_settings


def test_the_town_not_the_prison_left_is_the_persons_place() -> None:
    case = read("probation: 26 yo man in Blackpool, burglaries, released from HMP Preston").case
    assert case.place == "Blackpool"


@pytest.mark.parametrize(
    "question",
    [
        "dad of three about to be released from HMP Kirkham, his kids have missed him",
        "lad of 30 at HMP Garth, due to come out of HMP Garth in the spring",
    ],
)
def test_a_release_still_to_come_leaves_the_prison(question: str) -> None:
    case = read(question).case
    assert Setting.prison not in case.without_settings


def test_no_offending_said_is_known_no_suspect() -> None:
    case = read("girl of 14 in Lytham, keeps going missing, no offences, no violence").case
    assert Role.suspect in case.without_roles
