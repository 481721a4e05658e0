"""Fixtures for the HTTP API: an in-process client, and a real uvicorn on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import ROOT
from vrn_assistant.assistant import Assistant
from vrn_assistant.interfaces.service import create_app
from vrn_core.catalogue import Catalogue, load_catalogue


def no_assistant() -> Assistant:
    raise AssertionError("this request built the assistant")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def client(catalogue: Catalogue) -> Iterator[TestClient]:
    """The app in process, over the shipped catalogue; building the assistant fails."""
    with TestClient(create_app(catalogue=catalogue, assistant=no_assistant)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[str]
    log: Path

    def stop(self) -> str:
        """Stop the server; everything it wrote to stdout and stderr."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_server(tmp: Path, env: Mapping[str, str] | None = None) -> LiveServer:
    """`vrn serve` on a free loopback port, answering (or the test fails)."""
    port = free_port()
    log = tmp / f"serve-{port}.log"
    environ = {**os.environ, "ANONYMIZED_TELEMETRY": "False", **(env or {})}
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from vrn_assistant.interfaces.cli import main; raise SystemExit(main())",
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            env=environ,
            stdout=sink,
            stderr=subprocess.STDOUT,
            text=True,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"vrn serve exited: {log.read_text()}")
        try:
            if httpx.get(server.url + "/", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.stop()
    raise AssertionError("vrn serve did not answer within 60 s")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("live"))
    yield server
    server.stop()
