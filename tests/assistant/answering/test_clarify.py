"""Clarify, don't guess: one short question for the fact the rules could not settle, and
what each answer would change, taken from the rules' own results."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant import Assistant
from vrn_assistant.answer import Clarification
from vrn_assistant.answering.clarify import Subject, clarify, subject_of
from vrn_assistant.interfaces.cli import render
from vrn_assistant.understanding.extraction import extract
from vrn_core import Case, default_catalogue, rank
from vrn_core.vocabulary import Gender

AS_OF = date(2020, 11, 15)
CATALOGUE = default_catalogue()


def _clarify(question: str, subject: Subject | None = None) -> Clarification | None:
    extraction = extract(question, CATALOGUE.gazetteer)
    ranked = rank(CATALOGUE, extraction.case, AS_OF, place=extraction.place)
    return clarify(ranked, extraction.case, subject or subject_of(extraction.case))


def test_an_unknown_age_is_asked_for_with_what_it_decides() -> None:
    found = _clarify("lad held in Blackpool custody for assault, anything?")
    assert found == Clarification(
        fact="age",
        question="How old is he?",
        changes="If he is aged 18 to 25, DIVERT fits; if not, it does not.",
    )


def test_the_pronoun_follows_the_gender_read() -> None:
    found = _clarify("Young woman held in Blackpool custody for a fight, any coaching?")
    assert found is not None and found.question == "How old is she?"
    assert found.changes.startswith("If she is aged 18 to 25")


def test_the_place_is_asked_for_where_the_setting_says() -> None:
    found = _clarify("man assaulted, in A&E now, any help?")
    assert found is not None and found.fact == "place"
    assert found.question == "Which hospital is he at?"
    assert "Blackpool Victoria Hospital" in found.changes and "ED Navigators" in found.changes


def test_a_custody_suite_is_asked_for_when_the_person_is_in_custody() -> None:
    case = Case(age=20, setting="police_custody", offence="violent", gender=Gender.female)
    found = clarify(rank(CATALOGUE, case, AS_OF), case, subject_of(case))
    assert found is not None and found.question == "Which custody suite is she held at?"


def test_an_assumed_criterion_is_asked_for_in_plain_words() -> None:
    found = _clarify("lad of 20 at Blackpool Victoria A&E, can the navigators see him?")
    assert found is not None and found.question == "Has he been hurt by violence?"
    assert (
        found.changes == "If he has been hurt by violence, ED Navigators fits; if not, it does not."
    )


def test_nothing_is_asked_when_the_rules_settled_everything() -> None:
    assert _clarify("22 year old man arrested for assault, in Blackpool custody") is None


@pytest.mark.parametrize(
    ("case", "asking_for_themselves", "label", "name"),
    [
        (Case(gender=Gender.male), False, None, "he"),
        (Case(), False, None, "they"),
        (Case(gender=Gender.female), True, None, "you"),
        (Case(gender=Gender.male), False, "his mate", "his mate"),
    ],
)
def test_who_the_question_names(
    case: Case, asking_for_themselves: bool, label: str | None, name: str
) -> None:
    subject = subject_of(case, asking_for_themselves=asking_for_themselves, label=label)
    assert subject.name == name


def test_the_answer_carries_the_question_and_the_cli_shows_it(assistant: Assistant) -> None:
    answer = assistant.ask("lad held in Blackpool custody for assault, anything?", AS_OF)
    assert answer.clarify is not None and answer.clarify.question == "How old is he?"
    assert "To settle it: How old is he? If he is aged 18 to 25, DIVERT fits" in render(answer)


def test_asking_for_themselves_is_asked_of_you(assistant: Assistant) -> None:
    answer = assistant.ask("I'm in Blackpool custody for a fight, can anyone help me?", AS_OF)
    assert answer.clarify is not None and answer.clarify.question == "How old are you?"


def test_a_criterion_verb_is_asked_in_its_plain_form(assistant: Assistant) -> None:
    answer = assistant.ask(
        "I'm a student at UCLan, can I volunteer with UCLan policing students?", AS_OF
    )
    assert answer.clarify is not None
    assert answer.clarify.question == "Do you study UCLan's BSc Professional Policing?"
    assert answer.clarify.changes.startswith("If you study UCLan's")
