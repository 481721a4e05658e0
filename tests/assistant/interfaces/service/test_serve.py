"""`vrn serve` for real: uvicorn on a loopback port, the curl example against it, and a
server log that holds method, path, status and time, and nothing a request carried."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from tests.assistant.interfaces.service.conftest import LiveServer, start_server
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

NAME, PHONE = "Jane Doughty", "07700 900123"
SERVE = "from vrn_assistant.interfaces.cli import main; raise SystemExit(main())"


def test_the_app_object_is_importable_for_any_asgi_server() -> None:
    import vrn_assistant.interfaces.service as service

    assert isinstance(service.app, FastAPI)
    assert service.app is service.app  # built once
    assert {"/services", "/eligibility", "/ask"} <= set(service.app.openapi()["paths"])


def test_the_curl_example_works_against_the_service(live_server: LiveServer) -> None:
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    done = subprocess.run(
        ["sh", str(ROOT / "examples" / "partner_curl.sh")],
        env={**os.environ, "VRN_API": live_server.url},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    documents = [line for line in done.stdout.splitlines() if line.startswith("{")]
    report, services = (json.loads(line) for line in documents)
    assert report["recommended"][0]["id"] == "divert"
    assert services["contents"] and services["page_number"] == 1


def test_the_server_log_carries_nothing_about_requests(tmp_path: Path) -> None:
    server = start_server(tmp_path, {"VRN_INDEX_DIR": str(tmp_path / "index")})
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            search = client.get("/services", params={"search": f"{NAME} {PHONE}"})
            assert search.status_code == 200
            case = client.post("/eligibility", json={"place": NAME, "course": PHONE})
            assert case.status_code == 200
            bad = client.post("/eligibility", json={"name": NAME, "phone": PHONE})
            assert bad.status_code == 422
            missing = client.get(f"/services/{PHONE.replace(' ', '')}")
            assert missing.status_code == 404
    finally:
        log = server.stop()
    assert "GET /services 200" in log
    assert "POST /eligibility 200" in log and "POST /eligibility 422" in log
    # uvicorn's own access lines ('127.0.0.1:53122 - "GET /services?search=... HTTP/1.1"')
    # are off: only ours, and the server's start and stop lines.
    for secret in ("Doughty", "Jane", "search=", "?", "HTTP/1.1", ' - "'):
        assert secret not in log, secret
    access = [line for line in log.splitlines() if "vrn.service.access" in line]
    assert len(access) >= 5
    assert all(re.search(r"access: (GET|POST) /\S* \d{3} [\d.]+ ms$", line) for line in access)
    # The 404's path is logged as sent (method, path, status, time): the only place a
    # client could put text into the log, and never a query string or a body.
    assert log.count("07700") == 1 and "GET /services/07700900123 404" in log


@pytest.mark.parametrize(
    ("name", "value"), [("VRN_CHROMA_TIMEOUT", "soon"), ("VRN_LLM", "nonsense")]
)
def test_a_setting_that_cannot_be_used_stops_the_start_in_one_line(name: str, value: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SERVE, "serve", "--port", "1"],
        env={**os.environ, name: value},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vrn: error: ") and name in lines[0]
