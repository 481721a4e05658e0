"""The real ChatOpenAI client, configured through VRN_LLM, against a stub server on loopback.

The stub serves POST /v1/chat/completions in OpenAI's format and can reword, stall, drop
the connection, answer garbage or an HTTP error. Whatever it does, `Phraser.phrase`
returns either a checked rewording or the deterministic answer plus one note, within
VRN_LLM_TIMEOUT. Sockets may reach 127.0.0.1 only, and tiktoken may not download.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import tiktoken.load

from tests.assistant.answering.test_phrasing import ANSWER
from tests.assistant.conftest import build_assistant
from vrn_assistant import Answer, Assistant
from vrn_assistant.answering.phrasing import INSTRUCTIONS, NOT_USED, Phraser, chat_model_from_env

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

TIMEOUT = 1.0  # VRN_LLM_TIMEOUT in these tests, seconds
SLACK = 1.5  # what a failed call may take beyond TIMEOUT, seconds
FAST = 1.0  # a refused connection fails within this, seconds
_QUOTE = re.compile(r"^\[(\d+)\] (.+?)\.?$", re.M)


@dataclass
class Stub:
    """What the stub server does with the next requests, and what it was sent."""

    port: int
    mode: str = "reply"  # reply | reword | slow | drop-headers | drop-body | garbage | error
    content: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def _completion(content: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": 0,
            "model": "stub-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }
    ).encode()


def _reworded(request: dict[str, Any]) -> str:
    """A faithful rewording: each quote we were given, restated with its marker."""
    prompt = request["messages"][-1]["content"]
    quotes = prompt.split("Quotes:\n", 1)[1]
    return " ".join(f"In short: {quote} [{n}]." for n, quote in _QUOTE.findall(quotes))


def _handler(stub: Stub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the test output clean

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path != "/v1/chat/completions":
                self._send(404, b'{"error": {"message": "not found"}}')
                return
            request = json.loads(body)
            stub.requests.append(request)
            stub.headers.append({k.lower(): v for k, v in self.headers.items()})
            mode = stub.mode
            if mode == "slow":
                stub.release.wait(30)  # set when the test ends
                self._send(200, _completion(stub.content))
            elif mode == "reword":
                self._send(200, _completion(_reworded(request)))
            elif mode == "garbage":
                self._send(200, b"<html>502 Bad Gateway, or so</html>")
            elif mode == "error":
                self._send(500, b'{"error": {"message": "model exploded", "type": "server_error"}}')
            elif mode in ("drop-headers", "drop-body"):
                payload = _completion(stub.content)
                self._head(200, len(payload))
                if mode == "drop-body":
                    self.wfile.write(payload[: len(payload) // 2])
                self._hang_up()
            else:
                self._send(200, _completion(stub.content))

        def _head(self, status: int, length: int) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(length))
            self.end_headers()

        def _send(self, status: int, payload: bytes) -> None:
            self._head(status, len(payload))
            self.wfile.write(payload)

        def _hang_up(self) -> None:
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)

    return Handler


@pytest.fixture(autouse=True)
def _no_tiktoken_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """tiktoken fetches its encodings over the network; the chat path must never ask."""

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("tiktoken tried to download an encoding")

    monkeypatch.setattr(tiktoken.load, "read_file", refuse)
    monkeypatch.setattr(tiktoken.load, "read_file_cached", refuse)


@pytest.fixture(scope="module")
def keyword_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """A real assistant over the shipped corpus, keywords only (indexed in a tenth of a second)."""
    return build_assistant(Path(tmp_path_factory.mktemp("keyword-assistant")), dense=False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up, or a socket we hung up on purpose


@pytest.fixture
def stub() -> Iterator[Stub]:
    server = _Server(("127.0.0.1", 0), _handler(Stub(port=0)))
    state = Stub(port=server.server_address[1])
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
        assert not thread.is_alive()


def _configure(monkeypatch: pytest.MonkeyPatch, base_url: str) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "OPENAI_BASE_URL", "OPENAI_API_BASE"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in ("LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGSMITH_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("VRN_LLM", "openai:stub-model")
    monkeypatch.setenv("VRN_LLM_BASE_URL", base_url)
    monkeypatch.setenv("VRN_LLM_TIMEOUT", str(TIMEOUT))
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")


@pytest.fixture
def phraser(stub: Stub, monkeypatch: pytest.MonkeyPatch) -> Phraser:
    """A Phraser over the real ChatOpenAI, built from the environment as the CLI does."""
    _configure(monkeypatch, stub.base_url)
    model = chat_model_from_env()
    assert model is not None
    return Phraser(model)


def _timed(phraser: Phraser, answer: Answer = ANSWER) -> tuple[Answer, float]:
    start = time.monotonic()
    phrased = phraser.phrase(answer)
    return phrased, time.monotonic() - start


def _assert_deterministic_with_note(phrased: Answer, answer: Answer, why: str) -> None:
    assert phrased.model_copy(update={"notes": answer.notes}) == answer
    assert phrased.notes == (*answer.notes, f"{NOT_USED}: {why}.")


def test_a_reworded_reply_citing_our_quotes_is_kept(stub: Stub, phraser: Phraser) -> None:
    stub.content = "DIVERT puts coaches in police custody suites [1]."
    phrased, seconds = _timed(phraser)
    assert phrased.text == "DIVERT puts coaches in police custody suites [1]."
    assert phrased.citations == ANSWER.citations
    assert phrased.recommended == ANSWER.recommended
    assert phrased.notes == ANSWER.notes
    assert seconds < TIMEOUT
    (request,) = stub.requests
    assert request["model"] == "stub-model"
    assert request["temperature"] == 0
    assert request["messages"][0] == {"role": "system", "content": INSTRUCTIONS}
    assert ANSWER.text in request["messages"][1]["content"]
    assert stub.headers[0]["authorization"] == "Bearer test-key"


def test_a_real_answer_is_reworded_with_its_citations(
    stub: Stub, phraser: Phraser, keyword_assistant: Assistant
) -> None:
    answer = keyword_assistant.ask("24 year old arrested in Blackburn for GBH", date(2020, 11, 15))
    assert answer.citations
    stub.mode = "reword"
    phrased, seconds = _timed(phraser, answer)
    assert phrased.text != answer.text
    assert phrased.text.startswith("In short: ")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", phrased.text)}
    assert cited and cited <= {c.number for c in answer.citations}
    assert phrased.model_copy(update={"text": answer.text}) == answer
    assert seconds < TIMEOUT


def test_a_slow_reply_gives_the_deterministic_answer_and_a_note(
    stub: Stub, phraser: Phraser
) -> None:
    stub.mode = "slow"
    phrased, seconds = _timed(phraser)
    _assert_deterministic_with_note(phrased, ANSWER, f"no reply within {TIMEOUT:g} s")
    assert TIMEOUT * 0.9 <= seconds < TIMEOUT + SLACK
    assert len(stub.requests) == 1  # no retries


@pytest.mark.parametrize("mode", ["drop-headers", "drop-body"])
def test_a_dropped_connection_gives_the_deterministic_answer_and_a_note(
    stub: Stub, phraser: Phraser, mode: str
) -> None:
    stub.mode = mode
    stub.content = "DIVERT puts coaches in police custody suites [1]."
    phrased, seconds = _timed(phraser)
    _assert_deterministic_with_note(phrased, ANSWER, "the connection to the server failed")
    assert seconds < TIMEOUT
    assert len(stub.requests) == 1


def test_sentences_citing_nothing_are_dropped(stub: Stub, phraser: Phraser) -> None:
    stub.content = "He should be fine. Call someone tomorrow."
    phrased, _ = _timed(phraser)
    assert phrased == ANSWER  # nothing checkable: the deterministic answer, and no note
    stub.content = "He should be fine. DIVERT puts coaches in police custody suites [1]."
    phrased, _ = _timed(phraser)
    assert phrased.text == "DIVERT puts coaches in police custody suites [1]."


def test_no_server_listening_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nothing listens on once the probe closes
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _configure(monkeypatch, f"http://127.0.0.1:{port}/v1")
    model = chat_model_from_env()
    assert model is not None
    phrased, seconds = _timed(Phraser(model))
    _assert_deterministic_with_note(phrased, ANSWER, "the server could not be reached")
    assert seconds < FAST


def test_a_garbage_reply_gives_a_note(stub: Stub, phraser: Phraser) -> None:
    stub.mode = "garbage"
    phrased, seconds = _timed(phraser)
    _assert_deterministic_with_note(phrased, ANSWER, "its reply could not be read")
    assert seconds < TIMEOUT


def test_an_http_error_gives_a_note_without_retrying(stub: Stub, phraser: Phraser) -> None:
    stub.mode = "error"
    phrased, seconds = _timed(phraser)
    _assert_deterministic_with_note(phrased, ANSWER, "the server answered with HTTP 500")
    assert seconds < TIMEOUT
    assert len(stub.requests) == 1


def test_the_emergency_answer_survives_a_failed_call(stub: Stub, phraser: Phraser) -> None:
    emergency = ANSWER.model_copy(update={"emergency": True, "notes": ("read as: age 24",)})
    stub.mode = "error"
    phrased, _ = _timed(phraser, emergency)
    _assert_deterministic_with_note(phrased, emergency, "the server answered with HTTP 500")
    assert phrased.notes[0] == "read as: age 24"
