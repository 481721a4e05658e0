"""Our own practitioner questions, end to end (tests/assistant/cases/questions.yaml)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

from tests.conftest import ASSISTANT_CASES
from vrn_assistant import Assistant

CASES = yaml.safe_load((ASSISTANT_CASES / "questions.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[case["q"][:60] for case in CASES])
def test_question(assistant: Assistant, case: dict[str, Any]) -> None:
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(case["as_of"])
    answer = assistant.ask(case["q"], as_of)
    recommended = [programme.id for programme in answer.recommended]
    context = f"recommended {recommended}\n{answer.text}"
    if "first" in case:
        assert recommended[:1] == [case["first"]], context
    for programme_id in case.get("top3", []):
        assert programme_id in recommended[:3], context
    for programme_id in case.get("forbid", []):
        assert programme_id not in recommended, context
    for phrase in case.get("mentions", []):
        assert phrase.lower() in answer.text.lower(), context
    if "emergency" in case:
        assert answer.emergency is case["emergency"], context
