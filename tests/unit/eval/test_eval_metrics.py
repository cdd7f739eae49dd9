"""The ranking and abstention metrics of chatbot.eval.metrics, on hand-computed cases."""

import math

import pytest

from chatbot.eval.metrics import abstention_scores, ndcg_at, ranking_metrics, recall_at, reciprocal_rank

T, F = True, False


def test_recall_at_is_a_hit_in_the_top_k():
    assert recall_at([F, F, T], 1) == 0.0
    assert recall_at([F, F, T], 3) == 1.0
    assert recall_at([], 5) == 0.0


def test_reciprocal_rank_of_the_first_right_passage_within_k():
    assert reciprocal_rank([F, T, T], 10) == 0.5
    assert reciprocal_rank([F, F, F, T], 3) == 0.0
    assert reciprocal_rank([T], 10) == 1.0


def test_ndcg_binary_gain_against_the_ideal_ranking():
    # DCG = 1/log2(3) + 1/log2(5); ideal with 3 right passages = 1 + 1/log2(3) + 1/log2(4).
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    ideal = 1 + 1 / math.log2(3) + 0.5
    assert ndcg_at([F, T, F, T], 3, 10) == pytest.approx(dcg / ideal)
    assert ndcg_at([F, T, F, T], 3, 10) == pytest.approx(0.49819, abs=1e-5)
    assert ndcg_at([T, F], 1, 10) == 1.0
    assert ndcg_at([F, T], 1, 1) == 0.0  # cut at k
    assert ndcg_at([F], 0, 10) == 0.0


def test_ndcg_ideal_is_cut_at_k():
    # 5 right passages but k = 2: the ideal is 2 right passages, so two hits score 1.
    assert ndcg_at([T, T], 5, 2) == pytest.approx(1.0)


def test_abstention_precision_and_recall():
    abstained = [T, T, F, T, F]
    unanswerable = [T, F, T, T, F]
    assert abstention_scores(abstained, unanswerable) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert abstention_scores([F, F], [F, F]) == (None, None)


def test_ranking_metrics_are_means_and_none_when_empty():
    metrics = ranking_metrics([([T, F], 1), ([F, T], 1)], 10)
    assert metrics["recall@1"] == 0.5 and metrics["recall@3"] == 1.0
    assert metrics["mrr@10"] == 0.75
    assert metrics["ndcg@10"] == pytest.approx((1 + 1 / math.log2(3)) / 2, abs=1e-4)
    assert ranking_metrics([], 10) == dict.fromkeys(["recall@1", "recall@3", "recall@5", "mrr@10", "ndcg@10"])
