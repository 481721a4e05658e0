"""The blind safety sets (tests/blind/README.md): danger now found, and no false alarms.

Six sets by six writers: `safety-*` to `safety6-*` (each written later
by a new writer, split before any work on it). Targets (issues 8 and 12): every emergency found
(recall 100 %) and false alarms under 5 %, on every tuning and sealed part. The tuning
parts may be read while improving `assess_danger`; the sealed parts are never read
case by case: their test prints two aggregate numbers and nothing else, whatever
happens. The word lists are held to floors on both parts; the whole check as the
assistant runs it (with the check by sense, which learns from the tuning parts) only on
the sealed parts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vrn_assistant.retrieval.embeddings import MiniLMEmbeddings
from vrn_assistant.understanding.redaction import protected_names, redact
from vrn_assistant.understanding.safety import assess_danger
from vrn_assistant.understanding.semantic import DangerReader
from vrn_core import default_catalogue

BLIND = ROOT / "tests" / "blind"
MAX_FALSE_ALARMS = 0.05
SETS = ("safety", "safety2", "safety3", "safety4", "safety5", "safety6")
# Measured, not the target: see the sealed test. Raise a floor when the score rises.
SEALED_RECALL_FLOOR = {
    "safety": 0.91,
    "safety2": 0.93,
    "safety3": 0.88,
    "safety4": 0.86,
    "safety5": 0.82,
    "safety6": 0.77,
}
# A tuning part not yet worked through holds what it measured; every other finds all.
TUNING_RECALL_FLOOR: dict[str, float] = {"safety5": 0.88, "safety6": 0.74}


# The whole danger check as the assistant runs it: redaction, the word lists, then the
# check by sense (understanding/semantic/danger.py), whose labelled messages include
# every tuning part, so only the sealed parts measure it.
WHOLE_CHECK_SEALED_FLOOR = {
    "safety": 0.97,
    "safety2": 0.95,
    "safety3": 0.98,
    "safety4": 0.95,
    "safety5": 0.94,
    "safety6": 0.91,
}


def _score(
    path: Path, alarm: Callable[[str], bool] | None = None
) -> tuple[float, float, list[str], list[str]]:
    """Recall of emergencies, false-alarm rate, and the ids missed and wrongly raised;
    `alarm` is the word lists' `assess_danger` unless another check is given."""
    missed: list[str] = []
    raised: list[str] = []
    emergencies = ordinary = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        raised_here = (alarm or _word_lists)(case["text"])
        if case["emergency"]:
            emergencies += 1
            if not raised_here:
                missed.append(case["id"])
        else:
            ordinary += 1
            if raised_here:
                raised.append(case["id"])
    recall = 1 - len(missed) / emergencies if emergencies else 0.0
    false_alarms = len(raised) / ordinary if ordinary else 1.0
    return recall, false_alarms, missed, raised


def _word_lists(text: str) -> bool:
    return assess_danger(text) is not None


@pytest.fixture(scope="module")
def whole_check(embedder: MiniLMEmbeddings) -> Callable[[str], bool]:
    reader = DangerReader(embedder)
    protected = protected_names(default_catalogue())

    def alarm(text: str) -> bool:
        said = redact(text, protected=protected).text
        return assess_danger(said) is not None or reader.assess(said) is not None

    return alarm


@pytest.mark.parametrize("name", SETS)
def test_the_tuning_set_finds_every_emergency_with_few_false_alarms(name: str) -> None:
    path = BLIND / f"{name}-tuning.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    recall, false_alarms, missed, raised = _score(path)
    assert recall >= TUNING_RECALL_FLOOR.get(name, 1.0) and false_alarms < MAX_FALSE_ALARMS, (
        f"{name} tuning: recall {recall:.1%} (missed {missed}), "
        f"false alarms {false_alarms:.1%} (raised {raised})"
    )


@pytest.mark.parametrize("name", SETS)
def test_the_sealed_set_holds_its_measured_floor(name: str) -> None:
    """Aggregate only: no case, id or text is ever printed, even on an unexpected error."""
    path = BLIND / f"{name}-sealed.jsonl"
    if not path.exists():
        pytest.skip(f"the sealed {name} set is not here")
    try:
        recall, false_alarms, _, _ = _score(path)
    except Exception as exc:  # a traceback could show a case: say only what went wrong
        pytest.fail(f"the sealed set could not be scored ({type(exc).__name__})", pytrace=False)
    numbers = f"{name} sealed: recall {recall:.1%}, false alarms {false_alarms:.1%}"
    print(numbers)
    # The target is recall 100 % with false alarms under 5 %. Measured for `safety` when
    # the rules were written (2026-12-01): 91.5 % and 2.3 %, the gap to the tuning part's
    # 100 % being overfitting; for `safety2` (2026-12-02), 85.4 % and 0 % before any work
    # on it, 89.6 % and 0 % after generalising from its tuning part's misses (93.8 % after
    # the safety3 work); for `safety3` (2026-12-02), 86.8 % and 2.6 % before any work on it,
    # 88.7 % and 2.6 % after generalising from its tuning part's misses; for `safety4`
    # (2026-12-02), 86.4 % and 0 % before any work on it (tuning 78.6 %, 3.4 %), and the
    # same after one round on its tuning part (tuning 94.6 %, 1.7 %); for `safety5`
    # (2026-12-02, a later session), 82.1 % and 0 % before any work on it (tuning 83.6 %,
    # 3.6 %; the same at 51dcd07), the same after one round on its tuning part (tuning
    # 88.5 %, 1.8 %). This holds those floors so nothing regresses while the gap is closed.
    if not (recall >= SEALED_RECALL_FLOOR[name] and false_alarms < MAX_FALSE_ALARMS):
        pytest.fail(numbers, pytrace=False)


@pytest.mark.parametrize("name", SETS)
def test_the_whole_danger_check_holds_its_measured_floor_on_the_sealed_set(
    name: str, whole_check: Callable[[str], bool]
) -> None:
    """Aggregate only, as above. Measured when the check by sense was added (2026-12-03):
    recall 97.9 / 95.8 / 98.1 / 95.5 / 92.3 %, false alarms 2.3 / 2.6 / 2.6 / 2.4 / 0 %
    (the word lists alone: 91.5 / 93.8 / 88.7 / 86.4 / 82.1 %); safety5 94.9 % once
    redaction kept the danger lexicon's words. safety6, written after the check by sense
    was built and looked at once before any work on it: 91.1 %, 0 % (the word lists
    alone 77.8 %, 0 %)."""
    path = BLIND / f"{name}-sealed.jsonl"
    if not path.exists():
        pytest.skip(f"the sealed {name} set is not here")
    try:
        recall, false_alarms, _, _ = _score(path, whole_check)
    except Exception as exc:  # a traceback could show a case: say only what went wrong
        pytest.fail(f"the sealed set could not be scored ({type(exc).__name__})", pytrace=False)
    numbers = f"{name} sealed, whole check: recall {recall:.1%}, false alarms {false_alarms:.1%}"
    print(numbers)
    if not (recall >= WHOLE_CHECK_SEALED_FLOOR[name] and false_alarms < MAX_FALSE_ALARMS):
        pytest.fail(numbers, pytrace=False)
