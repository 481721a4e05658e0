"""Danger by sense: whole messages that read like danger happening now.

The word lists of `safety` decide first and their advice always stands. What they miss
(a new way of telling an emergency: "she keeps going in and out, there's a dent in her
head") a small classifier over sentence vectors may still catch; but a message the word
lists found told as not now (a past, a film, a general question: `told_as_not_now`)
stays theirs, since those markers are what such a classifier confuses most. It is
ridge regression of +1 (danger now) and -1 (not) on the unit vectors of labelled
messages: the `danger_now` and `not_now` lists of `knowledge/lexicon/danger_messages.yaml`
and every example of `danger.yaml` labelled as its tests read it (an entry's examples
are emergencies, its not_examples are not, a context entry's examples are not unless its
effect says now).

Its threshold is measured, not chosen: the messages are cut into `FOLDS` groups by a
hash of their text, each group scored by a classifier fitted on the others, and the
threshold is the score that `FALSE_ALARMS` of the held-out ordinary messages exceed.
A missed emergency costs more than advice not needed, so the target leans to recall,
and stays under the 5 % of false alarms the safety sets allow.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from vrn_assistant.understanding.safety import Danger, danger_lexicon_path, told_as_not_now
from vrn_assistant.understanding.safety.model import NOW_EFFECTS
from vrn_assistant.understanding.semantic.classifier import Classifier, fit
from vrn_assistant.understanding.semantic.examples import content_hash
from vrn_assistant.understanding.semantic.index import (
    Vectors,
    cached_vectors,
    model_name,
    unit_rows,
)
from vrn_core.yamlfile import read_yaml, validation_error

__all__ = [
    "FALSE_ALARMS",
    "FOLDS",
    "SENSE_REASON",
    "DangerReader",
    "DangerSense",
    "danger_messages_path",
    "labelled_messages",
    "measure",
]

FOLDS = 5
FALSE_ALARMS = 0.02  # of held-out ordinary messages scoring above the threshold
SENSE_REASON = "it reads like a message about danger happening now"

# (model, hash of the labelled messages) -> what was measured: assistants built afresh in
# one process (each app session's, each test's) share one build.
_MEASURED: dict[tuple[str, str], DangerSense] = {}
_MEASURED_LOCK = threading.Lock()

_Message = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _MessagesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    danger_now: list[_Message] = Field(min_length=1)
    not_now: list[_Message] = Field(min_length=1)


def danger_messages_path() -> Path:
    """knowledge/lexicon/danger_messages.yaml as shipped, beside danger.yaml."""
    return danger_lexicon_path().with_name("danger_messages.yaml")


def labelled_messages(
    messages: Path | None = None, lexicon: Path | None = None
) -> tuple[tuple[str, bool], ...]:
    """(message, danger now?) of the messages file and of the danger lexicon's examples,
    each distinct message once (its first label kept). Any problem with a file is one
    CatalogueError naming it."""
    path = messages or danger_messages_path()
    try:
        document = _MessagesFile.model_validate(read_yaml(path))
    except ValidationError as exc:
        raise validation_error(exc, path=path, record=None) from None
    found: dict[str, bool] = {}
    for text, now in (
        *((text, True) for text in document.danger_now),
        *((text, False) for text in document.not_now),
        *_lexicon_examples(lexicon or danger_lexicon_path()),
    ):
        found.setdefault(" ".join(text.split()), now)
    return tuple(found.items())


def _lexicon_examples(path: Path) -> list[tuple[str, bool]]:
    """The danger lexicon's examples, labelled as its tests read them. Read as plain data:
    `load_lexicon` validates this file when the word lists first run."""
    raw = read_yaml(path)
    labelled: list[tuple[str, bool]] = []
    for entry in raw.get("danger", ()):
        labelled += [(text, True) for text in entry.get("examples", ())]
        labelled += [(text, False) for text in entry.get("not_examples", ())]
    for entry in raw.get("context", ()):
        now = entry.get("effect") in NOW_EFFECTS
        labelled += [(text, now) for text in entry.get("examples", ())]
    return labelled


@dataclass(frozen=True)
class DangerSense:
    """The fitted classifier and the threshold measured for it."""

    classifier: Classifier
    threshold: float

    def score(self, vector: Vectors) -> float:
        return float(self.classifier.scores(vector.reshape(1, -1))[0, 0])


def _fold(text: str) -> int:
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % FOLDS


def measure(vectors: Vectors, messages: Sequence[tuple[str, bool]]) -> DangerSense:
    """Fit on every message, row for row with `vectors`; the threshold from held-out
    scores (see the module)."""
    targets = np.array([1.0 if now else -1.0 for _, now in messages]).reshape(-1, 1)
    groups = np.array([_fold(text) for text, _ in messages])
    held_out = np.zeros(len(messages))
    for group in range(FOLDS):
        test = groups == group
        if test.any() and not test.all():
            held_out[test] = fit(vectors[~test], targets[~test]).scores(vectors[test])[:, 0]
    ordinary = held_out[targets[:, 0] < 0]
    threshold = float(np.quantile(ordinary, 1 - FALSE_ALARMS)) if len(ordinary) else np.inf
    return DangerSense(classifier=fit(vectors, targets), threshold=threshold)


class DangerReader:
    """Reads danger by sense with `embeddings` (a LangChain encoder), built on first use.
    `cache_dir` keeps the messages' vectors on disk; `messages` and `lexicon` are files
    other than the shipped ones. Safe to share between threads."""

    def __init__(
        self,
        embeddings: Embeddings,
        *,
        cache_dir: Path | None = None,
        messages: Path | None = None,
        lexicon: Path | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.cache_dir = cache_dir
        self.messages = messages
        self.lexicon = lexicon
        self._lock = threading.Lock()
        self._sense: DangerSense | None = None

    def prepare(self) -> DangerSense:
        """Embed the messages and measure the threshold now rather than on first use."""
        sense = self._sense
        if sense is None:
            with self._lock:
                sense = self._sense
                if sense is None:
                    sense = self._measured()
                    self._sense = sense
        return sense

    def _measured(self) -> DangerSense:
        messages = labelled_messages(self.messages, self.lexicon)
        key = (model_name(self.embeddings), content_hash(f"{t}\t{now}" for t, now in messages))
        with _MEASURED_LOCK:  # one build per process and model, whatever the readers
            sense = _MEASURED.get(key)
            if sense is None:
                texts = [text for text, _ in messages]
                vectors = cached_vectors(self.embeddings, texts, self.cache_dir)
                sense = _MEASURED[key] = measure(vectors, messages)
        return sense

    def score(self, text: str, vector: Future[list[float]] | None = None) -> float:
        """How much `text` reads like danger now (above `prepare().threshold`: it does).
        `vector`: its embedding already being computed (the retrieval query's)."""
        sense = self.prepare()
        row = vector.result() if vector is not None else self.embeddings.embed_query(text)
        unit = unit_rows([row])
        if unit.shape[1:] != (sense.classifier.weights.shape[0] - 1,):
            return -np.inf  # another encoder's vector: nothing to compare
        return sense.score(unit[0])

    def assess(self, text: str, vector: Future[list[float]] | None = None) -> Danger | None:
        """Danger now by sense, with its one reason; None when the message reads ordinary
        or the word lists found it told as not now ("last year", "in a film", "what
        should staff do if")."""
        if not text.strip() or told_as_not_now(text):
            return None
        return (
            Danger(reasons=(SENSE_REASON,))
            if self.score(text, vector) > self.prepare().threshold
            else None
        )
