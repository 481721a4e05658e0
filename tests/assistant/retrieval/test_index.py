"""The corpus index: ingest, incremental re-ingest, atomic switch, and search."""

from __future__ import annotations

import json
import math
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.assistant.conftest import HashEmbeddings, MakeIndex, WriteDoc, markdown
from vrn_assistant.errors import SettingError, UsageError
from vrn_assistant.retrieval.index import (
    CorpusIndex,
    IndexSettings,
    IndexUnavailable,
    SearchMode,
    tokenize,
)
from vrn_assistant.settings import DEFAULT_CHROMA_TIMEOUT

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

MODES: tuple[SearchMode, ...] = ("lexical", "dense", "hybrid")

YOUTH = {
    "Who it is for": "Young people aged 10 to 17 at risk of criminal exploitation in Blackpool.",
    "How to refer": "Schools and social workers refer through the online referral form.",
}
KNIFE = {
    "Sessions": "Workshops about carrying knives, for secondary school pupils in year 9.",
    "Where it runs": "Preston, Burnley and Lancaster.",
}
FAMILY = {
    "Eligibility": "Parents and carers of a child excluded from school in the last year.",
    "What happens": "A family worker visits at home every week for twelve weeks.",
}


@pytest.fixture
def three_docs(write_doc: WriteDoc) -> None:
    write_doc("youth.md", YOUTH, title="Youth Mentoring", as_of="2026-01-15")
    write_doc("knife.md", KNIFE, title="Knife Crime Education")
    write_doc("family.md", FAMILY, title="Family Support")


def top(index: CorpusIndex, query: str, mode: SearchMode = "hybrid") -> tuple[str, str]:
    hits = index.search(query, 3, mode=mode)
    assert hits, f"no hits for {query!r} in {mode} mode"
    return hits[0].chunk.source, hits[0].chunk.locator


def manifest(index: CorpusIndex) -> dict[str, object]:
    return json.loads((index.settings.path / "manifest.json").read_text())  # type: ignore[no-any-return]


def generations(index: CorpusIndex) -> list[str]:
    return sorted(p.name for p in (index.settings.path / "generations").iterdir())


def collections(index: CorpusIndex) -> list[str]:
    import chromadb
    from chromadb.config import Settings

    # The same settings as the index's client: Chroma shares one instance per path.
    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    client = chromadb.PersistentClient(path=str(index.settings.path / "chroma"), settings=settings)
    return sorted(c.name for c in client.list_collections())


# ---------------------------------------------------------------- first ingest and search


@pytest.mark.parametrize("mode", MODES)
def test_ingest_then_search_finds_the_right_chunk(
    three_docs: None, corpus: Path, index: CorpusIndex, mode: SearchMode
) -> None:
    index.ingest([corpus])
    assert top(index, "knives workshops for pupils", mode) == ("corpus/knife.md", "Sessions")
    assert top(index, "family worker visits at home", mode) == ("corpus/family.md", "What happens")
    assert top(index, "criminal exploitation Blackpool", mode) == (
        "corpus/youth.md",
        "Who it is for",
    )


def test_first_ingest_reports_and_keeps_chunk_fields(
    three_docs: None, corpus: Path, index: CorpusIndex
) -> None:
    calls: list[tuple[int, int, str]] = []
    report = index.ingest([corpus], progress=lambda *call: calls.append(call))

    names = ["corpus/family.md", "corpus/knife.md", "corpus/youth.md"]
    assert report.added == names
    assert (report.updated, report.unchanged, report.removed, report.skipped) == ([], [], [], [])
    assert report.chunks == 6 == len(index.chunks())
    assert report.dense and index.dense_available
    assert calls == [(1, 3, names[0]), (2, 3, names[1]), (3, 3, names[2])]

    chunk = index.get(index.search("Blackpool", 1, mode="lexical")[0].chunk.id)
    assert (chunk.title, chunk.as_of and chunk.as_of.isoformat()) == (
        "Youth Mentoring",
        "2026-01-15",
    )
    with pytest.raises(KeyError, match="no chunk 'nope'"):
        index.get("nope")


