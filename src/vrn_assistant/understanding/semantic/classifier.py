"""A small linear classifier over sentence vectors: one score per (kind, value).

Ridge regression onto +1 (the example says the value) and -1 (it does not), fitted in
closed form: one linear solve, so it is fitted afresh (in well under a second) whenever
the reader is built, and five more times to measure its thresholds. Scores are not
probabilities; `calibration` turns them into readings at measured thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from vrn_assistant.understanding.semantic.examples import COVERED, Example, Kind
from vrn_assistant.understanding.semantic.index import Vectors

__all__ = ["COLUMNS", "RIDGE", "Classifier", "fit", "label_matrix"]

RIDGE = 0.5  # the penalty on the weights: larger, smoother scores
# The (kind, value) pairs scored, in column order.
COLUMNS: tuple[tuple[Kind, str], ...] = tuple(
    (kind, value.value) for kind in Kind for value in COVERED[kind]
)
Matrix = np.ndarray[Any, np.dtype[np.float64]]


def label_matrix(examples: Sequence[Example]) -> Matrix:
    """(examples x COLUMNS): +1 where an example says the value, else -1."""
    says = [[value in example.says(kind) for kind, value in COLUMNS] for example in examples]
    matrix: Matrix = np.where(np.array(says, dtype=bool).reshape(-1, len(COLUMNS)), 1.0, -1.0)
    return matrix


@dataclass(frozen=True)
class Classifier:
    weights: Matrix  # (dimension + 1) x COLUMNS, the last row the bias

    def scores(self, vectors: Vectors) -> Matrix:
        """(rows x COLUMNS) scores of unit vectors."""
        scored: Matrix = vectors.astype(np.float64) @ self.weights[:-1] + self.weights[-1]
        return scored


def fit(vectors: Vectors, labels: Matrix, ridge: float = RIDGE) -> Classifier:
    """The ridge regression of `labels` on `vectors` (with a bias, not penalised)."""
    rows = vectors.astype(np.float64)
    design = np.hstack([rows, np.ones((rows.shape[0], 1))])
    penalty = np.eye(design.shape[1]) * ridge
    penalty[-1, -1] = 0.0
    weights = np.linalg.solve(design.T @ design + penalty, design.T @ labels)
    return Classifier(weights=weights)
