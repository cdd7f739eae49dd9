"""SparseBM25 gives rank-bm25's numbers: the product may only be faster, never different.

Every case builds the same random corpus into rank-bm25 (``BM25Okapi``, ``BM25L``,
``BM25Plus``) and into :class:`chatbot.index.bm25.SparseBM25`, then compares ``get_scores`` with
``scores`` for random queries. The corpora are drawn from a small, skewed vocabulary on
purpose: some terms then occur in more than half of the passages, which sends BM25Okapi's IDF
below zero and onto its epsilon floor — the branch most likely to drift.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
import rank_bm25

from chatbot.index.bm25 import BM25Params, SparseBM25
from chatbot.qa.retrieve import top_k

TOLERANCE = 1e-9
RANK_BM25 = {"okapi": rank_bm25.BM25Okapi, "l": rank_bm25.BM25L, "plus": rank_bm25.BM25Plus}
# (variant, k1, b, extra): rank-bm25's defaults, then others, so no constant is hard-wired.
PARAMS = [
    ("okapi", 1.5, 0.75, {"epsilon": 0.25}),
    ("okapi", 0.9, 0.4, {"epsilon": 0.6}),
    ("okapi", 2.0, 1.0, {"epsilon": 0.0}),
    ("l", 1.5, 0.75, {"delta": 0.5}),
    ("l", 1.2, 0.3, {"delta": 1.5}),
    ("plus", 1.5, 0.75, {"delta": 1.0}),
    ("plus", 0.7, 0.9, {"delta": 0.3}),
    ("plus", 1.5, 0.0, {"delta": 2.0}),
]
SIZES = [1, 2, 7, 60, 400]
# rank-bm25's default parameters per variant (BM25Params' defaults differ: BM25L's delta).
DEFAULTS = {
    "okapi": BM25Params("okapi", 1.5, 0.75, epsilon=0.25),
    "l": BM25Params("l", 1.5, 0.75, delta=0.5),
    "plus": BM25Params("plus", 1.5, 0.75, delta=1.0),
}


def _params(variant: str, k1: float, b: float, extra: dict) -> BM25Params:
    return BM25Params(variant=variant, k1=k1, b=b, **extra)


def _reference(corpus: list[list[str]], variant: str, k1: float, b: float, extra: dict):
    return RANK_BM25[variant](corpus, k1=k1, b=b, **extra)


def _corpus(rng: random.Random, n_docs: int) -> list[list[str]]:
    """Passages of 1–30 terms over a Zipf-like vocabulary: a few terms are everywhere."""
    vocab = [f"t{i}" for i in range(max(5, n_docs // 2))]
    weights = [1 / (i + 1) ** 1.1 for i in range(len(vocab))]
    return [rng.choices(vocab, weights, k=rng.randint(1, 30)) for _ in range(n_docs)]


def _queries(rng: random.Random, corpus: list[list[str]]) -> list[list[str]]:
    """Queries with repeated terms, terms the corpus never uses, and the commonest terms."""
    known = sorted({t for doc in corpus for t in doc})
    common = max(known, key=lambda t: sum(t in doc for doc in corpus))
    queries = [[common], [common, common, known[0]], ["absent"], [], ["absent", known[-1], known[-1]]]
    for _ in range(20):
        q = rng.choices(known, k=rng.randint(1, 8))
        if rng.random() < 0.3:
            q.append("never-seen")
        if rng.random() < 0.4:
            q.append(rng.choice(q))
        queries.append(q)
    return queries


@pytest.mark.parametrize("n_docs", SIZES)
@pytest.mark.parametrize("variant,k1,b,extra", PARAMS)
def test_scores_equal_rank_bm25(n_docs: int, variant: str, k1: float, b: float, extra: dict) -> None:
    rng = random.Random(f"{n_docs}-{variant}-{k1}-{b}")
    corpus = _corpus(rng, n_docs)
    ours = SparseBM25.build(corpus, _params(variant, k1, b, extra))
    reference = _reference(corpus, variant, k1, b, extra)
    for query in _queries(rng, corpus):
        expected = reference.get_scores(query)
        got = ours.scores(query)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=0, atol=TOLERANCE, err_msg=f"query {query}")


def test_okapi_floor_path_is_exercised() -> None:
    """The corpora above really reach BM25Okapi's negative-IDF branch (else the test proves
    less than it claims)."""
    corpus = _corpus(random.Random(1), 60)
    reference = rank_bm25.BM25Okapi(corpus)
    floored = [t for t in SparseBM25.build(corpus, BM25Params("okapi")).terms
               if sum(t in doc for doc in corpus) > len(corpus) / 2]
    assert floored
    assert all(reference.idf[t] == pytest.approx(0.25 * reference.average_idf) for t in floored)


@pytest.mark.parametrize("variant", ["okapi", "l", "plus"])
def test_weight_equals_repeating_the_term(variant: str) -> None:
    """A weight of 2 is the term asked twice, as rank-bm25 counts repeats."""
    corpus = _corpus(random.Random(2), 80)
    ours = SparseBM25.build(corpus, DEFAULTS[variant])
    reference = RANK_BM25[variant](corpus)
    np.testing.assert_allclose(
        ours.scores(["t0", "t3"], [2.0, 1.0]), reference.get_scores(["t0", "t0", "t3"]), rtol=0, atol=TOLERANCE
    )


@pytest.mark.parametrize("variant", ["okapi", "l", "plus"])
def test_scores_survive_save_and_load(tmp_path, variant: str) -> None:
    """The arrays as written to disk (.npy, float32 term frequencies) still give the numbers."""
    corpus = _corpus(random.Random(3), 120)
    built = SparseBM25.build(corpus, DEFAULTS[variant])
    arrays = {}
    for name in ("idf", "indptr", "docs", "tfs", "doc_len"):
        np.save(tmp_path / f"{name}.npy", getattr(built, name), allow_pickle=False)
        arrays[name] = np.load(tmp_path / f"{name}.npy", allow_pickle=False)
    loaded = SparseBM25(built.params, built.terms, **arrays)
    reference = RANK_BM25[variant](corpus)
    query = ["t0", "t1", "t1", "t9", "absent"]
    np.testing.assert_allclose(loaded.scores(query), reference.get_scores(query), rtol=0, atol=TOLERANCE)


@pytest.mark.parametrize("variant", ["okapi", "l", "plus"])
def test_empty_corpus_scores_nothing(variant: str) -> None:
    """rank-bm25 divides by zero on an empty corpus; the product just finds nothing."""
    with np.errstate(all="raise"):
        model = SparseBM25.build([], BM25Params(variant))
        scores = model.scores(["anything", "anything"])
    assert len(model) == 0
    assert scores.shape == (0,)
    assert top_k(scores, 3) == []


@pytest.mark.parametrize("variant", ["okapi", "l", "plus"])
def test_corpus_of_empty_passages_scores_zero(variant: str) -> None:
    """Passages with no terms at all (a field a lecture leaves empty, such as word pairs of
    one-word items) give zero scores, not a division by zero."""
    with np.errstate(all="raise"):
        model = SparseBM25.build([[], []], BM25Params(variant))
        scores = model.scores(["anything"])
    assert scores.tolist() == [0.0, 0.0]
    assert top_k(scores, 3) == []


def test_string_query_is_refused() -> None:
    """rank-bm25 would silently score a string character by character."""
    model = SparseBM25.build([["a", "b"], ["b", "c"]])
    with pytest.raises(TypeError):
        model.scores("a b")


def test_all_zero_scores_give_no_results() -> None:
    """Okapi scores an unknown term 0 everywhere: nothing is returned, not arbitrary passages."""
    model = SparseBM25.build([["a", "b"], ["b", "c"], ["c", "d"]], BM25Params("okapi"))
    scores = model.scores(["zzz"])
    assert not scores.any()
    assert top_k(scores, 2) == []
    assert top_k(scores, 2, allowed=np.array([True, False, True])) == []