def test_search_scores_and_ranks_per_mode(
    three_docs: None, corpus: Path, index: CorpusIndex
) -> None:
    index.ingest([corpus])
    lexical = index.search("knives", 2, mode="lexical")
    assert [dict(h.ranks) for h in lexical] == [{"lexical": 1}]  # only one chunk has the word
    assert lexical[0].score == index.search_lexical("knives", 1)[0][1]

    dense = index.search("knives", 2, mode="dense")
    assert [dict(h.ranks) for h in dense] == [{"dense": 1}, {"dense": 2}]
    assert [(h.chunk.id, h.score) for h in dense] == index.search_dense("knives", 2)
    assert -1.0 <= dense[1].score <= dense[0].score <= 1.0

    hybrid = index.search("knives", 2)
    assert hybrid[0].ranks == {"lexical": 1, "dense": 1}
    assert hybrid[0].score == pytest.approx(2 / 61)


def test_hybrid_puts_a_chunk_found_by_both_above_chunks_found_by_one(
    three_docs: None, corpus: Path, index: CorpusIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.ingest([corpus])
    lexical = [chunk_id for chunk_id, _ in index.search_lexical("school", 10)]
    assert len(lexical) == 2  # two chunks mention school
    others = [c.id for c in index.chunks() if c.id not in lexical]
    # Dense agrees with lexical only on lexical's last chunk.
    dense = [others[0], lexical[-1], others[1]]
    monkeypatch.setattr(index, "search_dense", lambda query, k: [(i, 0.5) for i in dense])

    hits = index.search("school", 5)
    assert hits[0].chunk.id == lexical[-1]
    assert hits[0].ranks == {"lexical": 2, "dense": 2}
    assert all(len(hit.ranks) == 1 for hit in hits[1:])
    # Between chunks found once, rank decides, then id.
    assert [hit.chunk.id for hit in hits[1:3]] == sorted([lexical[0], others[0]])


def test_boost_ids_are_fused_in_as_one_more_ranking(
    three_docs: None, corpus: Path, index: CorpusIndex
) -> None:
    index.ingest([corpus])
    family = [c.id for c in index.chunks() if c.source == "corpus/family.md"]
    ((burnley, _),) = index.search_lexical("Burnley", 3)

    hits = index.search("Burnley", 3, mode="lexical", boost_ids=["unknown-id", *family])

    assert {hit.chunk.id: dict(hit.ranks) for hit in hits} == {
        burnley: {"lexical": 1},
        family[0]: {"boost": 1},
        family[1]: {"boost": 2},
    }
    assert hits[2].chunk.id == family[1]
    assert hits[2].score == pytest.approx(1 / 62)


def test_search_edge_cases(three_docs: None, corpus: Path, index: CorpusIndex) -> None:
    assert index.search("anything", 3) == [] and index.chunks() == []  # nothing ingested yet
    index.ingest([corpus])
    assert index.search("   ", 3) == []
    assert index.search("the and of", 3, mode="lexical") == []  # stopwords only
    assert index.search_lexical("zzzunknown", 3) == []
    assert len(index.search("school", 50)) == 6  # k above the corpus size: all chunks
    with pytest.raises(ValueError, match="k must be at least 1"):
        index.search("school", 0)
    with pytest.raises(ValueError, match="mode must be one of"):
        index.search("school", 3, mode="fuzzy")  # type: ignore[arg-type]


def test_tokenize_lowercases_and_drops_stopwords() -> None:
    assert tokenize("The Youth-Mentoring scheme, for 10 to 17s!") == [
        "youth",
        "mentoring",
        "scheme",
        "10",
        "17s",
    ]


# ---------------------------------------------------------------- incremental re-ingest


def test_reingest_without_changes_touches_nothing(
    three_docs: None, corpus: Path, index: CorpusIndex, fake_embeddings: HashEmbeddings
) -> None:
    index.ingest([corpus])
    before = (index.settings.path / "manifest.json").stat()
    embedded = fake_embeddings.texts_embedded

    report = index.ingest([corpus])

    assert report.unchanged == ["corpus/family.md", "corpus/knife.md", "corpus/youth.md"]
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert fake_embeddings.texts_embedded == embedded
    after = (index.settings.path / "manifest.json").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert report.seconds < 1


def test_incremental_reingest_embeds_only_new_and_changed_documents(
    three_docs: None,
    corpus: Path,
    write_doc: WriteDoc,
    index: CorpusIndex,
    fake_embeddings: HashEmbeddings,
) -> None:
    index.ingest([corpus])
    old = manifest(index)
    youth_ids = [c.id for c in index.chunks() if c.source == "corpus/youth.md"]
    fake_embeddings.texts_embedded = 0

    write_doc("knife.md", {"Sessions": "Boxing sessions on Saturday mornings."}, title="Knife")
    (corpus / "family.md").unlink()
    write_doc("sport/football.md", {"Kick about": "Football coaching in Fleetwood parks."})
    report = index.ingest([corpus])

    assert report.added == ["corpus/sport/football.md"]
    assert report.updated == ["corpus/knife.md"]
    assert report.unchanged == ["corpus/youth.md"]
    assert report.removed == ["corpus/family.md"]
    assert report.chunks == 4
    assert fake_embeddings.texts_embedded == 2  # one chunk each for knife.md and football.md

    assert {c.source for c in index.chunks()} == {
        "corpus/knife.md",
        "corpus/sport/football.md",
        "corpus/youth.md",
    }
    assert [c.id for c in index.chunks() if c.source == "corpus/youth.md"] == youth_ids
    assert index.search_lexical("workshops knives", 5) == []  # the old knife text is gone
    for mode in MODES:
        assert top(index, "boxing on saturday", mode) == ("corpus/knife.md", "Sessions")
        assert top(index, "exploitation in Blackpool", mode)[0] == "corpus/youth.md"
        assert all(h.chunk.source != "corpus/family.md" for h in index.search("family", 10))

    # The old generation and its collection are gone; the copied vectors are identical.
    new = manifest(index)
    assert generations(index) == [new["generation"]]
    assert collections(index) == [new["collection"]]
    assert new["generation"] != old["generation"]


def test_copied_vectors_equal_the_original_ones(
    three_docs: None, corpus: Path, write_doc: WriteDoc, index: CorpusIndex
) -> None:
    index.ingest([corpus])
    query = "young people referral form"
    before = dict(index.search_dense(query, 6))
    write_doc("other.md", {"Other": "Unrelated gardening club."})
    index.ingest([corpus])
    after = dict(index.search_dense(query, 7))
    assert {i: pytest.approx(s, abs=1e-6) for i, s in before.items()} == {
        i: s for i, s in after.items() if i in before
    }


# ---------------------------------------------------------------- bad files


def test_bad_files_are_reported_and_the_rest_is_indexed(
    three_docs: None, corpus: Path, make_index: MakeIndex
) -> None:
    (corpus / "binary.md").write_bytes(b"## Heading\n\x00\x01\x02 binary")
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "latin1.md").write_bytes("## Caf\u00e9\n\nCaf\u00e9 cr\u00e8me.".encode("latin-1"))
    (corpus / "huge.md").write_text(markdown({"Big": "word " * 1000}))
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    index = make_index(max_bytes=3000)

    report = index.ingest([corpus])

    reasons = {skipped.path: skipped.reason for skipped in report.skipped}
    assert sorted(reasons) == [
        "corpus/binary.md",
        "corpus/empty.md",
        "corpus/huge.md",
        "corpus/latin1.md",
        "corpus/notes.docx",
    ]
    assert "binary" in reasons["corpus/binary.md"]
    assert "empty" in reasons["corpus/empty.md"]
    assert "too large" in reasons["corpus/huge.md"]
    assert "UTF-8" in reasons["corpus/latin1.md"]
    assert "unsupported file type .docx" in reasons["corpus/notes.docx"]
    assert report.added == ["corpus/family.md", "corpus/knife.md", "corpus/youth.md"]
    assert top(index, "knives") == ("corpus/knife.md", "Sessions")

    # A good document that turns bad is skipped and no longer served.
    (corpus / "knife.md").write_bytes(b"\xff\xfe broken")
    report = index.ingest([corpus])
    assert report.removed == ["corpus/knife.md"]
    assert "corpus/knife.md" in {skipped.path for skipped in report.skipped}
    assert index.search_lexical("knives", 3) == []


