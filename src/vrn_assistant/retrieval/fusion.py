"""Reciprocal rank fusion: merge ranked lists of ids into one ranking (pure).

Chroma's local client has no sparse or hybrid search, so lexical (bm25s) and
dense (Chroma) rankings are fused here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["reciprocal_rank_fusion"]


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]],
    *,
    k: int = 60,
    weights: Sequence[float] | None = None,
) -> list[tuple[str, float]]:
    """Fuse rankings (best first) into `(id, score)` pairs, best first.

    score(id) = sum over the lists that contain id of weight / (k + rank), rank
    counted from 1. Only an id's first occurrence in a list counts. Ties are
    broken by the best rank the id reached in any list, then by id, so the
    result does not depend on dict or set ordering.
    """
    if k < 0:
        raise ValueError(f"k must be zero or more, got {k}")
    if weights is None:
        weights = [1.0] * len(rankings)
    elif len(weights) != len(rankings):
        raise ValueError(f"got {len(weights)} weights for {len(rankings)} rankings")
    elif any(not math.isfinite(w) or w < 0 for w in weights):
        raise ValueError(f"weights must be finite and not negative, got {list(weights)}")

    scores: dict[str, float] = {}
    best_rank: dict[str, int] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        seen: set[str] = set()
        for rank, item in enumerate(ranking, start=1):
            if item in seen:
                continue
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            best_rank[item] = min(best_rank.get(item, rank), rank)
    order = sorted(scores, key=lambda item: (-scores[item], best_rank[item], item))
    return [(item, scores[item]) for item in order]
