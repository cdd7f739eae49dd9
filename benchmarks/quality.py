"""Retrieval quality: the project's pipeline beside the rank-bm25 whitespace baseline.

    uv run python benchmarks/quality.py [ARCD.json] [--k 10]

Scores ARCD (default ``../shared/data/arcd/arcd.json`` beside the project; skipped with a
message when missing) and the question sets of ``tests/data`` (the lecture set over the bundled
corpus, and two sets written blind by helpers, see ``tests/data/README.md``). The pipeline rows come from the very code ``chatbot eval``
runs (:func:`chatbot.eval_cli.evaluate_squad` / ``evaluate_gold``); the baseline ranks the same
passages against the same judgements, so the rows differ only in the retrieval:

* ``rank-bm25 BM25Okapi, whitespace`` — raw text split on whitespace (issue 5 measured
  0.407 / 0.637 / 0.506 on ARCD);
* ``chatbot reply`` — what ``chatbot ask`` answers at rank 1 (an abstention is a miss), then the
  search ranking;
* ``chatbot search`` — ``Engine.search``'s ranking alone, no abstention.

Timings: index build (seconds; for the lecture set, opening the index, built only when stale)
and time per question (ms; for the pipeline, ask and search together).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from chatbot.eval_cli import Evaluation, evaluate_gold, evaluate_squad
from chatbot.evaluate import DEFAULT_K, EvalError, ranking_metrics, source_text

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_ARCD = PROJECT_DIR.parent / "shared" / "data" / "arcd" / "arcd.json"
DATA = PROJECT_DIR / "tests" / "data"
# Question sets written blind by helpers (tests/data/README.md): gold file → corpus folder
# (None: the bundled corpus).
QUESTION_SETS = {
    DATA / "lecture_questions.jsonl": None,
    DATA / "lecture_questions_blind.jsonl": None,
    DATA / "blind2_questions.jsonl": DATA / "blind2",
    DATA / "lecture_questions_blind3.jsonl": None,
    DATA / "blind4_questions.jsonl": DATA / "blind4",
    DATA / "blind5_questions.jsonl": DATA / "blind5",
    DATA / "lecture_questions_blind6.jsonl": None,
}
COLUMNS = ("recall@1", "recall@5")


def baseline(evaluation: Evaluation, k: int) -> dict:
    """BM25Okapi over whitespace tokens of the evaluation's passages, scored on its answerable
    questions and judgements (ties keep passage order)."""
    start = time.perf_counter()
    bm25 = BM25Okapi([source_text(p).split() for p in evaluation.passages])
    built = time.perf_counter() - start
    answerable = [o for o in evaluation.outcomes if not o.gold.unanswerable]
    start = time.perf_counter()
    judged = []
    for o in answerable:
        scores = bm25.get_scores(o.gold.question.split())
        ranking = np.argsort(-scores, kind="stable")[:k]
        judged.append(o.judged([int(i) for i in ranking]))
    seconds = time.perf_counter() - start
    return {**ranking_metrics(judged, k), "index_seconds": built,
            "ms_per_question": 1000 * seconds / max(len(answerable), 1)}


def rows(evaluation: Evaluation, k: int) -> list[tuple[str, dict]]:
    """The table rows of one dataset: baseline, chatbot reply, chatbot search."""
    result = evaluation.report
    timing = {"index_seconds": result["index_seconds"], "ms_per_question": result["ms_per_question"]}
    return [
        ("rank-bm25 BM25Okapi, whitespace", baseline(evaluation, k)),
        ("chatbot reply (ask)", {**result, **timing}),
        ("chatbot search ranking", {**result["search"], **timing}),
    ]


def _cell(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_table(title: str, table: list[tuple[str, dict]], k: int) -> None:
    names = [*COLUMNS, f"mrr@{k}"]
    print(f"\n{title}")
    print(f"| system | {' | '.join(names)} | index s | ms/question |")
    print("|---|" + "---|" * (len(names) + 2))
    for name, scores in table:
        cells = [_cell(scores[n]) for n in names]
        print(f"| {name} | {' | '.join(cells)} | {_cell(scores['index_seconds'], 2)} "
              f"| {_cell(scores['ms_per_question'], 1)} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("arcd", nargs="?", type=Path, default=DEFAULT_ARCD, help=f"SQuAD-layout file (default {DEFAULT_ARCD})")
    parser.add_argument("--k", type=int, default=DEFAULT_K, help=f"ranking depth (default {DEFAULT_K})")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        if args.arcd.is_file():
            evaluation = evaluate_squad(args.arcd, args.k)
            print_table(f"{args.arcd.name}: {evaluation.report['questions']} questions, "
                        f"{evaluation.report['passages']} passages", rows(evaluation, args.k), args.k)
        else:
            print(f"ARCD غير موجود، تُرك / ARCD not found at {args.arcd}: skipped")
        for gold, corpus in QUESTION_SETS.items():
            if not gold.is_file():
                print(f"لا مجموعة أسئلة، تُركت / no question set at {gold}: skipped")
                continue
            with tempfile.TemporaryDirectory(prefix="chatbot-quality-") as tmp:
                index = Path(tmp) / "index" if corpus else None
                evaluation = evaluate_gold(gold, corpus, index, args.k)
            print_table(f"{gold.name}: {evaluation.report['answerable']} answerable of "
                        f"{evaluation.report['questions']} questions, {evaluation.report['passages']} passages "
                        f"(abstention precision {_cell(evaluation.report['abstention_precision'])}, "
                        f"recall {_cell(evaluation.report['abstention_recall'])})",
                        rows(evaluation, args.k), args.k)
    except EvalError as exc:
        print(exc, file=sys.stderr)
        return exc.status
    print(f"\n({time.perf_counter() - start:.1f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
