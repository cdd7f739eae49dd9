"""Fit the shares of the fused score (chatbot.qa.settings) on the development sets.

    uv run python benchmarks/fit_ranking.py              # collect (≈ 5 min), fit, report

For every answerable question of the development sets (words only; the held-back sets are never
used, nor the sets repeating other sets' lectures in other formats), the 40 best passages by the
current fused score are kept with each additive part of that score (chatbot.qa.retrieve.rank):
the word and character BM25 fields scaled by their best, the file's own score, title, phrase,
definition, file coverage, the words held and the words its headings hold, and the summary and
asking marks. A linear score over them
is fit by a listwise softmax (a small L2) whose target is the narrowest relevant passage: the
judge also counts right a section holding the answer, and a target of every relevant passage
learns to prefer whole sections (with a length term it did: 6,773 right against 6,202, by
sections holding the answer among much else); a student wants the passage itself. It is judged
by how often its best candidate is relevant, and how often it is the narrowest: each set scored
by the model fit without it (8 folds of whole sets), the figure to expect on a new lecture. The
shares printed are the fitted weights scaled so that the character field keeps its share; the
summary and asking marks stay multipliers (settings) and are fitted only so the other weights
are not bent by them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_abstention import SKIPPED_SETS  # noqa: E402
from quality import BUNDLED, question_sets  # noqa: E402

from chatbot.eval import Judge, load_gold  # noqa: E402
from chatbot.index.analysis import FILE_PREFIX  # noqa: E402
from chatbot.index.semantic import ENV  # noqa: E402
from chatbot.qa import retrieve as R  # noqa: E402
from chatbot.qa.engine import open_engine  # noqa: E402
from chatbot.qa.query import Intent, Unaskable, read_query  # noqa: E402

FEATURES = ("word", "char", "file", "title", "phrase", "definition", "file_coverage", "held", "headings",
            "summary", "asks")
CANDIDATES = 40
FOLDS = 8
L2 = 1e-3


def _candidates(engine, gold) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(features, relevant, narrowest relevant) of the question's best candidates, or None when
    none is relevant."""
    idx, settings = engine.index, engine.settings
    q = read_query(gold.question, idx.fields["word"], engine.speller, engine.extra_synonyms, settings, engine.named)
    if isinstance(q, Unaskable) or q.intent == Intent.SMALLTALK:
        return None
    relevant = Judge(engine.passages).relevant(gold)
    files = R.file_coverage(q.terms, idx, engine.speller())
    queries = R._field_queries(q.terms)
    several = len(idx.params.get("files", ())) > 1
    word = R._fuse(idx.fields, "", queries, replace(settings, field_shares=MappingProxyType({"word": 1.0})))
    char = R._fuse(idx.fields, "", queries, replace(settings, field_shares=MappingProxyType({"char": 1.0})))
    file = R._fuse(idx.fields, FILE_PREFIX, queries, settings)[idx.file_of] if several else np.zeros(len(word))
    best = np.array(R.top_k(R.rank(q, idx, files, None, settings), CANDIDATES), dtype=np.int64)
    if not len(best) or not relevant & set(best.tolist()):
        return None
    gains = R.rerank_terms(q, idx, files, best, settings)
    rows = np.column_stack([word[best], char[best], file[best], gains.title, gains.phrase, gains.definition,
                            gains.file_coverage, gains.held, gains.headings, gains.summary, gains.asks]).astype(float)
    right = [i in relevant for i in best]
    shortest = min(len(idx.passages[i].text) for i, r in zip(best, right) if r)
    narrowest = [r and len(idx.passages[i].text) == shortest for i, r in zip(best, right)]
    return rows, np.array(right, dtype=float), np.array(narrowest, dtype=float)


def collect() -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    os.environ[ENV] = "0"
    data = []
    for qs in question_sets(holdout=False):
        if qs.name in SKIPPED_SETS or qs.corpus == BUNDLED:
            continue
        with tempfile.TemporaryDirectory(prefix="chatbot-fit-") as tmp:
            engine = open_engine(qs.corpus, Path(tmp) / "index", semantic=False)
            for gold in load_gold(qs.gold):
                if not gold.unanswerable and (found := _candidates(engine, gold)) is not None:
                    data.append((qs.name, *found))
        print(f"  {qs.name}: {sum(1 for d in data if d[0] == qs.name)} questions", file=sys.stderr)
    return data


def _loss(w: np.ndarray, data: list) -> tuple[float, np.ndarray]:
    """Listwise softmax cross-entropy, the narrowest relevant candidates sharing the target."""
    loss, grad = 0.0, np.zeros_like(w)
    for _, x, _, y in data:
        s = x @ w
        p = np.exp(s - s.max())
        p /= p.sum()
        t = y / y.sum()
        loss -= float(t @ np.log(p + 1e-12))
        grad -= x.T @ (t - p)
    return loss / len(data) + L2 * float(w @ w), grad / len(data) + 2 * L2 * w


def fit(data: list) -> np.ndarray:
    return minimize(_loss, np.zeros(len(FEATURES)), args=(data,), jac=True, method="L-BFGS-B").x


def right_at_1(w: np.ndarray, data: list) -> np.ndarray:
    """How often the best candidate is relevant, and how often it is the narrowest relevant."""
    tops = [(np.argmax(x @ w), right, narrowest) for _, x, right, narrowest in data]
    return np.array([[right[top], narrowest[top]] for top, right, narrowest in tops]).sum(0)


def main() -> int:
    data = collect()
    sets = sorted({name for name, *_ in data})
    # The candidates come ranked by the current shares.
    current = np.array([[right[0], narrowest[0]] for _, _, right, narrowest in data]).sum(0)
    held_out = np.zeros(2)
    for k in range(FOLDS):
        test = set(sets[k::FOLDS])
        w = fit([d for d in data if d[0] not in test])
        held_out += right_at_1(w, [d for d in data if d[0] in test])
    w = fit(data)
    print(f"{len(data)} questions of {len(sets)} sets with a relevant passage among the {CANDIDATES} best:")
    print(f"  right at rank 1 (and the narrowest right), current shares: {current[0]:.0f} ({current[1]:.0f}); fitted, "
          f"each set by a model fit without it: {held_out[0]:.0f} ({held_out[1]:.0f})")
    scale = 0.6 / w[FEATURES.index("char")]
    for name, value in zip(FEATURES, w):
        print(f"  {name:14} {value:+.3f}  share {value * scale:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