# ---------------------------------------------------------------- failures keep the old index


@pytest.mark.parametrize("failure", [RuntimeError("model crashed"), KeyboardInterrupt()])
def test_interrupted_ingest_keeps_serving_the_previous_generation(
    three_docs: None,
    corpus: Path,
    write_doc: WriteDoc,
    index: CorpusIndex,
    fake_embeddings: HashEmbeddings,
    failure: BaseException,
) -> None:
    index.ingest([corpus])
    manifest_bytes = (index.settings.path / "manifest.json").read_bytes()
    kept = generations(index)
    kept_collections = collections(index)
    expected = {mode: top(index, "knives for pupils", mode) for mode in MODES}

    # Two large new documents: the first batch is added, the second one fails to embed.
    write_doc("a-long.md", {f"Part {i}": f"Knives section number {i}." for i in range(300)})
    write_doc("b-long.md", {f"Part {i}": f"Pupils section number {i}." for i in range(300)})
    write_doc("knife.md", {"Sessions": "Rewritten."})
    fake_embeddings.texts_embedded = 0
    fake_embeddings.fail_after = 400
    fake_embeddings.failure = failure
    progress: list[str] = []
    with pytest.raises(type(failure)):
        index.ingest([corpus], progress=lambda done, total, source: progress.append(source))
    assert progress == ["corpus/a-long.md"]  # it did fail midway

    assert (index.settings.path / "manifest.json").read_bytes() == manifest_bytes
    assert generations(index) == kept
    assert collections(index) == kept_collections
    assert list((index.settings.path).glob("manifest.json.*")) == []
    for mode, result in expected.items():
        assert top(index, "knives for pupils", mode) == result
        reopened = CorpusIndex(index.settings, fake_embeddings)
        assert top(reopened, "knives for pupils", mode) == result

    fake_embeddings.fail_after = None
    report = index.ingest([corpus])
    assert report.added == ["corpus/a-long.md", "corpus/b-long.md"]
    assert report.updated == ["corpus/knife.md"]


