"""Dated facts: values in force on a date, last confirmed dates, freshness, assumptions."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import KNOWLEDGE
from tests.core.test_eligibility_cases import CASES
from vrn_core import (
    Case,
    CatalogueError,
    Status,
    Verdict,
    check,
    default_catalogue,
    load_catalogue,
    rank,
)
from vrn_core.dating import FRESHNESS_MONTHS, months_before, stale_before
from vrn_core.vocabulary import STATUS_WORDS

NOVEMBER_2020 = date(2020, 11, 15)
DECEMBER_2026 = date(2026, 12, 1)
IN_CUSTODY = {"place": "Blackpool", "setting": "police_custody", "offence": "violent"}

LATER_DOCUMENT = """---
title: DIVERT update
original_source: A made-up later newsletter, for tests
as_of: {as_of}
---
# DIVERT update

## Who it is for
DIVERT now also sees people aged 26 to 30 held for a violent offence.

## Where and when
The coach is still based at the Blackpool custody suite. Burnley now has a coach too.

## How to refer
Custody staff now refer through the VRN team's duty line.
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def _add_document(knowledge: Path, as_of: str = "2022-03-01") -> None:
    (knowledge / "corpus" / "divert-2022.md").write_text(LATER_DOCUMENT.format(as_of=as_of))


def _edit_divert(knowledge: Path, edit: Any) -> None:
    path = knowledge / "programmes" / "divert.yaml"
    data = yaml.safe_load(path.read_text())
    edit(data)
    path.write_text(yaml.dump(data, Dumper=_NoAliases, sort_keys=False))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the loader refuses YAML aliases
        return True


def _divert(knowledge: Path, day: date, **facts: Any) -> Any:
    catalogue = load_catalogue(knowledge)
    case = Case.model_validate({**IN_CUSTODY, **facts})
    return next(a for a in rank(catalogue, case, day) if a.programme_id == "divert")


def _window(data: dict[str, Any], label: str) -> dict[str, Any]:
    return next(w for w in data["availability"] if w.get("label") == label)


# ---------------------------------------------------------------- values in force on a date


def test_a_fact_is_stated_on_its_documents_date() -> None:
    divert = default_catalogue().get("divert")
    assert divert.criteria[0].stated == date(2020, 10, 1)  # divert.md's front matter as_of
    assert all(window.last_confirmed == date(2020, 10, 1) for window in divert.availability)
    assert divert.pathway.last_confirmed == date(2020, 10, 1)


def test_an_age_band_that_changes_is_judged_with_the_band_in_force(knowledge: Path) -> None:
    _add_document(knowledge)

    def widen(data: dict[str, Any]) -> None:
        data["criteria"][0]["changes"] = [
            {
                "from": date(2022, 4, 1),
                "label": "aged 18 to 30",
                "max": 30,
                "source": "divert-2022.md#Who it is for",
            }
        ]

    _edit_divert(knowledge, widen)
    before = _divert(knowledge, date(2021, 6, 1), age=28)
    assert before.verdict is Verdict.not_eligible
    assert before.near_miss == "28 is above DIVERT's 18–25"
    after = _divert(knowledge, date(2022, 6, 1), age=28)
    assert "28 is within DIVERT's 18–30" in [r.reason for r in after.results()]
    # In the band now; the Blackpool suite's evidence is from 2020, so not confirmed.
    assert (after.verdict, after.status.status) == (Verdict.likely_eligible, Status.not_confirmed)
    age = after.edition.criteria[0]
    assert (age.label, age.stated, age.source.document) == (
        "aged 18 to 30",
        date(2022, 3, 1),
        "divert-2022.md",
    )


def test_a_criterion_first_stated_later_is_judged_only_from_its_date(knowledge: Path) -> None:
    _add_document(knowledge)

    def add_a_limit(data: dict[str, Any]) -> None:
        data["criteria"].append(
            {
                "type": "age",
                "id": "under-twenty-three",
                "label": "aged 22 or under",
                "max": 22,
                "since": date(2022, 4, 1),
                "source": "divert-2022.md#Who it is for",
            }
        )

    _edit_divert(knowledge, add_a_limit)
    before = _divert(knowledge, date(2022, 3, 31), age=24)
    # In the band; the Blackpool suite's evidence is from 2020, so at best likely eligible.
    assert before.verdict is Verdict.likely_eligible
    assert "under-twenty-three" not in [r.id for r in before.results()]
    after = _divert(knowledge, date(2022, 4, 1), age=24)
    assert (after.verdict, after.near_miss) == (
        Verdict.not_eligible,
        "24 is above DIVERT's up to 22",
    )


