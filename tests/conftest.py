"""Shared test helpers: where the repository and the read-only shared material are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
SHARED = ROOT.parent / "shared"
ASSISTANT_CASES = ROOT / "tests" / "assistant" / "cases"
ASSISTANT_FIXTURES = ROOT / "tests" / "assistant" / "fixtures"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test: a user's clone has no ../shared."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared exists only in the VRN workspace)")
    return path