def test_damaged_state_is_reported_and_rebuilt_by_ingest(
    three_docs: None, corpus: Path, index: CorpusIndex
) -> None:
    index.ingest([corpus])
    (index.settings.path / "manifest.json").write_text("{not json")
    fresh = CorpusIndex(index.settings, None)
    with pytest.raises(IndexUnavailable, match="is damaged"):
        fresh.search("knives", 3)
    report = fresh.ingest([corpus])
    assert len(report.added) == 3
    assert top(fresh, "knives") == ("corpus/knife.md", "Sessions")


def _downgrade(index: CorpusIndex) -> None:
    """Rewrite the index as versions before roots were recorded wrote it (format 1)."""
    path = index.settings.path / "manifest.json"
    data = json.loads(path.read_text())
    documents = {
        d["source"]: {"hash": d["hash"], "chunk_ids": d["chunk_ids"]} for d in data["documents"]
    }
    old = {key: data[key] for key in ("generation", "collection", "embedding_model")}
    path.write_text(json.dumps({**old, "documents": documents}))
    chunks = index.settings.path / "generations" / data["generation"] / "chunks.jsonl"
    lines = [json.loads(line) for line in chunks.read_text().splitlines()]
    for line in lines:
        del line["root"], line["path"]
    chunks.write_text("".join(json.dumps(line) + "\n" for line in lines))


