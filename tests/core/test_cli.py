"""`vrn check`, `vrn export` and `vrn schema` as a user runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vrn_core.cli import EXIT_USAGE, run


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    real_in, real_err = sys.stdin, sys.stderr
    sys.stdin, sys.stderr = io.StringIO(stdin), err
    try:
        code = run(argv, out)
    finally:
        sys.stdin, sys.stderr = real_in, real_err
    return code, out.getvalue(), err.getvalue()


def test_check_with_options_prints_a_readable_ranking() -> None:
    code, out, _ = _run(
        [
            "check",
            "--age",
            "24",
            "--place",
            "Blackbun",
            "--setting",
            "police_custody",
            "--offence",
            "violent",
            "--as-of",
            "2020-11-15",
        ]
    )
    assert code == 0
    assert "Recommended\n  1. DIVERT: eligible" in out
    assert "Blackburn" in out
    assert "✓ 24 is within DIVERT's 18–25" in out


def test_check_reads_json_from_stdin_and_prints_json() -> None:
    case = {"age": 26, "place": "Preston", "setting": "police_custody", "offence": "violent"}
    code, out, _ = _run(
        ["check", "--case", "-", "--json", "--as-of", "2020-11-15"], json.dumps(case)
    )
    assert code == 0
    report = json.loads(out)
    divert = next(p for p in report["considered"] if p["id"] == "divert")
    assert divert["verdict"] == "not_eligible"
    assert divert["near_miss"] == "26 is above DIVERT's 18–25"


def test_options_override_json_facts() -> None:
    code, out, _ = _run(
        ["check", "--case", "-", "--age", "20", "--json", "--as-of", "2020-11-15"],
        '{"age": 40, "place": "Preston", "setting": "police_custody", "offence": "violent"}',
    )
    assert code == 0
    assert json.loads(out)["recommended"][0]["id"] == "divert"


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["check", "--case", "-"], "{not json", "case JSON is not valid"),
        (["check", "--case", "-"], "[1, 2]", "must be an object"),
        (["check", "--case", "-"], '{"age": -3}', "case field 'age'"),
        (["check", "--case", "-"], '{"favourite": 1}', "case field 'favourite'"),
        (["check", "--setting", "moon"], "", "invalid choice"),
        (["check", "--as-of", "yesterday"], "", "is not a date"),
        (["check", "--case", "/nonexistent/case.json"], "", "cannot read"),
        (["launch"], "", "invalid choice"),
    ],
)
def test_bad_input_gets_one_clear_line(argv: list[str], stdin: str, message: str) -> None:
    code, out, err = _run(argv, stdin)
    assert code == EXIT_USAGE
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "check",
                "--age",
                "--place",
                "--json",
                "--case",
                "-",
                "--role",
                "victim",
                "x",
                "--as-of",
                "2020-01-01",
                "99",
                "--issue",
            ]
        ),
        max_size=8,
    ),
    st.one_of(
        st.text(max_size=80),
        st.builds(
            json.dumps,
            st.dictionaries(
                st.sampled_from(["age", "place", "roles", "setting", "issues", "bogus"]),
                st.one_of(
                    st.integers(-5, 200), st.text(max_size=10), st.lists(st.text(max_size=8))
                ),
            ),
        ),
    ),
)
def test_arbitrary_input_never_gives_a_traceback(argv: list[str], stdin: str) -> None:
    try:
        code, _, err = _run(argv, stdin)
    except SystemExit as exit_:  # --help and friends
        code, err = int(exit_.code or 0), ""
    assert code in (0, 1, 2)
    assert "Traceback" not in err


def test_schema_command_prints_json_schema() -> None:
    code, out, _ = _run(["schema", "case"])
    assert code == 0
    assert "age" in json.loads(out)["properties"]


def test_python_dash_m_vrn_core_runs_without_the_assistant() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vrn_core",
            "check",
            "--age",
            "19",
            "--place",
            "Preston",
            "--setting",
            "police_custody",
            "--offence",
            "violent",
            "--as-of",
            "2020-11-15",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "DIVERT: eligible" in result.stdout


def test_piped_json_is_read_without_an_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vrn_core", "check", "--json", "--as-of", "2020-11-15"],
        input='{"age": 19, "place": "Preston", "setting": "police_custody", "offence": "violent"}',
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["recommended"][0]["id"] == "divert"


def test_as_of_takes_iso_and_uk_day_first_dates() -> None:
    iso = _run(["check", "--age", "24", "--as-of", "2020-11-15"])
    uk = _run(["check", "--age", "24", "--as-of", "15/11/2020"])
    assert iso == uk and iso[0] == 0
    code, _, err = _run(["check", "--age", "24", "--as-of", "31/02/2020"])
    assert code != 0 and "'31/02/2020' is not a date (use YYYY-MM-DD or DD/MM/YYYY)" in err


@pytest.mark.parametrize(
    ("case_json", "says"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"age": ' + "9" * 5000 + "}", "value that cannot be read"),
        ('{"age": true}', "age must be a whole number of years"),
        ('{"age": 24, "colour": "blue"}', "colour"),
    ],
    ids=["deep", "huge-int", "bool-age", "unknown-field"],
)
def test_hostile_case_json_is_one_clear_error(case_json: str, says: str) -> None:
    code, out, err = _run(["check", "--case", "-"], stdin=case_json)
    assert code != 0 and out == ""
    assert says in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_no_recommendation_is_never_followed_by_a_likely_eligible_programme() -> None:
    code, out, _ = _run(["check", "--age", "19", "--place", "Blackpool", "--as-of", "2020-11-15"])
    assert code == 0
    assert "No programme is recommended for these facts." in out
    not_relevant = out.split("Not relevant to these facts")[1]
    assert "likely eligible" not in not_relevant
    assert "  - DIVERT: not ruled out, but nothing known says it is for this person" in out


def test_an_eligible_verdict_has_nothing_left_to_check_in_its_checklist() -> None:
    # A father known to be serving a sentence is "in prison" whatever his setting is.
    argv = ["check", "--role", "prisoner", "--role", "parent", "--gender", "male"]
    code, out, _ = _run([*argv, "--place", "HMP Lancaster Farms", "--as-of", "2020-11-15"])
    assert code == 0
    block = out.split("Recommended\n")[1].split("\n\n")[0]
    assert block.startswith("  1. Strength Inside and Out: eligible\n")
    assert "?" not in block
    code, out, _ = _run(
        [*argv, "--place", "HMP Lancaster Farms", "--as-of", "2020-11-15", "--json"]
    )
    report = json.loads(out)["recommended"][0]
    assert report["verdict"] == "eligible"
    assert all(c["result"] == "met" for c in report["criteria"]) and report["missing"] == []
