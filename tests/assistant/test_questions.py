"""Our own practitioner questions, end to end (tests/assistant/cases/questions.yaml)."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from tests.conftest import ASSISTANT_CASES
from vrn_assistant import Assistant


class QuestionCase(BaseModel):
    """One question and what its answer must show; a misspelt key fails, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    as_of: date
    first: str | None = None
    top3: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    emergency: bool | None = None


def _load(text: str) -> list[QuestionCase]:
    return [QuestionCase.model_validate(raw) for raw in yaml.safe_load(text)]


CASES = _load((ASSISTANT_CASES / "questions.yaml").read_text())


def test_a_misspelt_key_fails_the_case_file() -> None:
    with pytest.raises(ValidationError, match="forbidden"):
        _load("- {q: a question, as_of: 2020-11-15, forbidden: [divert]}")


@pytest.mark.parametrize("case", CASES, ids=[case.q[:60] for case in CASES])
def test_question(assistant: Assistant, case: QuestionCase) -> None:
    answer = assistant.ask(case.q, case.as_of)
    recommended = [programme.id for programme in answer.recommended]
    context = f"recommended {recommended}\n{answer.text}"
    if case.first is not None:
        assert recommended[:1] == [case.first], context
    for programme_id in case.top3:
        assert programme_id in recommended[:3], context
    for programme_id in case.forbid:
        assert programme_id not in recommended, context
    for phrase in case.mentions:  # in what a reader is shown: the text or a card
        assert phrase.lower() in answer.full_text().lower(), context
    if case.emergency is not None:
        assert answer.emergency is case.emergency, context
