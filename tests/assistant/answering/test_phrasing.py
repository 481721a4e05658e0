"""An optional language model may reword, never decide: its unchecked sentences are dropped."""

from __future__ import annotations

from datetime import date

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from vrn_assistant import Answer, Citation, ProgrammeAnswer
from vrn_assistant.answering.phrasing import Phraser, chat_model_from_env
from vrn_assistant.errors import LanguageModelError
from vrn_core import Case, Status, Verdict
from vrn_core.report import AvailabilityReport


def _programme(programme_id: str, name: str, verdict: Verdict) -> ProgrammeAnswer:
    recommended = verdict is Verdict.eligible
    return ProgrammeAnswer(
        id=programme_id, name=name, kind="service", verdict=verdict, recommended=recommended,
        relevant=recommended, reasons=(), criteria=(),
        availability=AvailabilityReport(status=Status.running, reason=f"{name} is running"),
    )


ANSWER = Answer(
    question="24yo arrested in Blackburn for GBH",
    as_of=date(2020, 11, 15),
    text="**Recommended**\n1. **DIVERT** (eligible). Coaches work in custody suites [1].",
    case=Case(age=24),
    recommended=(_programme("divert", "DIVERT", Verdict.eligible),),
    considered=(_programme("operation-adder", "Operation ADDER", Verdict.not_eligible),),
    citations=(
        Citation(
            number=1, source="knowledge/corpus/divert.md", title="DIVERT", locator="What it is",
            quote="DIVERT places coaches in police custody suites.",
        ),
    ),
)


def _phrase(reply: str, answer: Answer = ANSWER) -> Answer:
    return Phraser(FakeListChatModel(responses=[reply])).phrase(answer)


def test_cited_sentences_are_kept() -> None:
    phrased = _phrase("DIVERT coaches work in police custody suites [1].")
    assert phrased.text == "DIVERT coaches work in police custody suites [1]."
    assert phrased.recommended == ANSWER.recommended
    assert phrased.citations == ANSWER.citations


def test_uncited_or_unknown_citations_or_unrelated_sentences_are_dropped() -> None:
    phrased = _phrase(
        "DIVERT coaches work in police custody suites [1]. "
        "He will certainly stop offending. "
        "The coaches are paid well [7]. "
        "Bananas are yellow [1]."
    )
    assert phrased.text == "DIVERT coaches work in police custody suites [1]."


def test_the_model_cannot_recommend_what_the_rules_did_not() -> None:
    phrased = _phrase(
        "Operation ADDER is suitable for him and coaches work in custody suites [1]. "
        "DIVERT coaches work in police custody suites [1]."
    )
    assert "ADDER" not in phrased.text
    assert [p.id for p in phrased.recommended] == ["divert"]


def test_a_reply_with_nothing_checkable_leaves_the_deterministic_answer() -> None:
    assert _phrase("I think you should call someone.") == ANSWER


def test_emergency_advice_stays_first_and_ours() -> None:
    emergency = ANSWER.model_copy(update={"emergency": True})
    phrased = _phrase("Coaches work in police custody suites [1].", emergency)
    assert phrased.text.startswith("**Emergency.** If anyone is in immediate danger")


def test_configuration_errors_are_clear() -> None:
    assert chat_model_from_env({}) is None
    with pytest.raises(LanguageModelError, match="use 'ollama:<model>'"):
        chat_model_from_env({"VRN_LLM": "gpt"})
    with pytest.raises(LanguageModelError, match="not installed"):
        chat_model_from_env({"VRN_LLM": "ollama:llama3"})
