"""Catalogue browsing: filter by area, age and kind (vrn_core.browse)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from tests.conftest import KNOWLEDGE
from vrn_core import Catalogue, MatchStatus, Programme, ProgrammeKind, load_catalogue
from vrn_core.browse import admits_age, area_match, filter_programmes, serves_area

DAY = date(2020, 11, 15)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(KNOWLEDGE)


def ids(
    catalogue: Catalogue,
    *,
    area: str | None = None,
    age: int | None = None,
    kind: ProgrammeKind | None = None,
) -> list[str]:
    return [p.id for p in filter_programmes(catalogue, area=area, age=age, kind=kind)]


def test_no_filter_keeps_every_programme_in_catalogue_order(catalogue: Catalogue) -> None:
    assert ids(catalogue) == [p.id for p in catalogue]
    assert ids(catalogue, area="   ") == [p.id for p in catalogue]  # blank: no area filter


def test_area_keeps_programmes_running_there_or_anywhere(catalogue: Catalogue) -> None:
    blackpool = ids(catalogue, area="Blackpool")
    assert {"divert", "operation-adder", "operation-provide", "ed-navigators"} <= set(blackpool)
    assert "strength-inside-and-out" not in blackpool  # HMP Lancaster Farms only
    # Programmes with a window that has no places run anywhere.
    anywhere = {p.id for p in catalogue if any(not w.places for w in p.availability)}
    assert anywhere <= set(blackpool)


def test_area_inside_a_window_place_and_area_containing_it_both_count(
    catalogue: Catalogue,
) -> None:
    # Burnley is inside Pennine Lancashire (Operation Provide's window: True)...
    assert "operation-provide" in ids(catalogue, area="Burnley")
    # ...and Lancashire contains HMP Lancaster Farms (None: part of the area is served).
    assert "strength-inside-and-out" in ids(catalogue, area="Lancashire")
    assert ids(catalogue, area="Lancashire") == [p.id for p in catalogue]


def test_misspelt_area_resolves_like_a_question_would(catalogue: Catalogue) -> None:
    assert ids(catalogue, area="Blackbun") == ids(catalogue, area="Blackburn")
    assert "divert" in ids(catalogue, area="Blackbun")


def test_outside_or_unknown_area_keeps_only_programmes_not_tied_to_one(
    catalogue: Catalogue,
) -> None:
    anywhere = [p.id for p in catalogue if any(not w.places for w in p.availability)]
    match = area_match(catalogue.gazetteer, "Manchester")
    assert match is not None and match.status is MatchStatus.outside
    assert ids(catalogue, area="Manchester") == anywhere
    assert ids(catalogue, area="Xyzzyplace") == anywhere


def test_ambiguous_area_counts_if_any_candidate_is_served(catalogue: Catalogue) -> None:
    match = area_match(catalogue.gazetteer, "Ashton")
    assert match is not None and match.status is MatchStatus.ambiguous
    divert = catalogue.get("divert")
    preston = area_match(catalogue.gazetteer, "Ashton-on-Ribble")
    assert preston is not None
    assert serves_area(divert, match, catalogue.gazetteer) == serves_area(
        divert, preston, catalogue.gazetteer
    )


def test_age_drops_programmes_whose_age_limits_exclude_it(catalogue: Catalogue) -> None:
    thirty = ids(catalogue, age=30)
    assert "divert" not in thirty  # 18 to 25
    assert "operation-adder" in thirty  # no age limit
    # The knife campaign is for 13 to 22 year olds *or* parents: any age may be a parent.
    assert "knife-crime-campaign" in thirty
    assert "divert" in ids(catalogue, age=18) and "divert" in ids(catalogue, age=25)
    assert "divert" not in ids(catalogue, age=17)


def _with_criteria(programme: Programme, criteria: list[dict[str, Any]]) -> Programme:
    source = programme.criteria[0].model_dump(mode="json")["source"]
    for criterion in criteria:
        for part in criterion.get("criteria", [criterion]):
            part.setdefault("source", source)
    data = programme.model_dump(mode="json")
    data["criteria"] = criteria
    return Programme.model_validate(data)


def test_age_limits_inside_any_of_exclude_only_when_every_branch_does(
    catalogue: Catalogue,
) -> None:
    young_or_old = _with_criteria(
        catalogue.get("divert"),
        [
            {
                "id": "ages",
                "type": "any_of",
                "label": "a child or an older person",
                "defining": True,
                "criteria": [
                    {"id": "child", "type": "age", "label": "aged up to 10", "max": 10},
                    {"id": "older", "type": "age", "label": "aged 60 or over", "min": 60},
                ],
            }
        ],
    )
    assert admits_age(young_or_old, 5) and admits_age(young_or_old, 70)
    assert not admits_age(young_or_old, 30)
    alone = replace(catalogue, programmes=(young_or_old,))
    assert [p.id for p in filter_programmes(alone, area=None, age=30, kind=None)] == []


def test_kind_is_matched_exactly(catalogue: Catalogue) -> None:
    training = ids(catalogue, kind=ProgrammeKind.training)
    assert training == [p.id for p in catalogue if p.kind is ProgrammeKind.training]
    assert set(training) == {"prisoners-agency-training", "trauma-informed-training"}
    assert ids(catalogue, kind=ProgrammeKind.campaign) == ["knife-crime-campaign"]


def test_filters_combine(catalogue: Catalogue) -> None:
    assert ids(catalogue, area="Blackpool", age=30, kind=ProgrammeKind.service) == [
        "ed-navigators",
        "operation-adder",
        "operation-provide",
    ]
