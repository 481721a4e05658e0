"""benchmarks/claims.py keeps working (quick mode) and its answer key is read."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claims_bench", ROOT / "benchmarks" / "claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["claims_bench"] = module
    spec.loader.exec_module(module)
    return module


def test_the_answer_key_is_read_from_the_readme() -> None:
    bench = _module()
    key = bench.answer_key(bench.ANSWER_KEY.read_text(encoding="utf-8"))
    assert ("05", "ed-navigators", "place", "") in key
    assert ("09", "divert-youth", "age band", "10-17") in key
    assert ("11", "champions", "contact", "") in key
    assert not [unit for unit in key if unit[0] in {"12", "13"}]  # the distractors


def test_open_ended_bands_in_the_key_are_scored_as_claims_word_them() -> None:
    """A key row giving "adults 25 and over, and young people under 25" is two bands a
    reader can match, not one string no claim can equal."""
    bench = _module()
    key = bench.answer_key(bench.ANSWER_KEY.read_text(encoding="utf-8"))
    bands = {unit[3] for unit in key if unit[:3] == ("14", "operation-adder", "age band")}
    assert bands == {"25 and over", "up to 24"}


def test_quick_section_reports_every_kind_and_a_ratio(tmp_path: Path) -> None:
    title, lines = _module().section(True, tmp_path)
    assert title.startswith("Claims")
    table = "\n".join(lines)
    for kind in ("age band", "place", "status", "referral route", "contact"):
        assert f"| {kind} |" in table
    assert "4.00 would be exactly linear" in table
