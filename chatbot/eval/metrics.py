"""The ranking metrics, over judged rankings (a list of right/wrong per rank), as ir-measures
computes them from a TREC run, so each can be checked on a hand-computed case:

* ``recall@k`` — share of questions with a right passage in the top ``k`` (the hit rate used
  for QA retrieval: ir-measures ``Success@k``; it equals ``R@k`` when each question has one
  right passage, as in SQuAD);
* ``mrr@k`` — mean reciprocal rank of the first right passage within ``k`` (``RR@k``);
* ``ndcg@k`` — binary-gain nDCG, discount ``1/log2(rank+1)``, ideal ranking of all right
  passages (``nDCG@k``, as trec_eval's ``ndcg_cut``).

Abstention precision = correct abstentions / all abstentions; abstention recall = correct
abstentions / unanswerable questions (``None`` when a denominator is zero).
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

__all__ = ["DEFAULT_K", "RECALL_CUTOFFS", "abstention_scores", "ndcg_at", "ranking_metrics", "recall_at",
           "reciprocal_rank"]

DEFAULT_K = 10
RECALL_CUTOFFS = (1, 3, 5)


def recall_at(rels: Sequence[bool], k: int) -> float:
    """1.0 when a right passage is in the top ``k`` of a judged ranking, else 0.0."""
    return 1.0 if any(rels[:k]) else 0.0


def reciprocal_rank(rels: Sequence[bool], k: int) -> float:
    """1 / rank of the first right passage in the top ``k``; 0.0 when there is none."""
    return next((1.0 / rank for rank, rel in enumerate(rels[:k], 1) if rel), 0.0)


def ndcg_at(rels: Sequence[bool], n_relevant: int, k: int) -> float:
    """Binary-gain nDCG@k: DCG over the ranking / DCG of the ideal one (``n_relevant`` right
    passages first). 0.0 when nothing is relevant."""
    dcg = sum(1.0 / math.log2(rank + 1) for rank, rel in enumerate(rels[:k], 1) if rel)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(n_relevant, k) + 1))
    return dcg / ideal if ideal else 0.0


def abstention_scores(abstained: Sequence[bool], unanswerable: Sequence[bool]) -> tuple[float | None, float | None]:
    """(precision, recall) of abstaining: correct abstentions over all abstentions, and over
    all unanswerable questions; None where the denominator is zero."""
    correct = sum(a and u for a, u in zip(abstained, unanswerable, strict=True))
    n_abstained, n_unanswerable = sum(abstained), sum(unanswerable)
    return (correct / n_abstained if n_abstained else None,
            correct / n_unanswerable if n_unanswerable else None)


def ranking_metrics(judged: Iterable[tuple[Sequence[bool], int]], k: int) -> dict[str, float | None]:
    """Mean recall@1/3/5, mrr@k and ndcg@k over (judged ranking, number of right passages);
    None with no rankings (a group of unanswerable questions has nothing to rank)."""
    names = [f"recall@{c}" for c in RECALL_CUTOFFS] + [f"mrr@{k}", f"ndcg@{k}"]
    rows = [
        [recall_at(rels, c) for c in RECALL_CUTOFFS] + [reciprocal_rank(rels, k), ndcg_at(rels, n, k)]
        for rels, n in judged
    ]
    if not rows:
        return dict.fromkeys(names)
    return {name: round(sum(column) / len(rows), 4) for name, column in zip(names, zip(*rows))}
