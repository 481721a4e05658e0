"""POST /eligibility: the rules' report for a case, exactly as vrn_core.check gives it;
and bad input, oversized bodies and internal failures as the one error shape."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from tests.assistant.interfaces.service.conftest import no_assistant
from tests.conftest import ROOT
from vrn_assistant.interfaces.service import create_app
from vrn_core.case import Case
from vrn_core.catalogue import Catalogue
from vrn_core.report import check

AS_OF = "2020-11-15"
DIVERT_CASE = {"age": 24, "place": "Blackpool", "setting": "police_custody", "offence": "violent"}


@pytest.fixture(scope="module")
def report_validator() -> Draft202012Validator:
    schema = json.loads((ROOT / "docs" / "schemas" / "report.schema.json").read_text())
    return Draft202012Validator(schema)


def _problem(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert set(body) <= {"status", "title", "detail", "field"}
    assert "Traceback" not in response.text
    if field is not None:
        assert body["field"] == field, body
    return body


def test_the_report_is_the_rules_report(
    client: TestClient, catalogue: Catalogue, report_validator: Draft202012Validator
) -> None:
    response = client.post("/eligibility", json={**DIVERT_CASE, "as_of": AS_OF})
    assert response.status_code == 200, response.text
    body = response.json()
    assert report_validator.is_valid(body), list(report_validator.iter_errors(body))[:3]
    expected = check(catalogue, Case.model_validate(DIVERT_CASE), date(2020, 11, 15))
    assert body == json.loads(expected.model_dump_json())
    divert = body["recommended"][0]
    assert divert["id"] == "divert"
    assert divert["criteria"] and all(c["reason"] for c in divert["criteria"])
    assert divert["availability"]["status"] and divert["availability"]["source"]
    assert body["place"] and "Blackpool" in body["place"]


def test_unknowns_and_near_misses_are_reported(client: TestClient) -> None:
    body = client.post("/eligibility", json={"place": "Preston", "as_of": AS_OF}).json()
    everything = body["recommended"] + body["considered"]
    assert any(p["missing"] for p in everything)  # the age is unknown
    near = client.post("/eligibility", json={**DIVERT_CASE, "age": 40, "as_of": AS_OF}).json()
    divert = next(p for p in near["recommended"] + near["considered"] if p["id"] == "divert")
    assert divert["verdict"] == "not_eligible"
    assert divert["near_miss"] == "40 is above DIVERT's 18–25"


def test_as_of_is_read_in_both_spellings_and_defaults_to_today(client: TestClient) -> None:
    iso = client.post("/eligibility", json={**DIVERT_CASE, "as_of": AS_OF}).json()
    british = client.post("/eligibility", json={**DIVERT_CASE, "as_of": "15/11/2020"}).json()
    assert iso == british
    today = client.post("/eligibility", json=DIVERT_CASE).json()
    assert today["as_of"] == date.today().isoformat()


def test_an_empty_case_is_judged_all_unknown(client: TestClient) -> None:
    body = client.post("/eligibility", json={"as_of": AS_OF}).json()
    assert body["case"]["age"] is None and not body["recommended"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age": "twenty"}, "body.age"),
        ({"age": 300}, "body.age"),
        ({"age": True}, "body.age"),
        ({"setting": "moon"}, "body.setting"),
        ({"issues": "violence"}, "body.issues"),
        ({"roles": ["parent", "parent"]}, "body.roles"),
        ({"colour": "blue"}, "body.colour"),
        ({"as_of": "31/02/2020"}, "body.as_of"),
        ({"as_of": 20201015}, "body.as_of"),
        ({"age_range": {"min": 30, "max": 20}}, "body.age_range"),
        ([1, 2], "body"),
    ],
)
def test_bad_fields_are_422_naming_the_field(client: TestClient, body: Any, field: str) -> None:
    problem = _problem(client.post("/eligibility", json=body), 422, field)
    assert problem["detail"].startswith(f"{field}: ")


@pytest.mark.parametrize(
    "raw", [b"{not json", b"", b"\xff\xfe", b"[" * 50_000, b'{"age": ' + b"9" * 5000 + b"}"]
)
def test_malformed_bodies_are_422(client: TestClient, raw: bytes) -> None:
    _problem(client.post("/eligibility", content=raw), 422, "body")


def test_a_body_over_the_limit_is_413_unread(client: TestClient) -> None:
    padding = " " * (64 * 1024)
    response = client.post(
        "/eligibility",
        content=('{"age": 24}' + padding).encode(),
        headers={"content-type": "application/json"},
    )
    _problem(response, 413, "body")
    just_under = '{"age": 24}' + " " * (64 * 1024 - 20)
    assert client.post("/eligibility", content=just_under.encode()).status_code == 200


def test_a_body_without_a_length_is_counted(catalogue: Catalogue) -> None:
    app = create_app(catalogue=catalogue, assistant=no_assistant, max_body_bytes=100)
    with TestClient(app) as small:

        def chunks() -> Any:
            yield b'{"age": 24, "place": "'
            for _ in range(10):
                yield b"x" * 20
            yield b'"}'

        _problem(small.post("/eligibility", content=chunks()), 413, "body")


def test_eligibility_and_oruk_never_build_the_assistant(client: TestClient) -> None:
    # The client's assistant factory raises: any endpoint that built it would be a 500.
    for path in ("/", "/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations"):
        assert client.get(path).status_code == 200
    assert client.post("/eligibility", json=DIVERT_CASE).status_code == 200
    assert client.app.state.vrn.assistant_built is False  # type: ignore[attr-defined]


def test_an_internal_error_is_a_500_without_a_traceback(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from vrn_assistant.interfaces.service import eligibility

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail: Jane Doe 07700 900123")

    monkeypatch.setattr(eligibility, "check", broken)
    app = create_app(catalogue=catalogue, assistant=no_assistant)
    with caplog.at_level(logging.DEBUG), TestClient(app, raise_server_exceptions=True) as fresh:
        response = fresh.post("/eligibility", json=DIVERT_CASE)
        problem = _problem(response, 500)
        assert "secret" not in response.text and "RuntimeError" not in response.text
        assert "Jane" not in problem["detail"]
        assert fresh.get("/services").status_code == 200  # still answering
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged and "/eligibility" in logged
    assert "Jane" not in logged and "07700" not in logged
