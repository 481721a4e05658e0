"""Who is asking (knowledge/lexicon/askers.yaml): read from the question, kept apart from
the person's facts, and said in the notes."""

from __future__ import annotations

import pytest

from vrn_assistant.understanding.extraction import extract
from vrn_core import default_catalogue
from vrn_core.vocabulary import Asker

CATALOGUE = default_catalogue()
NAMES = {programme.id: programme.names() for programme in CATALOGUE}


def _read(question: str) -> Asker | None:
    return extract(question, CATALOGUE.gazetteer, NAMES).asker


@pytest.mark.parametrize(
    ("question", "asker"),
    [
        ("I'm a custody sergeant at Blackpool, got a lad of 19 in for assault", "custody_staff"),
        ("im the custody sgt at blackpool, lad of 19 in for a fight", "custody_staff"),
        ("I work in the cells at Lancaster, a woman of 22 is in", "custody_staff"),
        ("Skelmersdale custody: 20 yr old male in for assault", "custody_staff"),
        ("A&E nurse here, 20 year old with a stab wound", "hospital_staff"),
        (
            "Royal Blackburn ED - young woman, nineteen, injuries from her boyfriend",
            "hospital_staff",
        ),
        ("as a DSL at a primary school, one of our pupils is 9", "school_staff"),
        ("Primary school in Morecambe, loads of our kids have ACEs", "school_staff"),
        ("I'm a social worker in Chorley, a girl of 13", "social_worker"),
        ("IDVA here, my client in Preston had another incident", "idva"),
        ("Probation officer in Preston, my client is 24", "probation"),
        ("Response sergeant, Preston. A lad of 16 keeps fighting", "police"),
        ("Youth worker in Skelmersdale here, one of our lads carries a knife", "youth_worker"),
        ("I'm his mum, he's 15 and in Blackpool custody", "family"),
        ("my son (23) got lifted for assault and he's at Blackpool police station", "family"),
        ("I'm 19 and need counselling for trauma, from Darwen", "self"),
        ("my ex hit me last night in Burnley", "self"),
        ("im 14 and my mum is in prison at Styal", "self"),
        ("female detainee at blackpool, she's sixteen, in for assaulting a girl", "custody_staff"),
        (
            "got a young lad, nineteen, in lancaster cells for a racially aggravated assault",
            "custody_staff",
        ),
        ("my son was booked in at Blackpool last night", "family"),
        ("hiya im a TA in a primary in fleetwood", "school_staff"),
        ("new client, 26, lives in pendle, partner coercive and threatening", "idva"),
        ("Preston domestic, woman 31 in Ribbleton, second call this month", "police"),
        ("man in Blackburn rang 101, says hes scared he will hurt his wife", "police"),
        ("Is DIVERT running in Burnley yet?", None),
    ],
)
def test_who_is_asking(question: str, asker: str | None) -> None:
    assert _read(question) == (Asker(asker) if asker else None)


def test_the_job_said_wins_over_family_words() -> None:
    assert _read("I'm a teacher and my son's friend, 14, carries a knife") is Asker.school_staff


def test_a_school_nurse_is_school_staff_and_a_custody_nurse_custody_staff() -> None:
    assert _read("I'm a school nurse in Chorley, a girl of 14") is Asker.school_staff
    assert _read("Custody nurse, Blackpool. Detainee, 22, in for assault") is Asker.custody_staff


def test_a_heading_counts_only_when_it_opens_the_question() -> None:
    assert _read("He is 22 and has been in Blackpool custody since Friday, any help?") is None


def test_the_asker_is_in_the_notes_and_not_a_fact_of_the_person() -> None:
    extraction = extract(
        "Teacher: brother and sister in my school, aged 10 and 13, their mum has just been "
        "sent to prison",
        CATALOGUE.gazetteer,
        NAMES,
    )
    assert "asked by: school staff" in extraction.notes
    assert extraction.asker is Asker.school_staff
    assert "school_staff" not in {str(role) for role in extraction.case.roles}


def test_our_kids_from_a_school_are_its_pupils_not_the_askers_children() -> None:
    case = extract(
        "Primary school in Morecambe, loads of our kids have ACEs. Can the VRN train our staff?",
        CATALOGUE.gazetteer,
        NAMES,
    ).case
    assert "parent" not in {str(role) for role in case.roles}
