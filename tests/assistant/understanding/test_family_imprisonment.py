"""A family parted by a prison sentence: a child whose parent is just out of prison, a
prisoner who is a parent; and abuse at home said plainly ("keeps hitting mum", "her
partner (22) hit her")."""

from __future__ import annotations

import pytest

from tests.assistant.understanding.reading import case_of, read
from vrn_core.vocabulary import Gender, Issue, Role, Setting


@pytest.mark.parametrize(
    "question",
    [
        "boy of 11 whose mum got out of jail in the summer, he is very withdrawn",
        "two pupils in my class, their dad was released from prison in March",
        "Year 7 pupil, his dad has just come out of prison after 3 years",
        # a prisoners' family named by the event or the leaflets
        "families day at HMP Garth next month, the kids are aged 3 to 15",
        "teacher in Barrow: can we use your prison family leaflets with a 9 year old?",
    ],
)
def test_a_child_whose_parent_is_just_out_of_prison_is_a_prisoners_family(
    question: str,
) -> None:
    case = case_of(question)
    assert Role.prisoner_family in case.roles
    assert Issue.family_imprisonment in case.issues


def test_someone_just_released_is_not_a_prisoners_family() -> None:
    case = case_of("he was released from prison on Monday and is looking for work")
    assert Role.prisoner_family not in case.roles
    assert Issue.family_imprisonment not in case.issues


def test_a_prisoner_who_is_a_parent_is_affected_by_the_sentence() -> None:
    case = case_of("man serving 4 years at HMP Garth, wants to keep in touch with his son")
    assert {Role.prisoner, Role.parent} <= case.roles
    assert Issue.family_imprisonment in case.issues


def test_a_childs_relative_in_prison_said_as_a_prisoner_is_the_issue_too() -> None:
    case = case_of("girl aged 10 in year 5, brother is a prisoner at HMP Lancaster Farms")
    assert Issue.family_imprisonment in case.issues


def test_an_adults_relative_said_bare_as_a_prisoner_is_not_their_family() -> None:
    case = case_of("woman of 58, son is a prisoner at HMP Garth")
    assert Role.prisoner_family not in case.roles
    assert Issue.family_imprisonment not in case.issues


@pytest.mark.parametrize(
    "question",
    [
        "boy of 7 told his teacher that his stepdad keeps hitting mum",
        "her boyfriend threw her against the kitchen door last night",
    ],
)
def test_abuse_at_home_said_plainly(question: str) -> None:
    assert Issue.domestic_abuse in case_of(question).issues


def test_a_parent_about_to_leave_prison_is_affected_by_the_sentence() -> None:
    case = case_of("dad of three about to be released from HMP Kirkham, his kids have missed him")
    assert Issue.family_imprisonment in case.issues


def test_a_parent_just_out_of_prison_is_affected_by_the_sentence() -> None:
    case = case_of(
        "woman (27) recently released from HMP Styal, her 2 children were in care while she"
        " was inside"
    )
    assert Issue.family_imprisonment in case.issues
    assert case.setting is not Setting.prison


def test_children_met_at_prison_visits_are_a_prisoners_family() -> None:
    case = case_of("we run a play corner in the visits hall at HMP Kirkham for the little ones")
    assert Role.prisoner_family in case.roles
    assert Issue.family_imprisonment in case.issues


def test_someone_arrested_who_tells_of_abuse_is_a_victim_too() -> None:
    case = case_of(
        "woman of 34 in Preston custody for hitting her husband, she told officers "
        "he's been hurting her for a long time"
    )
    assert {Role.suspect, Role.victim} <= case.roles


def test_a_bracketed_age_does_not_hide_who_hit_her() -> None:
    case = case_of("her husband (41) punched her again on Saturday")
    assert Issue.domestic_abuse in case.issues
    assert Role.victim in case.roles


def test_a_partner_with_an_age_of_their_own_is_the_one_who_did_it() -> None:
    people = read(
        "woman of 23, her boyfriend (24) battered her on Friday, he's in Burnley cells now"
    ).people
    assert Role.victim in people[0].case.roles
    assert Role.suspect in people[1].case.roles
    assert Role.victim not in people[1].case.roles


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "my son is in HMP Lancaster Farms, he has a 2 yr old and he wants to be a good "
            "dad when he's out. is there a course",
            "the son in prison",
        ),
        (
            "my partners in HMP, we have 2 kids, he wants to be a better dad. any courses",
            "the partner in prison",
        ),
        (
            "dad is at HMP Garth, mum is struggling with their 4 year old. anything for the "
            "little one, and anything for dad on the inside?",
            "the dad in prison",
        ),
    ],
)
def test_a_relative_in_prison_who_wants_to_be_a_better_parent_is_in_need_first(
    question: str, label: str
) -> None:
    people = read(question).people
    assert people[0].label == label
    prisoner = people[0].case
    assert prisoner.setting is Setting.prison and prisoner.gender is Gender.male
    assert {Role.prisoner, Role.parent} <= prisoner.roles and Role.child not in prisoner.roles
    assert len(people) == 2  # the asker, a prisoner's family, stays in need too


@pytest.mark.parametrize(
    "question",
    [
        "my partner is in HMP Preston and I want to be a better mum for our kids",
        "her dad is in prison and she wants a good relationship with her family",
    ],
)
def test_wanting_to_be_a_better_parent_said_of_someone_else_adds_no_one(question: str) -> None:
    assert [person.label for person in read(question).people if "prison" in person.label] == []


def test_being_there_for_his_son_is_no_request_for_the_son() -> None:
    case = case_of(
        "young dad, nineteen, serving at HMP Lancaster Farms wants parenting support so he "
        "can be there for his son"
    )
    assert (case.age, case.setting, case.place) == (19, Setting.prison, "HMP Lancaster Farms")
    assert Role.parent in case.roles and Role.child not in case.roles
