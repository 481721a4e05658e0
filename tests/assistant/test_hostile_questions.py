"""Hostile questions: any text at all goes to `Assistant.ask`, and only an answer or one of
the project's own errors comes back.

A lexical-only assistant (no embedding model) keeps the examples quick; the embedding
model's handling of odd text is covered in test_assistant.py.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.assistant.conftest import build_assistant
from vrn_assistant import Answer, Assistant
from vrn_assistant.assistant import MAX_QUESTION_CHARS
from vrn_assistant.errors import QuestionTooLong, VrnError

# Every code point: lone surrogates (Cs), control characters (Cc), format characters,
# private use and unassigned ones included.
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())
WORDS = st.sampled_from(
    ["19", "year", "old", "Preston", "custody", "knife", "Blackpool", "\udcff", "\x00", "\u202e"]
)
QUESTIONS = st.one_of(
    st.text(ANY_CHARACTER, max_size=300),
    # Very long runs of one character, up to a little over the cap.
    st.builds(
        lambda character, times: character * times,
        ANY_CHARACTER,
        st.integers(0, MAX_QUESTION_CHARS + 20),
    ),
    # Plausible words mixed with hostile ones, repeated towards the cap.
    st.builds(
        lambda words, times: (" ".join(words) * times)[: MAX_QUESTION_CHARS + 5],
        st.lists(WORDS, min_size=1, max_size=12),
        st.integers(1, 400),
    ),
)
SURROGATE = re.compile("[\ud800-\udfff]")
HOSTILE = settings(
    max_examples=150,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def lexical(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return build_assistant(tmp_path_factory.mktemp("hostile"), dense=False)


def _answer_is_clean(answer: Answer) -> None:
    dumped = answer.model_dump_json()
    dumped.encode("utf-8")  # it can be written to a terminal, a file or a browser
    assert not SURROGATE.search(answer.question)
    assert not SURROGATE.search(dumped)
    assert answer.text.strip()


@HOSTILE
@given(question=QUESTIONS, as_of=st.none() | st.dates())
@example(question="", as_of=None)
@example(question="\udcff" * MAX_QUESTION_CHARS, as_of=None)
@example(question="\x00" * (MAX_QUESTION_CHARS + 1), as_of=None)
@example(question="19 year old in Preston custody \ud83d\ude00 \udcff", as_of=date(1, 1, 1))
@example(question="knife " * 333 + "x", as_of=date(9999, 12, 31))
def test_any_question_gets_an_answer_or_a_clear_refusal(
    lexical: Assistant, question: str, as_of: date | None
) -> None:
    try:
        answer = lexical.ask(question, as_of)
    except QuestionTooLong as refused:
        assert len(question) > MAX_QUESTION_CHARS
        assert "\n" not in str(refused) and f"{MAX_QUESTION_CHARS:,}" in str(refused)
        return
    except VrnError as error:  # the project's own errors are allowed, as one line
        assert "\n" not in str(error)
        return
    assert len(question) <= MAX_QUESTION_CHARS
    _answer_is_clean(answer)


def test_the_fixture_is_a_lexical_assistant(lexical: Assistant) -> None:
    assert not lexical.index.dense_available
    assert lexical.index.chunks()
