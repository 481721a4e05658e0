"""Ranking keeps each programme's area and state for a place and date: nothing it
answers may differ from judging them afresh."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from vrn_core import Case, default_catalogue, rank
from vrn_core.vocabulary import Issue, Role, Setting, Status

CATALOGUE = default_catalogue()
# Few places and dates, either side of programmes' starts and ends, so that examples
# meet what earlier examples left kept.
PLACES = ["Blackpool", "Preston", "Burnley", "Blackbun", "Lancashire", "Leeds", "nowhere"]
PLACES += ["Blackpool Victoria Hospital", "HMP Lancaster Farms", "Lancaster"]
DAYS = [date(2020, 6, 1), date(2020, 10, 10), date(2020, 11, 15), date(2021, 3, 1)]
DAYS += [date(2022, 1, 1), date(2024, 11, 30), date(2026, 12, 1)]


def _forget_everything_judged() -> None:
    for programme in CATALOGUE:
        for edition in programme.editions():
            edition.judged.clear()


@settings(max_examples=150, deadline=None)
@given(
    place=st.sampled_from(PLACES),
    day=st.sampled_from(DAYS),
    age=st.none() | st.integers(8, 70),
    roles=st.sets(st.sampled_from(list(Role)), max_size=3),
    issues=st.sets(st.sampled_from(list(Issue)), max_size=2),
    setting=st.none() | st.sampled_from(list(Setting)),
)
def test_a_second_ranking_answers_as_the_first_did_afresh(
    place: str,
    day: date,
    age: int | None,
    roles: set[Role],
    issues: set[Issue],
    setting: Setting | None,
) -> None:
    case = Case(age=age, place=place, roles=roles, issues=issues, setting=setting)
    kept = rank(CATALOGUE, case, day)  # with what the examples before this one left kept
    _forget_everything_judged()
    assert rank(CATALOGUE, case, day) == kept


def test_a_window_for_some_audiences_only_is_judged_for_each_case() -> None:
    # 10 October 2020: the knife campaign's youth phase runs; the parents' phase is to come.
    day = date(2020, 10, 10)
    young = Case(age=16, place="Preston", roles={Role.young_person}, issues={Issue.knives})
    parent = Case(age=50, place="Preston", roles={Role.parent}, issues={Issue.knives})
    _forget_everything_judged()
    for_young = {a.programme_id: a.status.status for a in rank(CATALOGUE, young, day)}
    for_parent = {a.programme_id: a.status.status for a in rank(CATALOGUE, parent, day)}
    assert for_young["knife-crime-campaign"] is Status.running
    assert for_parent["knife-crime-campaign"] is Status.planned