def test_a_change_with_no_from_is_in_force_from_its_documents_date(knowledge: Path) -> None:
    _add_document(knowledge, as_of="2022-03-01")

    def burnley_starts(data: dict[str, Any]) -> None:
        _window(data, "Burnley custody suite")["changes"] = [
            {"status": "running", "source": "divert-2022.md#Where and when"}
        ]

    _edit_divert(knowledge, burnley_starts)
    assert _divert(knowledge, date(2022, 2, 28), age=20, place="Burnley").status.status is (
        Status.planned
    )
    later = _divert(knowledge, date(2022, 3, 1), age=20, place="Burnley")
    assert (later.verdict, later.status.status) == (Verdict.eligible, Status.running)


def test_sites_can_change_a_window_s_places(knowledge: Path) -> None:
    _add_document(knowledge)

    def add_burnley(data: dict[str, Any]) -> None:
        _window(data, "Blackpool custody suite")["changes"] = [
            {
                "from": date(2022, 3, 1),
                "places": ["district:blackpool", "district:burnley"],
                "source": "divert-2022.md#Where and when",
            }
        ]

    _edit_divert(knowledge, add_burnley)
    assert _divert(knowledge, date(2022, 6, 1), age=20, place="Burnley").verdict is (
        Verdict.eligible
    )
    assert _divert(knowledge, date(2021, 6, 1), age=20, place="Burnley").verdict is (
        Verdict.not_available  # then Burnley was only planned
    )


def test_the_referral_route_in_force_is_the_one_answered(knowledge: Path) -> None:
    _add_document(knowledge)

    def new_route(data: dict[str, Any]) -> None:
        data["pathway"]["changes"] = [
            {
                "from": date(2022, 3, 1),
                "routes": ["contact_vrn"],
                "next_steps": ["Ring the VRN team's duty line."],
                "source": "divert-2022.md#How to refer",
            }
        ]

    _edit_divert(knowledge, new_route)
    catalogue = load_catalogue(knowledge)
    divert = catalogue.get("divert")
    assert divert.on(date(2021, 1, 1)).pathway.routes[0].value == "triggered"
    later = divert.on(date(2022, 6, 1)).pathway
    assert later.next_steps == ("Ring the VRN team's duty line.",)
    assert later.summary == divert.pathway.summary  # what the change does not name carries on
    report = check(catalogue, Case(age=20, **IN_CUSTODY), date(2022, 6, 1))
    assert report.recommended[0].id == "divert"
    assert "divert-2022.md" in {s.document for s in divert.sources()}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"from": date(2022, 4, 1), "max": 30}, "restate the `label`"),
        ({"from": date(2022, 4, 1), "label": "aged 30 to 40", "min": 40, "max": 30}, "min 40"),
        ({"from": date(2022, 4, 1), "label": "aged 18 to 30", "maximum": 30}, "maximum"),
    ],
)
def test_a_bad_change_stops_the_load_naming_the_field(
    knowledge: Path, change: dict[str, Any], message: str
) -> None:
    _add_document(knowledge)

    def bad(data: dict[str, Any]) -> None:
        data["criteria"][0]["changes"] = [{**change, "source": "divert-2022.md#Who it is for"}]

    _edit_divert(knowledge, bad)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(knowledge)
    assert "divert.yaml" in str(caught.value) and message in str(caught.value)
    assert caught.value.field is not None and caught.value.field.startswith("criteria.0")


def test_changes_must_come_in_date_order(knowledge: Path) -> None:
    _add_document(knowledge)
    source = "divert-2022.md#Where and when"

    def unordered(data: dict[str, Any]) -> None:
        _window(data, "Blackpool custody suite")["changes"] = [
            {"from": date(2022, 5, 1), "source": source},
            {"from": date(2022, 4, 1), "source": source},
        ]

    _edit_divert(knowledge, unordered)
    with pytest.raises(CatalogueError, match="is not after the previous change"):
        load_catalogue(knowledge)


