"""Issues said by an injury or a weapon used, negated initials ("no DA"), a child's
parent in prison said bare, and an offence that is someone else's."""

from __future__ import annotations

import pytest

from tests.assistant.understanding.reading import case_of
from vrn_core.vocabulary import Issue, OffenceCategory


@pytest.mark.parametrize(
    "question",
    [
        "man of 50 hit over the head with a pint glass outside a pub",
        "24 year old in resus with a stab wound to his arm",
        "client turned up with a black eye again",
        "lad took a kicking from a group in the park",
        "she was hit with a bottle on a night out",
    ],
)
def test_violence_said_by_the_harm(question: str) -> None:
    assert Issue.violence in case_of(question).issues


def test_negated_initials_say_the_issue_is_absent() -> None:
    case = case_of("woman of 30 mugged in Preston, no DA, she lives alone")
    assert Issue.domestic_abuse in case.without_issues
    assert Issue.domestic_abuse not in case.issues


def test_nothing_to_do_with_says_the_issue_is_absent() -> None:
    assert Issue.violence in case_of("overdose, nothing to do with violence").without_issues


@pytest.mark.parametrize(
    "question",
    [
        "9 yo girl, mum in HMP Styal, struggling at school",
        "we have a pupil whose behaviour has changed, dad is in prison",
    ],
)
def test_a_childs_parent_in_prison(question: str) -> None:
    assert Issue.family_imprisonment in case_of(question).issues


def test_an_adults_relative_named_bare_is_not_their_family() -> None:
    assert Issue.family_imprisonment not in case_of("man of 40, dad is in prison").issues


def test_the_victims_case_has_no_offence() -> None:
    case = case_of("woman of 26 assaulted by her boyfriend, he has been charged")
    assert case.offence is None


def test_possession_said_alone_is_a_drugs_offence() -> None:
    assert case_of("23 year old arrested for possession").offence is OffenceCategory.drugs
    assert case_of("arrested for possession of a knife").offence is not OffenceCategory.drugs


@pytest.mark.parametrize(
    "question",
    [
        "woman of 45 kicked by her husband, she's in A&E",
        "lad got beaten up by his stepdad at home",
        "man in custody for an assault on his mother",
        # a relative whose age is said first; the one who hurt her, named after the injuries
        "mum in Darwen, her 19 yo son hits her and takes her money",
        "woman in our ED with a cut lip, she says her partner did it",
        "4 year old's mum has bruises and told us dad did it",
    ],
)
def test_harm_by_a_partner_or_relative_is_domestic_abuse(question: str) -> None:
    assert Issue.domestic_abuse in case_of(question).issues


@pytest.mark.parametrize(
    "question",
    [
        "17 year old on ket every weekend",
        "client has leg ulcers from injecting",
        "he's been holding for older lads in Burnley",
    ],
)
def test_drug_use_said_by_street_words(question: str) -> None:
    assert Issue.drugs in case_of(question).issues


def test_an_attack_is_a_violent_offence() -> None:
    case = case_of("woman of 22 in Preston custody for an attack on a taxi driver")
    assert case.offence is OffenceCategory.violent
