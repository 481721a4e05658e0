"""Immediate danger: the cases in cases/safety.yaml, the eval set, and the advice itself."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from tests.conftest import ASSISTANT_CASES, shared_path
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE, Danger, assess_danger

RAW_CASES: dict[str, Any] = yaml.safe_load((ASSISTANT_CASES / "safety.yaml").read_text("utf-8"))


class SafetyCases(BaseModel):
    """cases/safety.yaml: both lists, and no other key (a misspelt one is an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    emergency: list[str]
    not_emergency: list[str]


# Read leniently here: a misspelt key fails test_the_case_file_is_well_formed_and_big_enough,
# not the collection.
CASES: dict[str, list[str]] = {
    key: list(RAW_CASES.get(key) or ()) for key in SafetyCases.model_fields
}


def test_the_case_file_is_well_formed_and_big_enough() -> None:
    cases = SafetyCases.model_validate(RAW_CASES)
    assert len(cases.emergency) >= 25
    assert len(cases.not_emergency) >= 40
    both = set(cases.emergency) & set(cases.not_emergency)
    assert not both, f"listed both ways: {both}"


@pytest.mark.parametrize(
    "raw",
    [
        {"emergency": ["he has a knife"], "not_emergancy": ["knife crime stats"]},
        {"emergency": ["he has a knife"], "not_emergency": [], "maybe": ["a fight"]},
        {"emergency": ["he has a knife"]},
        {"emergency": "he has a knife", "not_emergency": []},
        {"emergency": [["he has a knife"]], "not_emergency": []},
    ],
)
def test_a_misspelt_case_file_is_rejected(raw: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        SafetyCases.model_validate(raw)


@pytest.mark.parametrize("question", CASES["emergency"])
def test_danger_now_is_an_emergency(question: str) -> None:
    danger = assess_danger(question)
    assert danger is not None, question
    assert danger.reasons and all(isinstance(reason, str) for reason in danger.reasons)


@pytest.mark.parametrize("question", CASES["not_emergency"])
def test_ordinary_questions_raise_no_alarm(question: str) -> None:
    assert assess_danger(question) is None, question


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("he is pointing a gun at her", "a weapon is being used or threatened now"),
        ("my friend has been stabbed and is bleeding heavily", "someone is seriously hurt now"),
        ("the child is alone with him", "a child is at risk now"),
        ("he says he will kill himself tonight", "someone may take their own life now"),
        ("someone is breaking the door down", "violence is happening now"),
    ],
)
def test_reasons_say_what_kind_of_danger(question: str, reason: str) -> None:
    danger = assess_danger(question)
    assert danger is not None
    assert reason in danger.reasons


@pytest.mark.parametrize(
    ("question", "now"),
    [
        # the present perfect and "just" are now; the plain past is not
        ("my friend has been stabbed", True),
        ("my friend was stabbed", False),
        ("he's just punched me", True),
        ("he punched me last year", False),
        ("she swallowed a handful of pills ten minutes ago", True),
        ("she swallowed a handful of pills two years ago", False),
        # a past marker reaches only until a present verb
        ("the man who attacked me last year is outside my house with a knife", True),
        ("a lad brought a knife into school last term", False),
        # "if" is hypothetical, except after a speech verb or as "whether"
        ("what should i do if he has a knife?", False),
        ("he says if i call anyone he'll hurt her", True),
        ("i'm not sure if he's breathing", True),
        # negation and auxiliaries before the words
        ("he is not threatening anyone", False),
        ("he might be carrying a knife", False),
        ("he was arrested for stabbing a man", False),
        # weak signs need each other, a booster or "right now"
        ("he has a knife", False),
        ("he has a knife and he's outside my flat", True),
        ("he has a knife right now", True),
        ("my ex is outside", False),
        ("my ex is outside and he's drunk", True),
        # abuse someone has told of is to refer; told just now, or happening now, is news
        ("a pupil has told me her stepdad is hitting her", False),
        ("a pupil has just told me her stepdad is on his way to kill her mum", True),
        ("she told me he is hitting her right now", True),
        # "inside" alone is prison; "he won't go to the police" is no one at the door
        ("her dad is inside and wants to stay close to his kids", False),
        ("he's inside the house and he's drunk and shouting", True),
        ("she was hit last week and won't go to the police", False),
        ("my ex is here and he won't go", True),
        # a present verb in a later clause than an "if" is now
        ("he said he'll stab me if i leave and he's sat in the car watching the door", True),
        ("what should i do if my ex turns up and starts shouting?", False),
        # trapped under something, or held somewhere unknown
        ("a car has hit the wall and there's a kid trapped under it", True),
        ("he says i'm not leaving till i've paid and i don't know where i am", True),
        # pictures, training and figures of speech
        ("he posted a video waving a machete", False),
        ("is there training on what to do when someone is bleeding heavily?", False),
        ("this essay is killing me lol", False),
        ("someone filmed my son getting slapped at the park and put it on snapchat", False),
        # slang for a blow told in the past: its weapon is that event's detail
        ("im in a&e rn, got smacked with a bat at a party", False),
        ("he's just smacked me with a bat", True),
        # arrested today: the violence that led there is in hand, unless told with "just"
        ("she has been punched by her brother. he was arrested this morning", False),
        ("he has been arrested before and he's just punched me", True),
        # a ligature being made now; an offence's weapon is what brought them in
        ("detainee in cell 3 is tying a ligature right now", True),
        ("custody. 21yo male, robbery with a knife. is the coach taking referrals atm", False),
        # the police took him: neither taking him away nor the asker shaking is danger
        ("police came and took him, hes in hospital now. im shaking still", False),
        # abuse that goes on is to refer, not danger now
        ("her son (lives with her) is taking her pension and shoving her about", False),
        ("on licence, history of violence, lately kicking off more at the hostel", False),
        ("he's shoving her about in the kitchen right now and she's screaming", True),
    ],
)
def test_the_grammar_of_now(question: str, now: bool) -> None:
    assert (assess_danger(question) is not None) == now, question


def test_reasons_are_not_repeated() -> None:
    danger = assess_danger("he is attacking her right now, he is hitting her, he is strangling her")
    assert danger == Danger(reasons=("violence is happening now",))


def test_the_eval_set_expects_exactly_one_emergency() -> None:
    cases = [
        json.loads(line)
        for name in ("dev.jsonl", "dev-documents.jsonl")
        for line in shared_path("eval", name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(cases) >= 33
    wrong = [
        case["id"]
        for case in cases
        if (assess_danger(case["question"]) is not None) != case["expect_emergency"]
    ]
    assert wrong == []


def test_the_advice_leads_with_999_and_the_silent_solution() -> None:
    assert EMERGENCY_ADVICE.startswith("If anyone is in immediate danger, call 999")
    for phrase in (
        "press 55",
        "Silent Solution",
        "mobile",
        "safeguarding",
        "children's social care",
    ):
        assert phrase in EMERGENCY_ADVICE
    assert "adult" in EMERGENCY_ADVICE
    assert len(EMERGENCY_ADVICE.split()) < 120  # short enough to read in a crisis


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    result = assess_danger(text)
    assert result is None or (isinstance(result, Danger) and result.reasons)