def test_an_index_from_before_roots_loads_and_the_next_ingest_rebuilds_it(
    three_docs: None, corpus: Path, index: CorpusIndex, fake_embeddings: HashEmbeddings
) -> None:
    index.ingest([corpus])
    _downgrade(index)
    old = CorpusIndex(index.settings, fake_embeddings)

    # It loads, serving nothing: the CLI and the app ingest when the index is empty.
    assert old.outdated and old.chunks() == [] and old.search("knives", 3) == []
    fake_embeddings.texts_embedded = 0
    report = old.ingest([corpus])

    assert report.unchanged == ["corpus/family.md", "corpus/knife.md", "corpus/youth.md"]
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert fake_embeddings.texts_embedded == 6  # the chunks are new, so are their vectors
    assert not old.outdated and manifest(old)["format"] == 2
    root = (Path.cwd() / "corpus").as_posix()
    assert {(c.root, c.path) for c in old.chunks()} == {
        (root, "family.md"),
        (root, "knife.md"),
        (root, "youth.md"),
    }
    for mode in MODES:
        assert top(old, "knives for pupils", mode) == ("corpus/knife.md", "Sessions")
    assert generations(old) == [manifest(old)["generation"]]
    assert collections(old) == [manifest(old)["collection"]]
    assert not old.ingest([corpus]).added  # and from now on it is incremental


