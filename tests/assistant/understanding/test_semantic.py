"""The semantic reader: what a user notices when the word lists miss a fact.

A fact said in words the lists lack is read from its sense and said so in the notes; a
vague one is only asked about and changes no recommendation; with no encoder the
assistant answers exactly as the word lists alone read the question. Tests needing the
model skip, saying why, when its packages are not installed.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from tests.conftest import KNOWLEDGE
from vrn_assistant import Assistant, AssistantSettings
from vrn_assistant.retrieval.embeddings import (
    MiniLMEmbeddings,
)
from vrn_assistant.settings import IndexSettings
from vrn_assistant.understanding.extraction import extract
from vrn_assistant.understanding.extraction.lexicon import lexicon_dir
from vrn_assistant.understanding.semantic import (
    CONFIDENT_PRECISION,
    Guess,
    Kind,
    SemanticReader,
    fill,
    labelled_examples,
    split_clauses,
)
from vrn_core import default_catalogue
from vrn_core.errors import CatalogueError
from vrn_core.vocabulary import Gender, Issue, Role, Setting

AS_OF = date(2020, 11, 15)
# Police custody, said in words no list of settings.yaml holds.
HELD_OVERNIGHT = "Lad, 19. He's being held overnight by officers for questioning"
# Police custody only hinted at: a guess to confirm.
STILL_WITH_US = "Lad, 19. Officers brought him in last night and he is still with us"


class Counting(Embeddings):
    """An encoder that counts the texts it embeds."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.model_name = getattr(inner, "model_name", "counting")
        self.texts = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.texts += 1
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("semantic-cache")


@pytest.fixture(scope="module")
def reader(embedder: MiniLMEmbeddings, cache: Path) -> SemanticReader:
    built = SemanticReader(embedder, default_catalogue().gazetteer, cache_dir=cache)
    built.prepare()
    return built


@pytest.fixture(scope="module")
def plain_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """An assistant with lexical retrieval only: no encoder, so no semantic reader."""
    settings = AssistantSettings(
        knowledge_dir=KNOWLEDGE,
        index=IndexSettings(path=tmp_path_factory.mktemp("plain") / "index"),
        dense=False,
    )
    assistant = Assistant.from_settings(settings)
    assistant.ingest()
    yield assistant
    assistant.semantic = None


# ------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def sure_reader(embedder: MiniLMEmbeddings, cache: Path) -> SemanticReader:
    """A reader as sure of HELD_OVERNIGHT's custody as its calibration could ever be: its
    confident threshold for settings set at that guess's score. The shipped lexicon's
    examples move the measured threshold (extraction examples are labelled by the word
    lists), so what a confident guess does is tested apart from where the line falls."""
    built = SemanticReader(embedder, default_catalogue().gazetteer, cache_dir=cache)
    (guess,) = [g for g in built.read(HELD_OVERNIGHT) if g.value == Setting.police_custody]
    ready = built._ready()
    confident = {**ready.calibration.confident, Kind.setting: guess.score}
    calibration = dataclasses.replace(ready.calibration, confident=confident)
    built._built = dataclasses.replace(ready, calibration=calibration)
    return built


def test_a_setting_said_in_other_words_is_read_and_said_so(
    plain_assistant: Assistant, sure_reader: SemanticReader
) -> None:
    plain_assistant.semantic = None
    before = plain_assistant.ask(HELD_OVERNIGHT, AS_OF)
    assert before.case.setting is None  # the word lists miss it
    plain_assistant.semantic = sure_reader
    after = plain_assistant.ask(HELD_OVERNIGHT, AS_OF)
    assert after.case.setting == Setting.police_custody
    assert "read from the sense of your words: in police custody" in after.notes
    # Custody is what the custody programme needs: it is now recommended.
    assert "divert" in [p.report.id for p in after.recommended]
    assert "divert" not in [p.report.id for p in before.recommended]


def test_a_vague_hint_is_a_question_to_confirm_and_changes_no_recommendation(
    plain_assistant: Assistant, reader: SemanticReader
) -> None:
    plain_assistant.semantic = None
    before = plain_assistant.ask(STILL_WITH_US, AS_OF)
    plain_assistant.semantic = reader
    after = plain_assistant.ask(STILL_WITH_US, AS_OF)
    assert "Is he in police custody? (a guess)" in after.notes
    assert after.case == before.case
    assert [p.report.id for p in after.recommended] == [p.report.id for p in before.recommended]


def test_guesses_are_typed_and_name_their_clause(reader: SemanticReader) -> None:
    guesses = reader.read(HELD_OVERNIGHT)
    custody = [g for g in guesses if g.value == Setting.police_custody]
    assert custody and custody[0].kind == Kind.setting
    # Confident exactly when the score reaches the threshold measured held out.
    assert custody[0].confident == (custody[0].score >= reader.calibration.confident[Kind.setting])
    assert custody[0].clause == "He's being held overnight by officers for questioning"


def test_a_negated_clause_is_never_read(reader: SemanticReader) -> None:
    assert reader.read("he is not being held overnight by officers for questioning") == ()


def test_what_the_word_lists_decided_is_not_guessed_again(reader: SemanticReader) -> None:
    # "custody" is said, of a dispute over children: the lists read no setting, on purpose.
    question = "she is in a custody battle over the kids"
    read = extract(question, default_catalogue().gazetteer)
    assert read.case.setting is None
    assert not [g for g in reader.read(question) if g.kind == Kind.setting]


