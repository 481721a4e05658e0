"""Reciprocal rank fusion: worked examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrn_assistant.retrieval.fusion import reciprocal_rank_fusion

ids = st.sampled_from([f"c{i}" for i in range(12)])
ranking = st.lists(ids, max_size=10, unique=True)
rankings = st.lists(ranking, min_size=1, max_size=4)


def test_worked_example() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d"]], k=60)
    assert [item for item, _ in fused] == ["b", "a", "d", "c"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)
    assert fused[1][1] == pytest.approx(1 / 61)


def test_ties_break_by_best_rank_then_id() -> None:
    # x and y each appear once at rank 1; z and w at rank 2: same scores within each pair.
    fused = reciprocal_rank_fusion([["y", "z"], ["x", "w"]])
    assert [item for item, _ in fused] == ["x", "y", "w", "z"]


def test_only_the_first_occurrence_in_a_list_counts() -> None:
    fused = dict(reciprocal_rank_fusion([["a", "a", "b"]], k=0))
    assert fused == {"a": 1.0, "b": pytest.approx(1 / 3)}


def test_empty_inputs() -> None:
    assert reciprocal_rank_fusion([]) == []
    assert reciprocal_rank_fusion([[], []]) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"k": -1}, "k must be zero or more"),
        ({"weights": [1.0]}, "got 1 weights for 2 rankings"),
        ({"weights": [1.0, -0.5]}, "not negative"),
        ({"weights": [1.0, float("nan")]}, "finite"),
    ],
)
def test_rejects_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        reciprocal_rank_fusion([["a"], ["b"]], **kwargs)  # type: ignore[arg-type]


@given(rankings)
def test_every_input_id_appears_exactly_once(lists: list[list[str]]) -> None:
    fused = [item for item, _ in reciprocal_rank_fusion(lists)]
    assert sorted(fused) == sorted({item for ranking in lists for item in ranking})


@given(rankings)
def test_scores_are_sorted_and_deterministic(lists: list[list[str]]) -> None:
    fused = reciprocal_rank_fusion(lists)
    scores = [score for _, score in fused]
    assert scores == sorted(scores, reverse=True)
    assert fused == reciprocal_rank_fusion([list(ranking) for ranking in lists])


@given(rankings, ids)
def test_an_id_first_in_every_list_comes_first(lists: list[list[str]], top: str) -> None:
    lists = [[top, *(item for item in ranking if item != top)] for ranking in lists]
    assert reciprocal_rank_fusion(lists)[0][0] == top


@given(
    st.floats(min_value=0.01, max_value=10),
    st.floats(min_value=0.01, max_value=10),
    st.integers(min_value=1, max_value=8),
)
def test_weights_are_respected(w_lexical: float, w_dense: float, rank: int) -> None:
    # "lex" and "den" sit at the same rank in one list each: the heavier list wins.
    filler = [f"f{i}" for i in range(rank - 1)]
    lists = [[*filler, "lex"], [*filler, "den"]]
    fused = dict(reciprocal_rank_fusion(lists, weights=[w_lexical, w_dense]))
    assert fused["lex"] == pytest.approx(w_lexical / (60 + rank))
    assert fused["den"] == pytest.approx(w_dense / (60 + rank))
    order = [item for item, _ in reciprocal_rank_fusion(lists, weights=[w_lexical, w_dense])]
    if w_lexical > w_dense:
        assert order.index("lex") < order.index("den")
    elif w_dense > w_lexical:
        assert order.index("den") < order.index("lex")


@given(rankings)
def test_zero_weight_list_changes_no_scores(lists: list[list[str]]) -> None:
    extra = ["zz", *lists[0]]
    fused = dict(reciprocal_rank_fusion([*lists, extra], weights=[1.0] * len(lists) + [0.0]))
    assert fused.pop("zz") == 0.0
    assert fused == dict(reciprocal_rank_fusion(lists))