def test_the_same_folder_given_by_another_path_keeps_its_chunks_and_vectors(
    three_docs: None,
    corpus: Path,
    index: CorpusIndex,
    fake_embeddings: HashEmbeddings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index.ingest([corpus])
    ids = [c.id for c in index.chunks()]
    before = dict(index.search_dense("young people referral form", 6))
    embedded = fake_embeddings.texts_embedded
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # "corpus" now names another (missing) folder

    report = index.ingest([tmp_path / "corpus"])

    shown = (tmp_path / "corpus").as_posix()
    assert report.unchanged == [f"{shown}/family.md", f"{shown}/knife.md", f"{shown}/youth.md"]
    assert (report.added, report.updated, report.removed) == ([], [], [])
    assert fake_embeddings.texts_embedded == embedded  # vectors copied, not embedded again
    assert sorted(c.id for c in index.chunks()) == sorted(ids)
    assert {c.source for c in index.chunks()} == set(report.unchanged)
    after = dict(index.search_dense("young people referral form", 6))
    assert {i: pytest.approx(s, abs=1e-6) for i, s in before.items()} == after
    assert top(index, "knives", "lexical") == (f"{shown}/knife.md", "Sessions")


# ---------------------------------------------------------------- modes, persistence, settings


def test_lexical_only_index_works_without_a_model(
    three_docs: None, corpus: Path, make_index: MakeIndex
) -> None:
    index = make_index(embeddings=None)
    report = index.ingest([corpus])

    assert not report.dense and not index.dense_available
    assert not (index.settings.path / "chroma").exists()
    assert manifest(index)["collection"] is None
    assert index.search_dense("knives", 3) == []
    assert top(index, "knives", "hybrid") == ("corpus/knife.md", "Sessions")
    assert index.search("knives", 3, mode="dense") == []


def test_a_model_arriving_later_builds_the_vectors(
    three_docs: None, corpus: Path, make_index: MakeIndex, fake_embeddings: HashEmbeddings
) -> None:
    make_index(embeddings=None).ingest([corpus])
    index = make_index()
    assert not index.dense_available  # the serving generation has no vectors yet

    report = index.ingest([corpus])

    assert len(report.unchanged) == 3 and report.dense and index.dense_available
    assert fake_embeddings.texts_embedded == 6
    assert top(index, "knives for pupils", "dense") == ("corpus/knife.md", "Sessions")
    # Without the model again: nothing changed, so the vectors stay for later.
    assert make_index(embeddings=None).ingest([corpus]).dense


def test_a_new_instance_serves_the_persisted_index(
    three_docs: None,
    corpus: Path,
    write_doc: WriteDoc,
    index: CorpusIndex,
    fake_embeddings: HashEmbeddings,
) -> None:
    write_doc("café.md", {"Carte": "Crème brûlée for the Ōsaka exchange group."})
    index.ingest([corpus])
    reopened = CorpusIndex(IndexSettings(path=index.settings.path), fake_embeddings)
    assert reopened.chunks() == index.chunks()
    assert top(reopened, "brûlée ōsaka", "lexical") == ("corpus/café.md", "Carte")
    for mode in MODES:
        expected = index.search("school pupils", 4, mode=mode)
        assert reopened.search("school pupils", 4, mode=mode) == expected


def test_an_ingest_by_another_instance_is_picked_up(
    three_docs: None, corpus: Path, write_doc: WriteDoc, make_index: MakeIndex
) -> None:
    serving, ingesting = make_index(), make_index()
    ingesting.ingest([corpus])
    assert top(serving, "knives") == ("corpus/knife.md", "Sessions")

    write_doc("knife.md", {"Sessions": "Boxing on Saturdays."})
    ingesting.ingest([corpus])
    for mode in MODES:
        assert top(serving, "boxing saturdays", mode) == ("corpus/knife.md", "Sessions")


def test_concurrent_searches_agree(three_docs: None, corpus: Path, index: CorpusIndex) -> None:
    index.ingest([corpus])
    expected = [h.chunk.id for h in index.search("school pupils", 4)]
    results: list[list[str]] = []

    def worker() -> None:
        for _ in range(20):
            results.append([h.chunk.id for h in index.search("school pupils", 4)])

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 80


def test_settings_from_env_and_validation(tmp_path: Path) -> None:
    assert IndexSettings.from_env({}) == IndexSettings(path=Path("var/index"))
    env = {"VRN_INDEX_DIR": str(tmp_path), "VRN_CHROMA_URL": "http://127.0.0.1:8123"}
    assert IndexSettings.from_env(env) == IndexSettings(tmp_path, "http://127.0.0.1:8123")
    assert IndexSettings.from_env({"VRN_CHROMA_URL": ""}).chroma_url is None
    with pytest.raises(ValueError, match="must look like http://HOST:PORT"):
        IndexSettings(chroma_url="127.0.0.1:8000")
    with pytest.raises(ValueError, match="invalid port"):
        IndexSettings(chroma_url="http://127.0.0.1:99999")
    with pytest.raises(ValueError, match="collection_prefix"):
        IndexSettings(collection_prefix="-bad")


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1", "must look like http://HOST:PORT"),
        ("ftp://x", "must look like http://HOST:PORT"),
        ("localhost:8000", "must look like http://HOST:PORT"),
        ("http://", "must look like http://HOST:PORT"),
        ("http://host:99999", "invalid port"),
        ("http://host:0", "invalid port"),
        ("http://host:port", "invalid port"),
        ("http://host:8000/chroma", "only a scheme, host and port"),
        ("http://user:secret@host:8000", "only a scheme, host and port"),
    ],
)
def test_a_malformed_chroma_url_is_a_setting_error_naming_it(url: str, problem: str) -> None:
    for where in ("code", "environment"):
        with pytest.raises(SettingError) as caught:
            if where == "code":
                IndexSettings(chroma_url=url)
            else:
                IndexSettings.from_env({"VRN_CHROMA_URL": url})
        message = str(caught.value)
        assert "VRN_CHROMA_URL" in message and repr(url) in message and problem in message
        assert "\n" not in message
    assert issubclass(SettingError, UsageError) and issubclass(SettingError, ValueError)


def test_the_chroma_timeout_setting() -> None:
    assert IndexSettings().timeout == IndexSettings.from_env({}).timeout == DEFAULT_CHROMA_TIMEOUT
    assert 1 <= DEFAULT_CHROMA_TIMEOUT <= 10
    assert IndexSettings.from_env({"VRN_CHROMA_TIMEOUT": " 2.5 "}).timeout == 2.5
    assert IndexSettings.from_env({"VRN_CHROMA_TIMEOUT": ""}).timeout == DEFAULT_CHROMA_TIMEOUT
    for raw in ["soon", "0", "-1", "nan", "inf", "1e999"]:
        with pytest.raises(SettingError, match=f"^VRN_CHROMA_TIMEOUT={raw!r}: "):
            IndexSettings.from_env({"VRN_CHROMA_TIMEOUT": raw})
    for bad in [0.0, -1.0, math.inf, math.nan]:
        with pytest.raises(SettingError, match="VRN_CHROMA_TIMEOUT"):
            IndexSettings(timeout=bad)


