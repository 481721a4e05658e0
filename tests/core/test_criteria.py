"""Three-valued logic and the reasons a practitioner reads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vrn_core import default_catalogue
from vrn_core.case import AgeRange, Case
from vrn_core.criteria import (
    AgeCriterion,
    AllOf,
    AnyOf,
    IssueCriterion,
    OffenceCriterion,
    RoleCriterion,
    combine_all,
    combine_any,
    evaluate,
)
from vrn_core.sources import SourceRef
from vrn_core.vocabulary import Role, Setting, Truth

SOURCE = SourceRef(document="divert.md", locator="Who it is for")
AGE = AgeCriterion(type="age", id="age", label="aged 18 to 25", min=18, max=25, source=SOURCE)
VIOLENT = OffenceCriterion(
    type="offence",
    id="violent",
    label="held for a violent offence",
    any_of=("violent",),
    source=SOURCE,
)
truths = st.lists(st.sampled_from(list(Truth)), max_size=6)


@given(truths)
def test_all_of_is_not_met_when_any_part_fails(parts: list[Truth]) -> None:
    result = combine_all(parts)
    if Truth.not_met in parts:
        assert result is Truth.not_met
    elif Truth.unknown in parts:
        assert result is Truth.unknown
    else:
        assert result is Truth.met


@given(truths)
def test_any_of_is_met_when_any_part_holds(parts: list[Truth]) -> None:
    result = combine_any(parts)
    if Truth.met in parts:
        assert result is Truth.met
    elif Truth.unknown in parts:
        assert result is Truth.unknown
    else:
        assert result is Truth.not_met


@given(truths, truths)
def test_de_morgan_holds_for_three_values(left: list[Truth], right: list[Truth]) -> None:
    flip = {Truth.met: Truth.not_met, Truth.not_met: Truth.met, Truth.unknown: Truth.unknown}
    both = left + right
    assert flip[combine_all(both)] is combine_any([flip[t] for t in both])


@given(st.integers(min_value=0, max_value=120))
def test_age_boundaries_are_inclusive(age: int) -> None:
    result = evaluate(AGE, Case(age=age), "DIVERT")
    assert result.truth is (Truth.met if 18 <= age <= 25 else Truth.not_met)


def test_age_reasons_name_the_programme_and_the_range() -> None:
    assert evaluate(AGE, Case(age=26), "DIVERT").reason == "26 is above DIVERT's 18–25"
    assert evaluate(AGE, Case(age=17), "DIVERT").reason == "17 is below DIVERT's 18–25"
    unknown = evaluate(AGE, Case(), "DIVERT")
    assert unknown.truth is Truth.unknown
    assert unknown.missing == ("age",)


def test_violence_after_an_arrest_counts_as_a_violent_offence_and_no_violence_does_not() -> None:
    arrested = Case(issues={"violence"}, setting="police_custody")
    assert evaluate(VIOLENT, arrested, "DIVERT").truth is Truth.met
    # Violence in a general question ("preventing violence") is not an offence.
    assert evaluate(VIOLENT, Case(issues={"violence"}), "DIVERT").truth is Truth.unknown
    assert evaluate(VIOLENT, Case(without_issues={"violence"}), "DIVERT").truth is Truth.not_met
    assert evaluate(VIOLENT, Case(offence="non_violent"), "DIVERT").truth is Truth.not_met
    assert evaluate(VIOLENT, Case(), "DIVERT").missing == ("offence",)


def test_groups_report_the_parts_that_decide() -> None:
    knives = IssueCriterion(
        type="issue", id="knives", label="knives are involved", any_of=("knives",), source=SOURCE
    )
    group = AllOf(type="all_of", id="both", label="both", criteria=(AGE, knives))
    failing = evaluate(group, Case(age=40, issues={"knives"}), "X")
    assert failing.truth is Truth.not_met
    assert failing.reason == "40 is above X's 18–25"
    either = AnyOf(type="any_of", id="either", label="either", criteria=(AGE, knives))
    unknown = evaluate(either, Case(age=40), "X")
    assert unknown.truth is Truth.unknown
    assert unknown.missing == ("issues",)


@pytest.mark.parametrize(
    ("low", "high", "truth", "says"),
    [
        (20, 23, Truth.met, "an age of 20–23 is within DIVERT's 18–25"),
        (26, 29, Truth.not_met, "an age of 26–29 is above DIVERT's 18–25"),
        (13, 17, Truth.not_met, "an age of 13–17 is below DIVERT's 18–25"),
        (17, 19, Truth.unknown, "an age of 17–19 may or may not be within DIVERT's 18–25"),
        (20, 29, Truth.unknown, "how old exactly?"),
        # a bound said ("he's under 18", "she's over 25") is a range to one end
        (0, 17, Truth.not_met, "an age under 18 is below DIVERT's 18–25"),
        (26, 120, Truth.not_met, "an age over 25 is above DIVERT's 18–25"),
        (0, 20, Truth.unknown, "an age under 21 may or may not be within DIVERT's 18–25"),
    ],
)
def test_an_age_range_is_judged_three_valued_against_the_band(
    low: int, high: int, truth: Truth, says: str
) -> None:
    divert = default_catalogue().get("divert")
    age = next(c for c in divert.criteria if c.id == "age")
    result = evaluate(age, Case(age_range=AgeRange(min=low, max=high)), divert.name)
    assert result.truth is truth and says in result.reason
    assert result.missing == (("age",) if truth is Truth.unknown else ())


def test_a_role_known_not_to_hold_fails_the_criterion() -> None:
    strength = default_catalogue().get("strength-inside-and-out")
    for_fathers = next(
        leaf
        for c in strength.criteria
        for leaf in (c.criteria if isinstance(c, AllOf | AnyOf) else (c,))
        if isinstance(leaf, RoleCriterion) and Role.parent in leaf.any_of
    )
    assert evaluate(for_fathers, Case(), strength.name).truth is Truth.unknown
    not_a_father = evaluate(for_fathers, Case(without_roles={Role.parent}), strength.name)
    assert not_a_father.truth is Truth.not_met and "is not a parent" in not_a_father.reason


def test_contradictory_facts_are_refused() -> None:
    with pytest.raises(ValidationError, match="age or age_range"):
        Case(age=20, age_range=AgeRange(min=20, max=23))
    with pytest.raises(ValidationError, match="parent both in roles and without_roles"):
        Case(roles={Role.parent}, without_roles={Role.parent})


def test_a_setting_known_not_to_hold_fails_the_criterion() -> None:
    divert = default_catalogue().get("divert")
    setting = next(c for c in divert.criteria if c.id == "in-custody")
    unknown = evaluate(setting, Case(), divert.name)
    assert unknown.truth is Truth.unknown
    ruled_out = evaluate(setting, Case(without_settings={Setting.police_custody}), divert.name)
    assert ruled_out.truth is Truth.not_met and "not in police custody" in ruled_out.reason