def test_a_change_naming_an_unknown_place_is_refused(knowledge: Path) -> None:
    _add_document(knowledge)

    def nowhere(data: dict[str, Any]) -> None:
        _window(data, "Blackpool custody suite")["changes"] = [
            {"from": date(2022, 3, 1), "places": ["district:atlantis"], "source": "divert-2022.md#Where and when"}
        ]  # fmt: skip

    _edit_divert(knowledge, nowhere)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(knowledge)
    assert caught.value.field == "availability.3.changes.0.places"


def test_a_fact_needs_a_date(knowledge: Path) -> None:
    document = knowledge / "corpus" / "divert.md"
    document.write_text(document.read_text().replace("as_of: 2020-10-01\n", ""))
    with pytest.raises(CatalogueError, match="has no date"):
        load_catalogue(knowledge)
    _edit_divert(knowledge, lambda data: _stamp(data, date(2020, 10, 1)))
    assert load_catalogue(knowledge).get("divert").availability[0].stated == date(2020, 10, 1)


def _stamp(data: dict[str, Any], day: date) -> None:
    """`stated:` on every dated fact of a record."""
    for criterion in data["criteria"]:
        criterion["stated"] = day
    for window in data["availability"]:
        window["stated"] = day
    data["pathway"]["stated"] = day


