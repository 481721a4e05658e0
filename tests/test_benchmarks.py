"""The benchmark script keeps working (a smoke run at small sizes; not a timed test)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_benchmarks_run_at_small_sizes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for heading in (
        "## Core rules",
        "## Retrieval quality",
        "## Answer latency",
        "## Semantic reader",
        "## Claims from added documents",
        "## Reliability under hostile input",
        "## The partners' HTTP API under load",
    ):
        assert heading in result.stdout
    assert "| hybrid |" in result.stdout
