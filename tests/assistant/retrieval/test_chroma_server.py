"""The index against a real `chroma run` server on loopback (client/server deployment)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.assistant.conftest import SERVER_START, HashEmbeddings, MakeIndex, WriteDoc
from vrn_assistant.errors import IndexUnavailable
from vrn_assistant.retrieval.index import CorpusIndex, SearchMode

pytestmark = [pytest.mark.server, pytest.mark.allow_hosts(["127.0.0.1"])]

CHROMA = Path(sys.executable).parent / "chroma"
START_TIMEOUT = 30.0


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
