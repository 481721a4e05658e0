"""benchmarks/understanding.py: how it scores facts, and that the sealed part is never shown."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    path = ROOT / "benchmarks" / "understanding.py"
    spec = importlib.util.spec_from_file_location("understanding_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_wrong_value_is_a_false_positive_and_a_false_negative(bench: ModuleType) -> None:
    tally = bench.Tally()
    bench._single(tally, "prison", "police_custody", False)
    bench._single(tally, None, "home", False)
    bench._single(tally, "police_custody", "police_custody", True)
    bench._single(tally, None, None, False)
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 2)
    precision, recall, f1 = tally.scores()
    assert (precision, recall) == (0.5, 1 / 3) and f1 == pytest.approx(0.4)


def test_an_age_range_is_met_inside_it_or_by_the_same_range(bench: ModuleType) -> None:
    span = {"min": 20, "max": 23}
    assert bench._age_right({"age": 21, "age_range": None}, span)
    assert not bench._age_right({"age": 24, "age_range": None}, span)
    assert bench._age_right({"age": None, "age_range": [20, 23]}, span)
    assert not bench._age_right({"age": None, "age_range": [20, 29]}, span)
    assert bench._age_right({"age": 17, "age_range": None}, 17)


def test_a_place_inside_the_labelled_one_is_right(bench: ModuleType) -> None:
    scorer = bench.Scorer()
    assert scorer.place_right("site:blackpool-custody-suite", "town:blackpool")
    assert not scorer.place_right("town:blackpool", "site:blackpool-custody-suite")
    assert scorer.gold_place("Nowhere-on-sea")[1] is False


def test_the_sealed_part_refuses_details(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        bench.main(["--part", "sealed", "--details", "/tmp/never.txt"])
    assert "never shown" in capsys.readouterr().err


def test_the_table_names_no_question(bench: ModuleType) -> None:
    questions = [{"id": "q1", "question": "a secret question", "people": [{}]}]
    report = bench.Report()
    table = bench.render("sealed", "abc1234", questions, report, report, 0)
    assert "secret" not in table and "q1" not in table
    assert "| age |" in table and "pass rate" in table


def _row(roles: list[str]) -> dict[str, object]:
    return {
        "age": None,
        "age_range": None,
        "place": None,
        "setting": None,
        "offence": None,
        "gender": None,
        "roles": roles,
        "issues": [],
        "without_issues": [],
        "without_roles": [],
        "people": 1,
    }


def test_the_askers_work_roles_are_set_apart_only_when_the_person_holds_none(
    bench: ModuleType,
) -> None:
    scorer = bench.Scorer()
    report = bench.Report()
    about_someone_else = {"people": [{"roles": ["suspect"]}]}
    about_the_asker = {"people": [{"roles": ["organisation"]}]}
    scorer._facts(about_someone_else, _row(["practitioner", "suspect"]), report)
    scorer._facts(about_the_asker, _row(["practitioner"]), report)
    apart, plain = report.facts["roles, asker apart"], report.facts["roles"]
    # The custody sergeant's own role is not held against the reading of the suspect...
    assert (apart.tp, apart.fp, apart.fn) == (1, 1, 1)
    # ...but a wrong asker role for a labelled organisation still counts, as in "roles".
    assert (plain.tp, plain.fp, plain.fn) == (1, 2, 1)
