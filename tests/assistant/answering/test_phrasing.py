"""An optional language model may reword, never decide: its unchecked sentences are dropped."""

from __future__ import annotations

import logging
import sys
import time
from datetime import date
from typing import Any

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage

from vrn_assistant import Answer, Citation, ProgrammeAnswer
from vrn_assistant.answering.phrasing import (
    DEFAULT_TIMEOUT,
    NOT_USED,
    Phraser,
    chat_model_from_env,
    timeout_from_env,
)
from vrn_assistant.errors import LanguageModelError
from vrn_core import Case, Status, Verdict
from vrn_core.report import AvailabilityReport, ProgrammeReport


def _programme(programme_id: str, name: str, verdict: Verdict) -> ProgrammeAnswer:
    recommended = verdict is Verdict.eligible
    report = ProgrammeReport(
        id=programme_id,
        name=name,
        kind="service",
        verdict=verdict,
        recommended=recommended,
        relevant=recommended,
        reasons=(),
        criteria=(),
        availability=AvailabilityReport(status=Status.running, reason=f"{name} is running"),
    )
    return ProgrammeAnswer(report=report)


ANSWER = Answer(
    question="24yo arrested in Blackburn for GBH",
    as_of=date(2020, 11, 15),
    text="**Recommended**\n1. **DIVERT** (eligible). Coaches work in custody suites [1].",
    case=Case(age=24),
    recommended=(_programme("divert", "DIVERT", Verdict.eligible),),
    considered=(_programme("operation-adder", "Operation ADDER", Verdict.not_eligible),),
    citations=(
        Citation(
            number=1,
            source="knowledge/corpus/divert.md",
            title="DIVERT",
            locator="What it is",
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


def test_configuration_errors_are_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    assert chat_model_from_env({}) is None
    with pytest.raises(LanguageModelError, match="use 'ollama:<model>'"):
        chat_model_from_env({"VRN_LLM": "gpt"})
    monkeypatch.setitem(sys.modules, "langchain_ollama", None)  # as if not installed
    with pytest.raises(LanguageModelError, match=r"not installed.*\[assistant,llm\]"):
        chat_model_from_env({"VRN_LLM": "ollama:llama3"})
    for bad in ("0", "-1", "soon", "nan", "inf"):
        with pytest.raises(LanguageModelError, match="VRN_LLM_TIMEOUT"):
            chat_model_from_env({"VRN_LLM": "openai:m", "VRN_LLM_TIMEOUT": bad})


def test_timeouts_and_retries_are_set_on_the_clients() -> None:
    assert timeout_from_env({}) == DEFAULT_TIMEOUT
    assert timeout_from_env({"VRN_LLM_TIMEOUT": " 2.5 "}) == 2.5
    env = {"VRN_LLM": "openai:m", "VRN_LLM_BASE_URL": "http://127.0.0.1:9/v1"}
    openai: Any = chat_model_from_env({**env, "VRN_LLM_TIMEOUT": "3"})
    assert (openai.request_timeout, openai.max_retries) == (3.0, 0)
    assert (openai.root_client.timeout, openai.root_client.max_retries) == (3.0, 0)  # the SDK's
    assert openai.openai_api_key.get_secret_value() == "not-needed"  # local server, no key
    ollama: Any = chat_model_from_env({"VRN_LLM": "ollama:llama3", "VRN_LLM_TIMEOUT": "4"})
    assert ollama.client_kwargs == {"timeout": 4.0}
    assert ollama._client._client.timeout == httpx.Timeout(4.0)  # the ollama SDK's httpx client


def test_openai_without_a_key_or_a_server_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_BASE"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(LanguageModelError, match=r"openai model cannot be set up: .*api_key"):
        chat_model_from_env({"VRN_LLM": "openai:gpt-4o-mini"})


class _Broken(FakeListChatModel):
    failure: Any = None

    def invoke(self, *args: Any, **kwargs: Any) -> AIMessage:
        raise self.failure


@pytest.mark.parametrize(
    ("failure", "why"),
    [
        (RuntimeError("the 24yo from Blackburn"), "it failed (RuntimeError)"),
        (ConnectionError("refused"), "the connection to the server failed"),
        (ConnectionRefusedError(111, "refused"), "the server could not be reached"),
        (TimeoutError("slow"), "no reply within 10 s"),
        (SystemExit(3), "it failed (SystemExit)"),
    ],
)
def test_a_model_that_raises_leaves_the_answer_and_one_note(
    failure: BaseException, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    model = _Broken(responses=["unused"], failure=failure)
    with caplog.at_level(logging.DEBUG):
        phrased = Phraser(model, timeout=10).phrase(ANSWER)
    assert phrased.text == ANSWER.text
    assert phrased.notes == (*ANSWER.notes, f"{NOT_USED}: {why}.")
    assert phrased.model_copy(update={"notes": ANSWER.notes}) == ANSWER
    assert "Blackburn" not in caplog.text  # neither the question nor the model's message
    assert NOT_USED in caplog.text


def test_a_model_that_hangs_is_given_up_after_the_timeout() -> None:
    model = FakeListChatModel(responses=["DIVERT coaches work in custody suites [1]."], sleep=5)
    start = time.monotonic()
    phrased = Phraser(model, timeout=0.2).phrase(ANSWER)
    assert time.monotonic() - start < 1.5
    assert phrased.notes == (f"{NOT_USED}: no reply within 0.2 s.",)
    assert phrased.text == ANSWER.text


def test_a_reply_that_is_not_a_message_gives_a_note() -> None:
    class Odd(FakeListChatModel):
        def invoke(self, *args: Any, **kwargs: Any) -> Any:
            return 42

    phrased = Phraser(Odd(responses=["x"]), timeout=1).phrase(ANSWER)
    assert phrased.notes == (f"{NOT_USED}: its reply could not be read.",)


def test_the_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    model = FakeListChatModel(responses=["x"])
    monkeypatch.delenv("VRN_LLM_TIMEOUT", raising=False)
    assert Phraser(model).timeout == DEFAULT_TIMEOUT
    monkeypatch.setenv("VRN_LLM_TIMEOUT", "0.5")
    assert Phraser(model).timeout == 0.5
    with pytest.raises(LanguageModelError):
        Phraser(model, timeout=0)