def test_a_town_alone_says_nothing_of_where_someone_is(reader: SemanticReader) -> None:
    # Most custody examples name Blackpool; the town's name is made neutral.
    assert not [g for g in reader.read("Blackpool woman, 30") if g.kind == Kind.setting]


def test_small_talk_gives_no_guess(reader: SemanticReader) -> None:
    assert reader.read("Hi there, thanks in advance for any help you can give") == ()


def test_the_confident_thresholds_hold_95_percent_precision_held_out(
    reader: SemanticReader,
) -> None:
    calibration = reader.calibration
    for kind in Kind:
        point = calibration.point(kind, calibration.confident[kind])
        assert point.precision is None or point.precision >= CONFIDENT_PRECISION, kind
    # Something is trusted: a reader that never fills a fact would be no layer at all.
    assert any(calibration.confident[kind] != float("inf") for kind in Kind)


def test_a_second_start_reads_the_example_vectors_from_disk(
    embedder: MiniLMEmbeddings, reader: SemanticReader, cache: Path
) -> None:
    counting = Counting(embedder)
    again = SemanticReader(counting, default_catalogue().gazetteer, cache_dir=cache)
    again.prepare()
    assert counting.texts == 0
    assert again.calibration.confident == reader.calibration.confident


def test_a_damaged_cache_is_computed_again(
    embedder: MiniLMEmbeddings, reader: SemanticReader, cache: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "cache"
    shutil.copytree(cache, damaged)
    for path in damaged.iterdir():
        path.write_bytes(b"not vectors")
    counting = Counting(embedder)
    again = SemanticReader(counting, default_catalogue().gazetteer, cache_dir=damaged)
    again.prepare()
    assert counting.texts > 0
    assert again.read(HELD_OVERNIGHT) == reader.read(HELD_OVERNIGHT)


# ------------------------------------------------------------- without the model


def test_with_no_encoder_the_answer_is_the_word_lists_reading(
    plain_assistant: Assistant,
) -> None:
    plain_assistant.semantic = None
    answer = plain_assistant.ask(HELD_OVERNIGHT, AS_OF)
    read = extract(answer.question, plain_assistant.catalogue.gazetteer)
    assert answer.case == read.case
    assert not any("sense of your words" in note or "(a guess)" in note for note in answer.notes)


def test_an_assistant_without_dense_retrieval_has_no_semantic_reader(
    plain_assistant: Assistant,
) -> None:
    fresh = Assistant.from_settings(
        AssistantSettings(
            knowledge_dir=KNOWLEDGE,
            index=plain_assistant.index.settings,
            dense=False,
            semantic=True,
        )
    )
    assert fresh.semantic is None


def test_the_semantic_reader_is_off_unless_asked_for(
    plain_assistant: Assistant, embedder: MiniLMEmbeddings
) -> None:
    settings = AssistantSettings.from_env(
        {"VRN_INDEX_DIR": str(plain_assistant.index.settings.path)}
    )
    assert not settings.semantic
    assert Assistant.from_settings(settings).semantic is None
    wanted = AssistantSettings.from_env(
        {"VRN_INDEX_DIR": str(plain_assistant.index.settings.path), "VRN_SEMANTIC": "1"}
    )
    assert wanted.semantic and Assistant.from_settings(wanted).semantic is not None


def _guess(value: Setting | Role | Issue, confident: bool, score: float = 0.5) -> Guess:
    kinds = {Setting: Kind.setting, Role: Kind.role, Issue: Kind.issue}
    return Guess(
        kind=kinds[type(value)], value=value, score=score, clause="a clause", confident=confident
    )


def test_fill_uses_confident_guesses_and_asks_about_the_others() -> None:
    gazetteer = default_catalogue().gazetteer
    read = extract("Woman, 31, wants support", gazetteer)
    filled = fill(
        read,
        [_guess(Setting.prison, True), _guess(Issue.drugs, False), _guess(Role.victim, False)],
    )
    assert filled.case.setting == Setting.prison
    assert Issue.drugs not in filled.case.issues and Role.victim not in filled.case.roles
    assert filled.case.gender == Gender.female
    assert set(filled.notes[len(read.notes) :]) == {
        "read from the sense of your words: in prison",
        "Does it involve drug misuse? (a guess)",
        "Is she a victim? (a guess)",
    }


def test_fill_never_overrides_what_the_word_lists_read() -> None:
    gazetteer = default_catalogue().gazetteer
    read = extract("22 year old in Preston custody, no violence", gazetteer)
    assert read.case.setting == Setting.police_custody
    filled = fill(read, [_guess(Setting.prison, True), _guess(Issue.violence, True)])
    assert filled == read


def test_clauses_split_at_commas_and_joining_words() -> None:
    clauses = split_clauses("Custody sgt here, got a lad in for a fight and he's calm now. Help?")
    assert [c.text for c in clauses] == [
        "Custody sgt here",
        "got a lad in for a fight",
        "and he's calm now",
    ]


@pytest.mark.parametrize(
    ("was", "now"),
    [
        ("setting: police_custody", "setting: police_custdy"),  # a misspelt value
        ("id: on_the_ward", "id: held_by_police"),  # an id given twice
    ],
)
def test_a_mistake_in_semantic_yaml_is_one_error_naming_the_entry(
    tmp_path: Path, was: str, now: str
) -> None:
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    path = folder / "semantic.yaml"
    path.write_text(path.read_text("utf-8").replace(was, now, 1), "utf-8")
    with pytest.raises(CatalogueError, match=r"semantic\.yaml.*held_by_police"):
        labelled_examples(default_catalogue().gazetteer, folder)
