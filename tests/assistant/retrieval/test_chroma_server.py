"""The index against a real `chroma run` server on loopback (client/server deployment)."""

from __future__ import annotations

import http.client
import http.server
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

from tests.assistant.conftest import SERVER_START, HashEmbeddings, MakeIndex, WriteDoc
from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.index import CorpusIndex, SearchMode

# One worker runs the whole module under `make test`: its server starts once.
pytestmark = [
    pytest.mark.server,
    pytest.mark.allow_hosts(["127.0.0.1", "::1"]),
    pytest.mark.xdist_group("chroma-server"),
]

CHROMA = Path(sys.executable).parent / "chroma"
START_TIMEOUT = 30.0
T = TypeVar("T")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _heartbeat(url: str) -> bool:
    # No proxies: the server is on loopback.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/api/v2/heartbeat", timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def chroma_run(folder: Path) -> Iterator[tuple[str, float]]:
    """Start `chroma run` on a free loopback port; yield (url, seconds it took to answer)."""
    if not CHROMA.exists():
        pytest.skip(f"{CHROMA} is missing: the chromadb package does not ship its server here")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = folder / "server.log"
    command = [str(CHROMA), "run", "--path", str(folder / "db"), "--host", "127.0.0.1"]
    with log_path.open("wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen([*command, "--port", str(port)], stdout=log, stderr=log)
        try:
            while not _heartbeat(url):
                if process.poll() is not None:
                    pytest.fail(f"chroma run exited with {process.returncode}: {log_path}")
                if time.perf_counter() - started > START_TIMEOUT:
                    pytest.fail(f"chroma run did not answer within {START_TIMEOUT} s: {log_path}")
                time.sleep(0.05)
            yield url, time.perf_counter() - started
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="session")
def chroma_url(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[str]:
    with chroma_run(tmp_path_factory.mktemp("chroma-server")) as (url, seconds):
        pytestconfig.stash[SERVER_START] = seconds
        yield url


def server_collections(url: str) -> set[str]:
    import chromadb
    from chromadb.config import Settings

    port = int(url.rsplit(":", 1)[1])
    client = chromadb.HttpClient(
        host="127.0.0.1", port=port, settings=Settings(anonymized_telemetry=False)
    )
    return {collection.name for collection in client.list_collections()}


@pytest.fixture
def docs(write_doc: WriteDoc) -> None:
    write_doc("youth.md", {"Who it is for": "Young people at risk of exploitation in Blackpool."})
    write_doc("knife.md", {"Sessions": "Workshops about carrying knives, for school pupils."})
    write_doc("family.md", {"Eligibility": "Parents of a child excluded from school."})


def test_ingest_search_and_reingest_through_the_server(
    docs: None,
    corpus: Path,
    write_doc: WriteDoc,
    make_index: MakeIndex,
    fake_embeddings: HashEmbeddings,
    chroma_url: str,
) -> None:
    index = make_index(chroma_url=chroma_url, collection_prefix="vrn-server-test")
    report = index.ingest([corpus])
    assert report.dense and index.dense_available and report.chunks == 3
    assert not (index.settings.path / "chroma").exists()  # vectors live on the server
    first = {c for c in server_collections(chroma_url) if c.startswith("vrn-server-test-")}
    assert len(first) == 1

    modes: tuple[SearchMode, ...] = ("lexical", "dense", "hybrid")
    for mode in modes:
        hits = index.search("knives for pupils", 2, mode=mode)
        assert hits[0].chunk.source == "corpus/knife.md"
    assert index.search("knives for pupils", 2)[0].ranks == {"lexical": 1, "dense": 1}

    fake_embeddings.texts_embedded = 0
    write_doc("knife.md", {"Sessions": "Boxing on Saturday mornings."})
    report = index.ingest([corpus])
    assert (report.updated, len(report.unchanged)) == (["corpus/knife.md"], 2)
    assert fake_embeddings.texts_embedded == 1  # the others' vectors were copied on the server
    assert index.search("boxing saturday", 1, mode="dense")[0].chunk.source == "corpus/knife.md"
    second = {c for c in server_collections(chroma_url) if c.startswith("vrn-server-test-")}
    assert len(second) == 1 and second != first  # the old collection was deleted

    reopened = CorpusIndex(index.settings, fake_embeddings)
    assert reopened.search("school", 3) == index.search("school", 3)


def test_indexes_sharing_a_server_leave_each_other_alone(
    docs: None, corpus: Path, tmp_path: Path, make_index: MakeIndex, chroma_url: str
) -> None:
    first = make_index(chroma_url=chroma_url, path=tmp_path / "first")
    second = make_index(chroma_url=chroma_url, path=tmp_path / "second")
    first.ingest([corpus])
    second.ingest([corpus])
    (corpus / "family.md").unlink()
    second.ingest([corpus])  # deletes its own previous collection only

    assert first.search("excluded from school", 1, mode="dense")[0].chunk.source == (
        "corpus/family.md"
    )
    assert second.search("excluded from school", 1, mode="dense")[0].chunk.source != (
        "corpus/family.md"
    )


def test_a_server_that_goes_away_is_a_clear_error(
    docs: None, corpus: Path, tmp_path: Path, make_index: MakeIndex
) -> None:
    with chroma_run(tmp_path) as (url, _):
        index = make_index(chroma_url=url)
        index.ingest([corpus])
        assert index.search("knives", 1, mode="dense")
    # Stopped: lexical search still works, anything dense says what is wrong.
    assert index.search("knives", 1, mode="lexical")[0].chunk.source == "corpus/knife.md"
    with pytest.raises(IndexUnavailable, match=f"^cannot reach the Chroma server at {url}: "):
        index.search("knives", 1)


# ---------------------------------------------------------------- servers that stop answering


@contextmanager
def silent_server(host: str = "127.0.0.1") -> Iterator[str]:
    """A TCP server on loopback that accepts every connection and never answers; yields its
    URL. Connections are held open until the block ends."""
    stop = threading.Event()
    held: list[socket.socket] = []
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.bind((host, 0))
    listener.listen(64)
    listener.settimeout(0.05)

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://{f'[{host}]' if ':' in host else host}:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


@contextmanager
def stalling_proxy(upstream: str, stall_on: str) -> Iterator[str]:
    """An HTTP proxy on loopback to `upstream` that never answers a request whose path ends
    with `stall_on` (and forwards every other one); yields its URL."""
    stop = threading.Event()
    host, port = upstream.removeprefix("http://").split(":")

    class Handler(http.server.BaseHTTPRequestHandler):
        def _forward(self) -> None:
            if self.path.split("?")[0].endswith(stall_on):
                stop.wait()
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
            finally:
                connection.close()
            self.send_response(response.status)
            self.send_header("Content-Type", response.getheader("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join()


def finishes_within(seconds: float, work: Callable[[], T]) -> tuple[T | BaseException, float]:
    """Run `work` in a thread; (its result or exception, seconds taken). Fails the test if it
    is still running after `seconds`, rather than hanging the run."""
    outcome: list[T | BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # handed back to the test
            outcome.append(error)

    started = time.perf_counter()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still running after {seconds} s"
    return outcome[0], time.perf_counter() - started


@pytest.mark.parametrize("stall_on", ["/add", "/query"])
def test_a_server_that_stops_answering_midway_fails_within_the_timeout(
    docs: None, corpus: Path, make_index: MakeIndex, chroma_url: str, stall_on: str
) -> None:
    with stalling_proxy(chroma_url, stall_on) as url:
        index = make_index(chroma_url=url, collection_prefix="vrn-stall", timeout=1.0)
        outcome: object
        if stall_on == "/add":
            outcome, elapsed = finishes_within(30, lambda: index.ingest([corpus]))
        else:
            index.ingest([corpus])  # adding answers; searching will not
            outcome, elapsed = finishes_within(30, lambda: index.search("knives", 1, mode="dense"))
    assert isinstance(outcome, IndexUnavailable), outcome
    assert str(outcome).startswith(f"cannot reach the Chroma server at {url}: ")
    assert elapsed < 5, f"took {elapsed:.1f} s with a 1 s timeout"


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_a_server_that_never_answers_fails_within_the_timeout(
    docs: None, corpus: Path, make_index: MakeIndex, host: str
) -> None:
    if ":" in host and not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    with silent_server(host) as url:
        index = make_index(chroma_url=url, timeout=1.0)
        outcome, elapsed = finishes_within(30, lambda: index.ingest([corpus]))
    assert isinstance(outcome, IndexUnavailable), outcome
    assert str(outcome) == f"cannot reach the Chroma server at {url}: timed out"
    assert elapsed < 3, f"took {elapsed:.1f} s with a 1 s timeout"
    assert not (index.settings.path / "manifest.json").exists()