def test_an_unreachable_chroma_server_is_a_clear_error(
    three_docs: None, corpus: Path, make_index: MakeIndex
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    index = make_index(chroma_url=url)

    with pytest.raises(IndexUnavailable) as caught:
        index.ingest([corpus])

    message = str(caught.value)
    assert message.startswith(f"cannot reach the Chroma server at {url}: ")
    assert "\n" not in message
    assert not (index.settings.path / "manifest.json").exists()
    assert index.search("knives", 3) == []


# ---------------------------------------------------------------- the real embedding model


def test_real_minilm_embeddings_find_a_paraphrase(
    three_docs: None, corpus: Path, make_index: MakeIndex
) -> None:
    embeddings = pytest.importorskip("vrn_assistant.retrieval.embeddings")
    model = embeddings.MiniLMEmbeddings()
    try:
        model.load()
    except embeddings.EmbeddingModelMissing as missing:
        pytest.skip(f"embedding model not installed: {missing}")
    index = make_index(embeddings=model)
    report = index.ingest([corpus])
    assert report.dense and index.dense_available

    # No word in common with the knife section: only the dense side can find it.
    query = "lessons on blades and weapons for teenagers"
    assert index.search_lexical(query, 3) == []
    assert top(index, query, "dense") == ("corpus/knife.md", "Sessions")
    assert top(index, query, "hybrid") == ("corpus/knife.md", "Sessions")
    assert manifest(index)["embedding_model"] == model.model_name


def test_a_search_racing_an_ingest_retries_on_the_new_generation(
    three_docs: None,
    corpus: Path,
    write_doc: WriteDoc,
    make_index: MakeIndex,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serving, ingesting = make_index(), make_index()
    ingesting.ingest([corpus])
    # Lexical: the serving generation is read, but its vectors not yet (once read, they are
    # held in memory and the old generation answers consistently, with nothing to retry).
    assert top(serving, "knives", "lexical") == ("corpus/knife.md", "Sessions")
    write_doc("knife.md", {"Sessions": "Boxing on Saturdays."})
    original = serving._serving_collection

    def late(state: Any) -> Any:
        # The switch lands between the reader's freshness check and its Chroma query.
        monkeypatch.setattr(serving, "_serving_collection", original)
        collection = original(state)
        ingesting.ingest([corpus])  # drops the collection just handed out
        return collection

    monkeypatch.setattr(serving, "_serving_collection", late)
    assert top(serving, "boxing saturdays", "dense") == ("corpus/knife.md", "Sessions")


def test_a_pinned_reader_serves_one_generation_and_checks_the_manifest_once(
    three_docs: None,
    corpus: Path,
    write_doc: WriteDoc,
    make_index: MakeIndex,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serving, ingesting = make_index(), make_index()
    ingesting.ingest([corpus])
    store = serving._store
    checks: list[object] = []
    stamp = store.stamp
    monkeypatch.setattr(store, "stamp", lambda: checks.append(None) or stamp())
    with serving.pinned():  # one answer's reads
        assert top(serving, "knives", "lexical") == ("corpus/knife.md", "Sessions")
        write_doc("knife.md", {"Sessions": "Boxing on Saturdays."})
        ingesting.ingest([corpus])  # another process switches generations mid-answer
        assert top(serving, "knives", "lexical") == ("corpus/knife.md", "Sessions")
        assert serving.search_lexical("boxing saturdays", 3) == []
        assert serving.generation != ingesting.generation
    assert len(checks) <= 2  # on entering the pin (and once more to load on first use)
    assert top(serving, "boxing saturdays", "lexical") == ("corpus/knife.md", "Sessions")
    assert serving.generation == ingesting.generation