def test_a_document_date_that_is_not_a_date_names_the_document(knowledge: Path) -> None:
    document = knowledge / "corpus" / "divert.md"
    document.write_text(document.read_text().replace("as_of: 2020-10-01", "as_of: soon"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(knowledge)
    assert "divert.md" in str(caught.value) and "'soon' is not a date" in str(caught.value)


def test_confirmed_cannot_come_before_stated(knowledge: Path) -> None:
    _edit_divert(
        knowledge,
        lambda data: _window(data, "Blackpool custody suite").update(confirmed=date(2019, 1, 1)),
    )
    with pytest.raises(CatalogueError, match="is before the fact was stated"):
        load_catalogue(knowledge)


# ---------------------------------------------------------------- freshness


def test_the_horizon_is_twelve_months_to_the_day() -> None:
    assert FRESHNESS_MONTHS == 12
    assert stale_before(date(2021, 10, 2)) == date(2020, 10, 2)
    assert stale_before(date(2021, 10, 2), None) is None
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(1, 3, 1), 12) == date.min
    assert rank(default_catalogue(), Case(), date(1, 1, 1)) and rank(
        default_catalogue(), Case(), date.max
    )
    case = Case(age=20, **IN_CUSTODY)
    catalogue = default_catalogue()

    def status(day: date, **keywords: Any) -> Status:
        found = rank(catalogue, case, day, **keywords)
        return next(a for a in found if a.programme_id == "divert").status.status

    assert status(date(2021, 10, 1)) is Status.running
    assert status(date(2021, 10, 2)) is Status.not_confirmed
    assert status(date(2021, 10, 2), freshness_months=24) is Status.running
    assert status(DECEMBER_2026, freshness_months=None) is Status.running
    with pytest.raises(ValueError, match="negative"):
        rank(catalogue, case, DECEMBER_2026, freshness_months=-1)


def _every_case() -> list[Case]:
    return [spec.case for spec in CASES]


def test_nothing_is_simply_running_on_2020_evidence_in_december_2026() -> None:
    catalogue = default_catalogue()
    for case in _every_case():
        for assessment in rank(catalogue, case, DECEMBER_2026):
            status = assessment.status
            assert status.status is not Status.running, (assessment.programme_id, case)
            assert assessment.verdict is not Verdict.eligible, (assessment.programme_id, case)
            if status.status is Status.not_confirmed:
                assert "not confirmed since October 2020" in status.reason
                assert "check that it still runs before referring" in status.reason
                assert assessment.verdict in {Verdict.likely_eligible, Verdict.not_eligible}


def test_not_confirmed_is_still_recommended_as_likely_eligible() -> None:
    report = check(default_catalogue(), Case(age=20, **IN_CUSTODY), DECEMBER_2026)
    divert = report.recommended[0]
    assert (divert.id, divert.verdict) == ("divert", Verdict.likely_eligible)
    assert divert.availability.status is Status.not_confirmed
    assert divert.availability.confirmed == date(2020, 10, 1)
    assert any("not confirmed since October 2020" in reason for reason in divert.reasons)
    assert STATUS_WORDS[Status.not_confirmed] == "not confirmed recently"


FRESH = [spec for spec in CASES if spec.as_of <= date(2021, 10, 1)]  # 2020 sources still fresh


def test_nearly_every_case_is_within_the_horizon() -> None:
    assert len(FRESH) > 50  # the 2024 and 2026 cases are the ones beyond it


@pytest.mark.parametrize("spec", FRESH, ids=[spec.id for spec in FRESH])
def test_within_the_horizon_the_verdicts_are_as_without_it(spec: Any) -> None:
    """On the dates the cases are written for (mostly 15 November 2020), freshness
    changes nothing: the answers are as they were before it existed."""
    catalogue = default_catalogue()
    judged = rank(catalogue, spec.case, spec.as_of)
    unchecked = rank(catalogue, spec.case, spec.as_of, freshness_months=None)
    assert [(a.programme_id, a.verdict, a.status.status) for a in judged] == [
        (a.programme_id, a.verdict, a.status.status) for a in unchecked
    ]
    assert all(a.status.status is not Status.not_confirmed for a in judged)


def test_a_newer_source_confirms_a_fact_again(knowledge: Path) -> None:
    _add_document(knowledge, as_of="2026-06-01")

    def restated(data: dict[str, Any]) -> None:
        _window(data, "Blackpool custody suite")["changes"] = [
            {"source": "divert-2022.md#Where and when"}  # names no value: a restatement
        ]

    _edit_divert(knowledge, restated)
    found = _divert(knowledge, DECEMBER_2026, age=20)
    assert (found.verdict, found.status.status) == (Verdict.eligible, Status.running)
    assert found.status.window is not None
    assert found.status.window.last_confirmed == date(2026, 6, 1)


def test_a_confirmed_date_keeps_a_fact_fresh(knowledge: Path) -> None:
    _edit_divert(
        knowledge,
        lambda data: _window(data, "Blackpool custody suite").update(confirmed=date(2026, 1, 10)),
    )
    assert _divert(knowledge, DECEMBER_2026, age=20).status.status is Status.running
    assert _divert(knowledge, date(2027, 1, 11), age=20).status.status is Status.not_confirmed


# ---------------------------------------------------------------- assumptions


ASSUMED = {
    # programme: the (window label, date) pairs that no source states
    "divert": {
        ("Preston custody suite, launch", "end"),
        ("Preston custody suite, coaches in the community during the pandemic", "start"),
        ("Preston custody suite, coaches in the community during the pandemic", "end"),
        ("Preston custody suite", "start"),
        ("Blackburn (Greenbank) and Lancaster custody suites", "start"),
    },
    "operation-adder": {("Blackpool pilot", "end")},
    "operation-provide": {("Pennine Lancashire", "start")},
    "strength-inside-and-out": {("HMP Lancaster Farms pilot", "start")},
    "prisoners-agency-training": {("launch across Lancashire", "start")},
    "public-health-policing-webinars": {
        ("registration of interest and the February 2021 webinars", "start")
    },
}


def test_the_dates_no_source_states_are_marked_assumed_with_why() -> None:
    found: dict[str, set[tuple[str | None, str]]] = {}
    for programme in default_catalogue():
        for window in programme.availability:
            for which in ("start", "end"):
                reasoning = window.assumed_reason(which)  # type: ignore[arg-type]
                if reasoning is not None:
                    assert len(reasoning) > 30 and (
                        window.start if which == "start" else window.end
                    )
                    found.setdefault(programme.id, set()).add((window.label, which))
    assert found == ASSUMED


def test_reasons_say_assumed_and_give_the_reasoning() -> None:
    catalogue = default_catalogue()
    blackpool_drugs = Case(place="Blackpool", issues={"drugs"})
    running = next(a for a in rank(catalogue, blackpool_drugs, date(2021, 1, 15)))
    assert running.programme_id == "operation-adder"
    assert running.status.reason == (
        "Operation ADDER (Blackpool pilot) is running (expected to have started in "
        "December 2020, assumed to end in November 2023)"
    )
    assert running.status.assumptions == (
        "The end date, November 2023, is assumed: no source gives an end date; we assume a "
        "three-year pilot from its expected go-live, as its aims look three years ahead.",
    )
    ended = next(a for a in rank(catalogue, blackpool_drugs, date(2024, 1, 15)))
    assert "is assumed to have ended in November 2023" in ended.status.reason
    report = check(catalogue, blackpool_drugs, date(2024, 1, 15)).considered
    adder = next(p for p in report if p.id == "operation-adder")
    assert adder.availability.assumptions == running.status.assumptions
    assert any("three-year pilot" in reason for reason in adder.reasons)
    # A stated date says nothing of assumptions.
    provide = check(catalogue, Case(place="Burnley", issues={"domestic_abuse"}), date(2021, 6, 1))
    pennine = next(p for p in provide.considered if p.id == "operation-provide")
    assert pennine.availability.reason.endswith("ended in March 2021")
    assert pennine.availability.assumptions == ()


def test_an_assumed_date_needs_the_date_it_explains(knowledge: Path) -> None:
    _edit_divert(
        knowledge,
        lambda data: _window(data, "Burnley custody suite").update(
            assumed={"start": "we guess the suite opens in the spring"}
        ),
    )
    with pytest.raises(CatalogueError, match=r"assumed\.start explains a start date"):
        load_catalogue(knowledge)


def test_a_changed_date_is_no_longer_assumed(knowledge: Path) -> None:
    _add_document(knowledge)

    def stated_later(data: dict[str, Any]) -> None:
        _window(data, "Preston custody suite")["changes"] = [
            {"start": date(2020, 11, 9), "source": "divert-2022.md#Where and when"}
        ]

    _edit_divert(knowledge, stated_later)
    preston = load_catalogue(knowledge).get("divert").on(date(2022, 6, 1)).availability[2]
    assert preston.start == date(2020, 11, 9)
    assert preston.assumed is None and not preston.expected


# ------------------------------------------------- with_changes (facts from added documents)


def _later(places: tuple[str, ...], day: date) -> Any:
    from vrn_core.availability import WindowChange
    from vrn_core.sources import SourceRef

    return WindowChange(
        places=places, source=SourceRef(document="later.html", locator="Where"), stated=day
    )


def test_with_changes_puts_a_later_value_in_force_from_its_date() -> None:
    from vrn_core.dating import with_changes

    window = default_catalogue().get("ed-navigators").availability[0]
    changed = with_changes(window, [_later(("town:burnley",), date(2024, 11, 11))])
    assert changed.on(date(2024, 11, 10)).places == ("site:blackpool-victoria-hospital",)
    assert changed.on(date(2024, 11, 11)).places == ("town:burnley",)
    assert changed.on(date(2024, 11, 11)).source.document == "later.html"
    assert window.changes == ()  # the catalogue's own record is untouched


def test_with_changes_orders_changes_and_keeps_the_facts_own_on_a_clash() -> None:
    from vrn_core.dating import with_changes

    window = default_catalogue().get("ed-navigators").availability[0]
    later = _later(("town:preston",), date(2024, 1, 1))
    earlier = _later(("town:lancaster",), date(2022, 1, 1))
    changed = with_changes(window, [later, earlier])
    assert changed.change_dates() == (date(2022, 1, 1), date(2024, 1, 1))
    again = with_changes(changed, [_later(("town:burnley",), date(2024, 1, 1))])
    assert again.on(date(2024, 6, 1)).places == ("town:preston",)


def test_with_changes_ignores_what_is_not_newer_than_the_fact() -> None:
    from vrn_core.dating import with_changes

    window = default_catalogue().get("ed-navigators").availability[0]
    assert window.stated is not None
    older = _later(("town:burnley",), window.stated)
    assert with_changes(window, [older]) is window
