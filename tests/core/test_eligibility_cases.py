"""YAML-driven eligibility cases: every programme, boundaries, unknowns, places and dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from vrn_core import Case, Verdict, default_catalogue, rank

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "eligibility.yaml").read_text())


def test_every_programme_has_cases() -> None:
    covered = {programme_id for case in CASES for programme_id in case["expect"]}
    assert covered == {programme.id for programme in default_catalogue()}


@pytest.mark.parametrize("spec", CASES, ids=[case["id"] for case in CASES])
def test_case(spec: dict[str, Any]) -> None:
    as_of = spec["as_of"] if isinstance(spec["as_of"], date) else date.fromisoformat(spec["as_of"])
    assessments = {
        a.programme_id: a for a in rank(default_catalogue(), Case(**spec["case"]), as_of)
    }
    for programme_id, expected in spec["expect"].items():
        if isinstance(expected, str):
            expected = {"verdict": expected}
        got = assessments[programme_id]
        reasons = [r.reason for r in got.results()] + [got.status.reason]
        context = f"{programme_id}: {got.verdict.value}; reasons: {reasons}"
        if "verdict" in expected:
            assert got.verdict is Verdict(expected["verdict"]), context
        if "recommended" in expected:
            assert got.recommended is expected["recommended"], context
        if "status" in expected:
            assert got.status.status.value == expected["status"], context
        if "near_miss" in expected:
            assert got.near_miss == expected["near_miss"], context
        for phrase in expected.get("mentions", []):
            assert any(phrase in reason for reason in reasons), f"{phrase!r} missing; {context}"
