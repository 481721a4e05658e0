"""Danger by sense: an emergency told in words the danger lexicon lacks still gets the
emergency advice, an ordinary question does not, and the classifier never takes away
advice the word lists gave. Tests needing the model skip, saying why, when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.assistant.understanding.test_semantic import Counting
from vrn_assistant import Assistant, AssistantSettings
from vrn_assistant.retrieval.embeddings import (
    MiniLMEmbeddings,
)
from vrn_assistant.settings import IndexSettings
from vrn_assistant.understanding.safety import EMERGENCY_ADVICE, assess_danger
from vrn_assistant.understanding.semantic import DangerReader, danger
from vrn_assistant.understanding.semantic.danger import (
    FALSE_ALARMS,
    SENSE_REASON,
    danger_messages_path,
    labelled_messages,
    measure,
)
from vrn_core.errors import CatalogueError

# Emergencies the word lists miss (checked below), in words no labelled message holds.
MISSED_BY_THE_LISTS = (
    "my nan keeps drifting in and out and theres a dent in the side of her head where he hit her",
    "a man at the bus stop has just pulled out something shiny and is waving it at the kids",
)
ORDINARY = (
    "is there training on trauma informed practice for our school staff in Preston?",
    "my son is 19 and was arrested last night in Blackpool, can DIVERT help him?",
    "she was in hospital last year after he hit her, is there an IDVA she can talk to?",
)


@pytest.fixture(scope="module")
def reader(embedder: MiniLMEmbeddings, tmp_path_factory: pytest.TempPathFactory) -> DangerReader:
    return DangerReader(embedder, cache_dir=tmp_path_factory.mktemp("danger-cache"))


def test_the_messages_and_the_lexicon_examples_are_labelled_as_written() -> None:
    labelled = dict(labelled_messages())
    # From danger_messages.yaml, and from danger.yaml's examples and not_examples.
    assert labelled["she's fallen on the glass table and has a huge gash on her leg"] is True
    assert labelled["my toddler is being sick, is there a VRN thing for parents?"] is False
    assert sum(labelled.values()) >= 300 and len(labelled) - sum(labelled.values()) >= 800
    assert len(labelled) == len(set(labelled))


def test_a_messages_file_with_an_unknown_key_is_one_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "danger_messages.yaml"
    path.write_text("danger_now: [a]\nnot_now: [b]\nmaybe: [c]\n", "utf-8")
    with pytest.raises(CatalogueError) as caught:
        labelled_messages(path)
    assert "danger_messages.yaml" in str(caught.value) and "maybe" in str(caught.value)


def test_the_threshold_lets_the_measured_share_of_held_out_ordinary_messages_through() -> None:
    rng = np.random.default_rng(7)
    ordinary = rng.normal(0, 1, (400, 8)) + np.array([2.0] + [0.0] * 7)
    danger = rng.normal(0, 1, (200, 8)) - np.array([2.0] + [0.0] * 7)
    vectors = np.vstack([ordinary, danger]).astype(np.float32)
    messages = [(f"o{row}", False) for row in range(400)] + [
        (f"d{row}", True) for row in range(200)
    ]
    sense = measure(vectors, messages)
    flagged = np.array([sense.score(row) > sense.threshold for row in vectors])
    # Fitted on all, so in-sample a little fewer than the held-out share are let through.
    assert flagged[:400].mean() <= 2 * FALSE_ALARMS
    assert flagged[400:].mean() > 0.9


@pytest.mark.parametrize("text", MISSED_BY_THE_LISTS)
def test_an_emergency_the_word_lists_miss_is_found_by_sense(
    reader: DangerReader, text: str
) -> None:
    assert assess_danger(text) is None  # else this test shows nothing
    danger = reader.assess(text)
    assert danger is not None and danger.reasons == (SENSE_REASON,)


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_question_is_no_emergency_by_sense(reader: DangerReader, text: str) -> None:
    assert reader.assess(text) is None


def test_one_build_serves_every_reader_and_the_vectors_are_kept_on_disk(
    embedder: MiniLMEmbeddings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(danger, "_MEASURED", {})  # as a new process starts
    counting = Counting(embedder)
    first = DangerReader(counting, cache_dir=tmp_path).prepare()
    embedded = counting.texts
    assert embedded >= len(labelled_messages())
    assert DangerReader(counting).prepare() is first  # in this process: built once
    monkeypatch.setattr(danger, "_MEASURED", {})
    again = DangerReader(counting, cache_dir=tmp_path).prepare()
    assert counting.texts == embedded  # a new process reads the vectors from disk
    assert again.threshold == pytest.approx(first.threshold)


def _assistant(tmp_path: Path, *, danger_sense: bool) -> Assistant:
    settings = AssistantSettings(
        index=IndexSettings(path=tmp_path / "index"), danger_sense=danger_sense
    )
    assistant = Assistant.from_settings(settings)
    assistant.ingest()
    return assistant


def test_the_assistant_leads_with_emergency_advice_the_word_lists_alone_would_not_give(
    embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    text = MISSED_BY_THE_LISTS[0]
    answer = _assistant(tmp_path, danger_sense=True).ask(text)
    assert answer.eval_record()["emergency"] is True
    assert EMERGENCY_ADVICE in answer.full_text()
    without = _assistant(tmp_path, danger_sense=False).ask(text)
    assert without.eval_record()["emergency"] is False


def test_the_danger_check_by_sense_is_on_unless_switched_off() -> None:
    assert AssistantSettings.from_env({}).danger_sense is True
    assert AssistantSettings.from_env({"VRN_DANGER_SENSE": "0"}).danger_sense is False
    assert AssistantSettings.from_env({"VRN_DANGER_SENSE": "False"}).danger_sense is False
    assert danger_messages_path().is_file()
