"""YAML-driven eligibility cases: every programme, boundaries, unknowns, places and dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from vrn_core import Case, Status, Verdict, default_catalogue, rank


class Expected(BaseModel):
    """What one programme's assessment must show; a misspelt key fails, it is never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdict: Verdict | None = None
    recommended: bool | None = None
    status: Status | None = None
    near_miss: str | None = None
    mentions: tuple[str, ...] = ()


class EligibilityCase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    as_of: date
    case: Case
    expect: dict[str, Verdict | Expected]


def _load(text: str) -> list[EligibilityCase]:
    return [EligibilityCase.model_validate(raw) for raw in yaml.safe_load(text)]


CASES = _load((Path(__file__).parent / "cases" / "eligibility.yaml").read_text())


def test_every_programme_has_cases() -> None:
    covered = {programme_id for case in CASES for programme_id in case.expect}
    assert covered == {programme.id for programme in default_catalogue()}


def test_a_misspelt_key_fails_the_case_file() -> None:
    with pytest.raises(ValidationError, match="near_mis"):
        _load("- {id: x, as_of: 2020-11-15, case: {age: 20}, expect: {divert: {near_mis: y}}}")
    with pytest.raises(ValidationError, match="expected"):
        _load("- {id: x, as_of: 2020-11-15, case: {age: 20}, expected: {divert: eligible}}")


@pytest.mark.parametrize("spec", CASES, ids=[case.id for case in CASES])
def test_case(spec: EligibilityCase) -> None:
    assessments = {a.programme_id: a for a in rank(default_catalogue(), spec.case, spec.as_of)}
    for programme_id, wanted in spec.expect.items():
        expected = Expected(verdict=wanted) if isinstance(wanted, Verdict) else wanted
        got = assessments[programme_id]
        reasons = [r.reason for r in got.results()] + [got.status.reason]
        context = f"{programme_id}: {got.verdict.value}; reasons: {reasons}"
        if expected.verdict is not None:
            assert got.verdict is expected.verdict, context
        if expected.recommended is not None:
            assert got.recommended is expected.recommended, context
        if expected.status is not None:
            assert got.status.status is expected.status, context
        if expected.near_miss is not None:
            assert got.near_miss == expected.near_miss, context
        for phrase in expected.mentions:
            assert any(phrase in reason for reason in reasons), f"{phrase!r} missing; {context}"
