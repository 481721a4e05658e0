"""benchmarks/danger.py keeps working (quick mode) and never shows a sealed message."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("danger_bench", ROOT / "benchmarks" / "danger.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_quick_section_reports_each_sealed_part_and_a_ratio_and_no_message(
    bench: ModuleType, tmp_path: Path
) -> None:
    title, lines = bench.section(True, tmp_path)
    assert title.startswith("Danger check by sense")
    text = "\n".join(lines)
    if text.startswith("Not measured"):
        pytest.skip(text)
    for name in bench.SETS:
        if (bench.BLIND / f"{name}-sealed.jsonl").exists():
            assert f"| {name} | {bench.QUICK_MESSAGES} |" in text
    assert "| word lists alone |" in text and "| 1.00 |" in text
    sealed = bench.BLIND / "safety-sealed.jsonl"
    if sealed.exists():
        first = json.loads(sealed.read_text("utf-8").splitlines()[0])
        assert first["text"] not in text and first["id"] not in text
