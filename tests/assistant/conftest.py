"""Fixtures for the assistant's index tests: fake embeddings, a corpus writer, an index."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import pytest
from langchain_core.embeddings import Embeddings

from tests.conftest import KNOWLEDGE
from vrn_assistant import Assistant, AssistantSettings
from vrn_assistant.retrieval.index import CorpusIndex
from vrn_assistant.settings import IndexSettings

DIMENSIONS = 64
# Seconds the `chroma run` server took to answer, reported at the end of the run.
SERVER_START = pytest.StashKey[float]()
_WORD = re.compile(r"\w+")


class HashEmbeddings(Embeddings):
    """Deterministic bag-of-words vectors: each word adds +-1 to a hashed dimension.

    Texts sharing words point the same way, so dense search behaves plausibly.
    `texts_embedded` counts document texts; `fail_after` makes embed_documents
    raise `failure` once that many texts have been embedded.
    """

    def __init__(self) -> None:
        self.texts_embedded = 0
        self.queries = 0
        self.fail_after: int | None = None
        self.failure: BaseException = RuntimeError("embedding model crashed")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.fail_after is not None and self.texts_embedded + len(texts) > self.fail_after:
            raise self.failure
        self.texts_embedded += len(texts)
        return [_vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        self.queries += 1
        return _vector(text)


def _vector(text: str) -> list[float]:
    vector = [0.0] * DIMENSIONS
    for word in _WORD.findall(text.lower()):
        digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
        vector[digest[0] % DIMENSIONS] += 1.0 if digest[1] % 2 else -1.0
    norm = math.sqrt(sum(v * v for v in vector))
    if norm == 0:
        # Cosine distance needs a non-zero vector.
        return [1.0 / math.sqrt(DIMENSIONS)] * DIMENSIONS
    return [v / norm for v in vector]


class WriteDoc(Protocol):
    def __call__(
        self,
        name: str,
        sections: Mapping[str, str],
        *,
        title: str | None = None,
        as_of: str | None = None,
    ) -> Path: ...


def markdown(
    sections: Mapping[str, str], *, title: str | None = None, as_of: str | None = None
) -> str:
    front = {"title": title, "as_of": as_of}
    lines = [f"{key}: {value}" for key, value in front.items() if value is not None]
    head = ["---", *lines, "---", ""] if lines else []
    body = [f"## {heading}\n\n{text}\n" for heading, text in sections.items()]
    return "\n".join([*head, *body])


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    seconds = config.stash.get(SERVER_START, None)
    if seconds is not None:
        terminalreporter.write_line(
            f"chroma run answered its first heartbeat after {seconds:.2f} s"
        )


@pytest.fixture(autouse=True, scope="session")
def _hermetic_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Chroma and onnxruntime write caches under HOME; keep them out of the real one.
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        patch.setenv("ANONYMIZED_TELEMETRY", "False")
        yield


@pytest.fixture
def fake_embeddings() -> HashEmbeddings:
    return HashEmbeddings()


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty corpus folder, given relative to the working directory so that
    document sources read "corpus/<name>"."""
    monkeypatch.chdir(tmp_path)
    folder = Path("corpus")
    folder.mkdir()
    return folder


@pytest.fixture
def write_doc(corpus: Path) -> WriteDoc:
    """Write a Markdown document with `## ` sections (and optional front matter) into corpus."""

    def write(
        name: str,
        sections: Mapping[str, str],
        *,
        title: str | None = None,
        as_of: str | None = None,
    ) -> Path:
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown(sections, title=title, as_of=as_of), encoding="utf-8")
        return path

    return write


MakeIndex = Callable[..., CorpusIndex]


@pytest.fixture
def make_index(tmp_path: Path, fake_embeddings: HashEmbeddings) -> MakeIndex:
    """CorpusIndex on tmp_path/index (unless `path` is given); fake embeddings unless given."""

    def make(embeddings: Embeddings | None = fake_embeddings, **settings: object) -> CorpusIndex:
        settings.setdefault("path", tmp_path / "index")
        return CorpusIndex(IndexSettings(**settings), embeddings)  # type: ignore[arg-type]

    return make


@pytest.fixture
def index(make_index: MakeIndex) -> CorpusIndex:
    return make_index()


def build_assistant(tmp: Path, *sources: Path, dense: bool = True) -> Assistant:
    """An assistant over the shipped catalogue (plus `sources`), indexed in `tmp`."""
    settings = AssistantSettings(
        knowledge_dir=KNOWLEDGE,
        sources=tuple(sources),
        index=IndexSettings(path=tmp / "index"),
        dense=dense,
    )
    assistant = Assistant.from_settings(settings)
    assistant.ingest()
    return assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """One indexed assistant over the shipped corpus, shared by the answer tests."""
    return build_assistant(tmp_path_factory.mktemp("assistant"))
