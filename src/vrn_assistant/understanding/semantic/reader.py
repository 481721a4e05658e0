"""The semantic reader: a question's clauses against the labelled examples, as guesses.

Built once per encoder, on first use or `prepare()`, thread-safely: the examples
embedded with their place names made neutral (`index`, `places`), the classifier
fitted on all of them (`classifier`) and its thresholds measured on held-out ones
(`calibration`). Each question then costs one batch of clause vectors and a matrix
product; a clause holding the word lists' phrases for a kind gives no guess of that
kind (`vetoes`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from vrn_assistant.understanding.extraction.lexicon import lexicon, load_lexicon
from vrn_assistant.understanding.semantic.calibration import (
    Calibration,
    blocked_columns,
    calibrate,
    readings,
)
from vrn_assistant.understanding.semantic.classifier import Classifier, fit, label_matrix
from vrn_assistant.understanding.semantic.clauses import split_clauses
from vrn_assistant.understanding.semantic.examples import Kind, labelled_examples
from vrn_assistant.understanding.semantic.index import ExampleIndex, build_index, unit_rows
from vrn_assistant.understanding.semantic.places import neutral_places
from vrn_assistant.understanding.semantic.vetoes import Veto, lexicon_vetoes, vetoed
from vrn_core.places import Gazetteer
from vrn_core.vocabulary import Issue, OffenceCategory, Role, Setting

__all__ = ["Fact", "Guess", "SemanticReader"]

Fact = Setting | Role | Issue | OffenceCategory
_TYPES: dict[Kind, type[Fact]] = {
    Kind.setting: Setting,
    Kind.role: Role,
    Kind.issue: Issue,
    Kind.offence: OffenceCategory,
}


@dataclass(frozen=True)
class Guess:
    """A fact read from the sense of a clause: used when `confident`, else to confirm."""

    kind: Kind
    value: Fact
    score: float  # the classifier's score (see `calibration` for the thresholds)
    clause: str
    confident: bool


@dataclass(frozen=True)
class _Built:
    index: ExampleIndex
    classifier: Classifier
    calibration: Calibration
    vetoes: tuple[Veto, ...]


class SemanticReader:
    """Reads guesses from a question with `embeddings` (a LangChain encoder). `cache_dir`
    keeps the example vectors on disk; `folder` is a lexicon folder other than the
    shipped one."""

    def __init__(
        self,
        embeddings: Embeddings,
        gazetteer: Gazetteer,
        *,
        cache_dir: Path | None = None,
        folder: Path | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.gazetteer = gazetteer
        self.cache_dir = cache_dir
        self.folder = folder
        self._lock = threading.Lock()
        self._built: _Built | None = None

    def prepare(self) -> None:
        """Embed the examples and measure the thresholds now rather than on first use."""
        self._ready()

    @property
    def index(self) -> ExampleIndex:
        return self._ready().index

    @property
    def calibration(self) -> Calibration:
        return self._ready().calibration

    def read(self, text: str) -> tuple[Guess, ...]:
        """The guesses of `text`, best first: for each kind and value, its best clause
        scoring at least the kind's guess threshold. Negated clauses are never read."""
        built = self._ready()
        clauses = [clause.text for clause in split_clauses(text) if not clause.negated]
        if not clauses:
            return ()
        neutral = [neutral_places(clause, self.gazetteer) for clause in clauses]
        queries = unit_rows(self.embeddings.embed_documents(neutral))
        if queries.shape[1:] != built.index.vectors.shape[1:]:
            return ()
        calibration = built.calibration
        best: dict[tuple[Kind, str], Guess] = {}
        scores = built.classifier.scores(queries)
        # A kind the word lists judged in a clause is theirs (see `vetoes`).
        blocked = blocked_columns([vetoed(clause, built.vetoes) for clause in clauses])
        for reading in readings(scores, [0] * len(clauses), blocked):
            if reading.score < calibration.guess[reading.kind]:
                continue
            key = (reading.kind, reading.value)
            if key in best and best[key].score >= reading.score:
                continue
            best[key] = Guess(
                kind=reading.kind,
                value=_TYPES[reading.kind](reading.value),
                score=reading.score,
                clause=clauses[reading.row],
                confident=reading.score >= calibration.confident[reading.kind],
            )
        return tuple(sorted(best.values(), key=lambda guess: -guess.score))

    def _neutral(self, text: str) -> str:
        return neutral_places(text, self.gazetteer)

    def _ready(self) -> _Built:
        built = self._built
        if built is None:
            with self._lock:
                built = self._built
                if built is None:
                    words = lexicon() if self.folder is None else load_lexicon(self.folder)
                    examples = labelled_examples(self.gazetteer, self.folder)
                    index = build_index(self.embeddings, examples, self._neutral, self.cache_dir)
                    classifier = fit(index.vectors, label_matrix(examples))
                    vetoes = lexicon_vetoes(words)
                    built = _Built(index, classifier, calibrate(index, vetoes), vetoes)
                    self._built = built
        return built
