"""The thresholds that make a classifier score a reading, measured on held-out examples.

The example sentences are cut into `FOLDS` groups by entry (an entry's sentences and
phrases always together, so a paraphrase is never judged by a classifier that learnt
its own entry). Each group is read by a classifier fitted on the others. Per kind,
`calibrate` takes the lowest score at which the held-out readings are right at least
`CONFIDENT_PRECISION` of the time (a reading used), and the lowest right at least
`GUESS_PRECISION` (a guess to confirm); with fewer than `MIN_SUPPORT` readings above
it, no score is trusted (`NEVER`).

A held-out sentence is read as a question is: cut into clauses (its negated ones left
out, and for a kind those holding the word lists' phrases for it, see `vetoes`), each
value scored by its best clause; for a setting and an offence only the best
value counts, for roles and issues every value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from vrn_assistant.understanding.semantic.classifier import COLUMNS, Matrix, fit, label_matrix
from vrn_assistant.understanding.semantic.examples import Kind
from vrn_assistant.understanding.semantic.index import ExampleIndex
from vrn_assistant.understanding.semantic.vetoes import Veto

__all__ = [
    "CONFIDENT_PRECISION",
    "FOLDS",
    "GUESS_PRECISION",
    "NEVER",
    "Calibration",
    "Point",
    "Reading",
    "blocked_columns",
    "calibrate",
    "readings",
]

CONFIDENT_PRECISION = 0.95
GUESS_PRECISION = 0.8
MIN_SUPPORT = 5
FOLDS = 5
NEVER = float("inf")
SINGLE: frozenset[Kind] = frozenset({Kind.setting, Kind.offence})


@dataclass(frozen=True)
class Reading:
    group: int  # the question (or held-out sentence) read
    row: int  # the row of its clause that scored best
    kind: Kind
    value: str
    score: float


def blocked_columns(kinds: Sequence[Collection[Kind]]) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """(clauses x COLUMNS): True where a clause's kind is vetoed (`vetoes.vetoed`)."""
    return np.array(
        [[kind in vetoed for kind, _ in COLUMNS] for vetoed in kinds], dtype=bool
    ).reshape(len(kinds), len(COLUMNS))


def readings(
    scores: Matrix, groups: Sequence[int], blocked: np.ndarray[Any, np.dtype[np.bool_]]
) -> list[Reading]:
    """The readings of each group of rows of (clauses x COLUMNS) scores (`groups[i]`:
    the question clause i is of), before any threshold: each value at its best clause's
    score, clauses `blocked` for it aside; for a setting and an offence, only the best
    value."""
    found: list[Reading] = []
    labels = np.asarray(groups)
    open_scores = np.where(blocked, -np.inf, scores)
    for group in dict.fromkeys(int(g) for g in labels):
        rows = np.flatnonzero(labels == group)
        block = open_scores[rows]
        best, where = block.max(axis=0), block.argmax(axis=0)
        for kind in Kind:
            columns = [c for c, (of, _) in enumerate(COLUMNS) if of == kind and best[c] > -np.inf]
            if kind in SINGLE and columns:
                columns = [max(columns, key=lambda column: best[column])]
            found.extend(
                Reading(group, int(rows[where[c]]), kind, COLUMNS[c][1], float(best[c]))
                for c in columns
            )
    return found


def _fold(entry: str) -> int:
    return int(hashlib.sha256(entry.encode("utf-8")).hexdigest(), 16) % FOLDS


@dataclass(frozen=True)
class Point:
    """Held-out precision and recall of one kind at one threshold."""

    threshold: float
    precision: float | None
    recall: float | None
    readings: int


@dataclass(frozen=True)
class Calibration:
    confident: Mapping[Kind, float]
    guess: Mapping[Kind, float]
    truths: Mapping[Kind, int]  # held-out (sentence, value) pairs to find, per kind
    held_out: tuple[tuple[Reading, bool], ...]  # every held-out reading, and if right

    def point(self, kind: Kind, threshold: float) -> Point:
        kept = [ok for r, ok in self.held_out if r.kind == kind and r.score >= threshold]
        right = sum(kept)
        truths = self.truths.get(kind, 0)
        return Point(
            threshold=threshold,
            precision=right / len(kept) if kept else None,
            recall=right / truths if truths else None,
            readings=len(kept),
        )


def _threshold(scored: Sequence[tuple[float, bool]], precision: float) -> float:
    ordered = sorted(scored, key=lambda item: -item[0])
    best = NEVER
    right = 0
    for count, (score, ok) in enumerate(ordered, start=1):
        right += ok
        if count >= MIN_SUPPORT and right / count >= precision:
            best = score
    return best


def calibrate(index: ExampleIndex, vetoes: Sequence[Veto]) -> Calibration:
    """Thresholds per kind, from each held-out sentence read clause by clause, as the
    reader reads a question: the word lists' phrases veto a kind, the held-out entries'
    own aside (the lists are taken to lack them)."""
    examples = index.examples
    matched = [[veto for veto in vetoes if veto.matches(text)] for _, text in index.clauses]
    labels = label_matrix(examples)
    folds = np.array([_fold(example.entry) for example in examples])
    owners = np.array([owner for owner, _ in index.clauses], dtype=int)
    held: list[tuple[Reading, bool]] = []
    for fold in range(FOLDS):
        test = np.flatnonzero(folds[owners] == fold) if owners.size else owners
        train = folds != fold
        if test.size == 0 or not train.any():
            continue
        classifier = fit(index.vectors[train], labels[train])
        scores = classifier.scores(index.clause_vectors[test])
        kinds = [{v.kind for v in matched[row] if _fold(v.entry) != fold} for row in test]
        for reading in readings(scores, owners[test].tolist(), blocked_columns(kinds)):
            right = reading.value in examples[reading.group].says(reading.kind)
            held.append((reading, right))
    judged = sorted(set(owners.tolist()))
    truths = {kind: sum(len(examples[i].says(kind)) for i in judged) for kind in Kind}
    confident: dict[Kind, float] = {}
    guess: dict[Kind, float] = {}
    for kind in Kind:
        scored = [(r.score, ok) for r, ok in held if r.kind == kind]
        confident[kind] = _threshold(scored, CONFIDENT_PRECISION)
        guess[kind] = min(_threshold(scored, GUESS_PRECISION), confident[kind])
    return Calibration(confident, guess, truths, tuple(held))
