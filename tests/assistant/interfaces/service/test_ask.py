"""POST /ask: the assistant's answer in the batch format, personal details redacted,
nothing about the request in the logs; and the index can change under a running app."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import KNOWLEDGE
from vrn_assistant.assistant import Assistant
from vrn_assistant.interfaces.service import create_app
from vrn_assistant.settings import AssistantSettings, IndexSettings
from vrn_core.catalogue import Catalogue

AS_OF = "2020-11-15"
NAME, PHONE = "Jane Doughty", "07700 900123"
QUESTION = (
    f"My client {NAME} (call her on {PHONE}) is 24 and in custody in Blackpool "
    "after a violent assault. Could a DIVERT coach see her?"
)


@pytest.fixture(scope="module")
def asking(catalogue: Catalogue, assistant: Assistant) -> Iterator[TestClient]:
    with TestClient(create_app(catalogue=catalogue, assistant=lambda: assistant)) as client:
        yield client


def test_the_answer_is_the_batch_record(asking: TestClient, assistant: Assistant) -> None:
    response = asking.post("/ask", json={"question": QUESTION, "as_of": AS_OF})
    assert response.status_code == 200, response.text
    body = response.json()
    from datetime import date

    expected = assistant.ask(QUESTION, date(2020, 11, 15)).eval_record()
    assert body == json.loads(json.dumps(expected))
    assert set(body) == {"text", "emergency", "recommended", "considered", "citations"}
    assert body["recommended"][0]["id"] == "divert"
    assert body["citations"] and all(c["quote"] for c in body["citations"])
    assert NAME.split()[1] not in response.text and "900123" not in response.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body.question"),
        ({"question": ""}, "body.question"),
        ({"question": "x" * 2001}, "body.question"),
        ({"question": 42}, "body.question"),
        ({"question": "hi", "name": "Jane"}, "body.name"),
        ({"question": "hi", "as_of": "tomorrow"}, "body.as_of"),
    ],
)
def test_bad_questions_are_422(asking: TestClient, body: dict[str, Any], field: str) -> None:
    response = asking.post("/ask", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert "Jane" not in response.text


def test_nothing_about_a_request_is_logged(
    asking: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert asking.post("/ask", json={"question": QUESTION, "as_of": AS_OF}).status_code == 200
        search = {"search": f"{NAME} {PHONE}", "date": AS_OF}
        assert asking.get("/services", params=search).status_code == 200
        assert asking.post("/eligibility", json={"place": NAME}).status_code == 200
        assert asking.post("/eligibility", json={"name": NAME}).status_code == 422
    access = [r.getMessage() for r in caplog.records if r.name == "vrn.service.access"]
    assert [line.rsplit(" ", 2)[0] for line in access] == [
        "POST /ask 200",
        "GET /services 200",
        "POST /eligibility 200",
        "POST /eligibility 422",
    ]
    assert all(line.endswith(" ms") for line in access)
    # The test's own HTTP client logs its URLs; everything else is the service's side.
    served = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert len(served) >= len(access)
    everything = "\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in served)
    for secret in ("Doughty", "Jane", "07700", "900123", "search=", "?"):
        assert secret not in everything


def test_an_empty_index_is_503(catalogue: Catalogue, tmp_path: Path) -> None:
    settings = AssistantSettings(
        knowledge_dir=KNOWLEDGE, index=IndexSettings(path=tmp_path / "index"), dense=False
    )
    with TestClient(create_app(settings, catalogue=catalogue)) as client:
        response = client.post("/ask", json={"question": "Is DIVERT running?"})
        assert response.status_code == 503
        assert "vrn ingest" in response.json()["detail"]
        assert client.app.state.vrn.assistant_built  # type: ignore[attr-defined]


def test_a_new_generation_is_served_without_a_restart(catalogue: Catalogue, tmp_path: Path) -> None:
    extra = tmp_path / "docs"
    extra.mkdir()
    (extra / "first.md").write_text("## About\n\nA leaflet about nothing in particular.\n")
    settings = AssistantSettings(
        knowledge_dir=KNOWLEDGE,
        sources=(extra,),
        index=IndexSettings(path=tmp_path / "index"),
        dense=False,
    )
    Assistant.from_settings(settings).ingest()
    question = {"question": "Are there free boxing sessions for young people in Kirkham?"}
    boxing = (extra / "youth-boxing.md").as_posix()
    with TestClient(create_app(settings, catalogue=catalogue)) as client:
        before = client.post("/ask", json=question).json()
        assert boxing not in {c["source"] for c in before["citations"]}
        (extra / "youth-boxing.md").write_text(
            "## What it offers\n\nThe Fylde Youth Boxing Project offers free evening boxing "
            "sessions in Kirkham for young people at risk of exclusion.\n"
        )
        # Another process (or `vrn ingest`) builds the next generation while the app answers.
        ingest = threading.Thread(target=lambda: Assistant.from_settings(settings).ingest())
        ingest.start()
        during = []
        while ingest.is_alive():
            during.append(client.post("/ask", json=question).status_code)
            during.append(client.get("/services").status_code)
        ingest.join()
        assert during and set(during) == {200}
        after = client.post("/ask", json=question).json()
        assert boxing in {c["source"] for c in after["citations"]}
