"""Hostile JSON: any JSON value (or text that is not JSON) piped to `vrn check --case -`,
and any lines in a `vrn ask --batch` file. Only the project's own errors may escape,
and the command says what is wrong in one line with a non-zero exit.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.assistant.conftest import build_assistant
from vrn_assistant import Assistant
from vrn_assistant.interfaces import cli
from vrn_core import Case
from vrn_core.cli import run
from vrn_core.errors import VrnError

ANY_CHARACTER = st.characters(codec=None, exclude_categories=())
TEXT = st.text(ANY_CHARACTER, max_size=40)
KEYS = st.sampled_from([*Case.model_fields, "question", "id", "as_of"]) | TEXT
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()  # NaN and the infinities too: Python's json writes and reads them
    | TEXT
    | st.sampled_from(["2020-11-15", "15/11/2020", "police_custody", "Preston", "victim"])
)
JSON: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=25,
)
DEEP = "[" * 100_000 + "]" * 100_000
HOSTILE = settings(
    max_examples=150,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _dumps(value: Any, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


def _one_line_error(code: int, err: str) -> None:
    assert code != 0
    assert err.startswith("vrn: error: "), err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def _run(argv: list[str], stdin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", io.StringIO(stdin))
        patch.setattr(sys, "stderr", err)
        code = run(argv, out)
    return code, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------- vrn check --case -


@HOSTILE
@given(value=JSON, ascii_only=st.booleans())
@example(value={"age": float("nan"), "place": "\udcff"}, ascii_only=True)
def test_check_reads_any_json_or_says_why_not(value: Any, ascii_only: bool) -> None:
    code, out, err = _run(
        ["check", "--case", "-", "--as-of", "2020-11-15"], _dumps(value, ascii_only)
    )
    if code == 0:
        assert out.startswith("As of 2020-11-15") and err == ""
    else:
        _one_line_error(code, err)


@HOSTILE
@given(text=st.text(ANY_CHARACTER, max_size=200))
@example(text=DEEP)
@example(text="{" * 50_000)
@example(text='{"age": ' + "9" * 5000 + "}")  # longer than int() reads
@example(text="")
def test_check_reads_any_text_or_says_why_not(text: str) -> None:
    code, _, err = _run(["check", "--case", "-", "--as-of", "2020-11-15"], text)
    if code != 0:
        _one_line_error(code, err)


# ---------------------------------------------------------------- vrn ask --batch


CASES = st.fixed_dictionaries(
    {"question": TEXT | JSON},
    optional={
        "id": JSON,
        "as_of": JSON | st.dates().map(date.isoformat) | st.just("31/02/2020"),
        "extra": JSON,
    },
)
LINES = st.lists(
    st.builds(_dumps, CASES | JSON, st.booleans()) | st.text(ANY_CHARACTER, max_size=60),
    max_size=4,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-batch")


@pytest.fixture(scope="module")
def lexical(folder: Path) -> Assistant:
    return build_assistant(folder, dense=False)


def _write(folder: Path, lines: list[str]) -> Path:
    path = folder / "cases.jsonl"
    # surrogatepass: a line holding a lone surrogate becomes bytes that are not UTF-8.
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    return path


@HOSTILE
@given(lines=LINES)
@example(lines=[DEEP])
@example(lines=['{"question": ' + "9" * 5000 + "}"])
@example(lines=['{"question": "hi", "as_of": 5}', '{"question": "hi", "as_of": []}'])
@example(lines=['{"question": "hi\u2028there"}'])
def test_the_batch_reader_yields_cases_or_a_case_error(folder: Path, lines: list[str]) -> None:
    path = _write(folder, lines)
    try:
        cases = list(cli._batch(path))
    except VrnError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return
    for case_id, question, as_of in cases:
        assert isinstance(case_id, str) and isinstance(question, str)
        assert as_of is None or isinstance(as_of, date)


@HOSTILE
@given(lines=LINES)
@example(lines=[DEEP])
@example(lines=['{"id": "a", "question": "19 year old in Preston custody \\udcff"}'])
@example(lines=['{"id": "\\udcff", "question": "hi"}', '{"id": ["\\ud800"], "question": "hi"}'])
@example(lines=['{"question": "' + "x" * 2001 + '"}'])
def test_ask_batch_answers_every_line_or_says_which_is_bad(
    folder: Path, lexical: Assistant, lines: list[str]
) -> None:
    path = _write(folder, lines)
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_assistant", lambda sources, **_: lexical)
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        code = cli.main(["ask", "--batch", str(path)])
    if code != 0:
        _one_line_error(code, err.getvalue())
        return
    printed = out.getvalue()
    printed.encode("utf-8")  # a real stdout could write it
    records = [json.loads(line) for line in printed.splitlines()]
    written = "\n".join(lines).split("\n")
    assert len(records) == sum(1 for line in written if line.strip())
    assert all(record["text"] for record in records)


def test_strategies_reach_the_interesting_cases() -> None:
    """A guard on the strategies themselves: they do produce cases with a text question."""
    found: list[Any] = []

    @settings(max_examples=200, database=None)
    @given(CASES)
    def collect(case: dict[str, Any]) -> None:
        if isinstance(case["question"], str):
            found.append(case)

    collect()
    assert found
