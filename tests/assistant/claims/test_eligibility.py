"""Who a programme is for, as newer documents say it: read from a statement, mapped
onto the catalogue's role and setting criteria, and used from the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from vrn_assistant.claims import Claim, ClaimBook, ClaimKind, overlay
from vrn_assistant.claims.eligibility import eligibility
from vrn_assistant.claims.reading import places
from vrn_core import Case, Catalogue, Verdict, rank
from vrn_core.criteria import RoleCriterion
from vrn_core.vocabulary import Role, Setting


def test_custody_or_at_risk_is_read_as_two_alternatives() -> None:
    found = eligibility(
        "Our coach supports young adults who have been held in police custody, or who are "
        "at risk of getting involved in crime, through weekly sessions."
    )
    assert found is not None
    assert found.accepts == ("setting:police_custody",)
    assert found.also == "at risk of getting involved in crime"
    assert not found.only
    assert found.words == "held in police custody, or at risk of getting involved in crime"


def test_also_works_with_names_roles() -> None:
    found = eligibility("The service also works with victims of stalking in Preston.")
    assert found is not None and found.accepts == ("role:victim",)


def test_a_definition_of_who_without_a_verb() -> None:
    found = eligibility(
        "Young people aged 12 to 20 who have offended, or who are at risk of\noffending."
    )
    assert found is not None and found.also == "who have offended, or at risk of offending"


def test_only_for_is_a_narrowing() -> None:
    found = eligibility("The sessions are only for students of the university.")
    assert found is not None and found.only and found.accepts == ("role:student",)


@pytest.mark.parametrize(
    "text",
    [
        "Our coach meets with partners every month to plan the year ahead.",
        "We would like to support young people at risk of crime in future.",
        "Mia's Story is a picture book for children with a parent in prison.",
        "Information for practitioners",
    ],
)
def test_statements_that_say_nothing_about_who(text: str) -> None:
    """A plan, a resource's readers and a heading are not who a programme works with."""
    assert eligibility(text) is None


def test_a_parent_in_prison_is_a_prisoners_family() -> None:
    found = eligibility("The group supports children whose parent is in prison.")
    assert found is not None and found.accepts == ("role:prisoner_family",)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She is the mentoring coach for the Wyre borough.", "district:wyre"),
        ("The coach for the Fylde borough started in May.", "district:fylde"),
        ("The team now covers Chorley and South Ribble.", "district:south-ribble"),
        ("Workers serve Hyndburn from a hub in the town centre.", "district:hyndburn"),
    ],
)
def test_areas_said_in_words_are_places(catalogue: Catalogue, text: str, place: str) -> None:
    listed = places(text, catalogue.gazetteer)
    assert listed is not None and place in listed.ids, listed


def test_for_a_place_that_is_not_an_area_is_not_a_place(catalogue: Catalogue) -> None:
    """Only "for the <district> borough" counts: "for Preston's young people" says nothing."""
    assert places("Funding for Preston's youth clubs was agreed.", catalogue.gazetteer) is None


def _divert(book: ClaimBook, case: Case, on: date) -> Verdict:
    place = book.catalogue.gazetteer.resolve(case.place) if case.place else None
    return next(
        a for a in rank(book.catalogue, case, on, place=place) if a.programme_id == "divert"
    ).verdict


AT_HOME_IN_KIRKHAM = {"age": 20, "place": "Kirkham", "setting": Setting.home}


def test_the_fylde_update_widens_custody_from_its_date(book: ClaimBook) -> None:
    """07 (27 April 2022): the Fylde coach supports people held in custody "or who are
    at risk of getting involved in crime", for the Fylde borough."""
    case = Case(**AT_HOME_IN_KIRKHAM, roles=frozenset({Role.young_person}))
    assert _divert(book, case, date(2022, 6, 10)) is Verdict.likely_eligible
    assert _divert(book, case, date(2022, 4, 26)) is Verdict.not_eligible
    divert = book.catalogue.get("divert").on(date(2022, 6, 10))
    custody = next(c for c in divert.criteria if c.id == "in-custody")
    assert (
        custody.label == "the person is in police custody, or at risk of getting involved in crime"
    )


def test_an_undated_eligibility_claim_is_never_applied(
    catalogue: Catalogue, claims: list[Claim]
) -> None:
    (fylde,) = [
        c
        for c in claims
        if c.kind is ClaimKind.eligibility and c.source.endswith("07-divert-fylde-update.txt")
    ]
    undated = fylde.model_copy(update={"day": None, "dated_by": "undated"})
    revised = overlay(catalogue, [undated]).catalogue.get("divert")
    assert revised.criteria == catalogue.get("divert").criteria


def test_only_for_narrows_a_criterion(catalogue: Catalogue, claims: list[Claim]) -> None:
    (fylde,) = [
        c
        for c in claims
        if c.kind is ClaimKind.eligibility and c.source.endswith("07-divert-fylde-update.txt")
    ]
    training = fylde.model_copy(
        update={
            "programme": "trauma-informed-training",
            "accepts": ("role:practitioner",),
            "also": None,
            "only": True,
            "value": "practitioners",
        }
    )
    result = overlay(catalogue, [training])
    record = result.catalogue.get("trauma-informed-training").on(date(2022, 6, 1))
    role = next(c for c in record.criteria if isinstance(c, RoleCriterion))
    assert tuple(role.any_of) == (Role.practitioner,)
    assert [a.claim.id for a in result.applied] == [training.id]
