"""Retrieval quality: the engine beside the naive baseline, on every question set and ARCD.

    uv run python benchmarks/quality.py                 # question sets + ARCD (~1 min)
    uv run python benchmarks/quality.py --sets-only     # question sets only
    uv run python benchmarks/quality.py --holdout       # also the held-back sets (score once!)

Question sets (``tests/data/README.md``): the developer's and the blind sets on the bundled
lecture, the blind sets on other lectures, and every folder ``tests/data/dev/NAME/`` holding a
``corpus/`` folder, ``questions.jsonl`` and optionally ``smalltalk.txt`` (greetings, one per
line). ``tests/data/holdout/NAME/`` folders (same layout) are scored only with ``--holdout``.

For each set, beside the naive baseline (:mod:`naive_baseline`: blank-line blocks + BM25Plus
over character 3–4-grams): answerable questions right at rank 1 (the reply's passage, an
abstention a miss) and in the top 5, out-of-scope questions declined, greetings recognised.
Every question's result is kept in ``benchmarks/results/quality_questions.json``; each run names
the questions whose result changed since the last run.

ARCD (``../shared/data/arcd/arcd.json``, skipped when missing): the engine's reply and search
rankings beside rank-bm25 BM25Okapi on whitespace tokens and the naive n-gram baseline over the
same passages (one per paragraph), judged two ways: the paragraph the question was written on,
and answer-in-passage (any passage holding a gold answer string).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import numpy as np
from rank_bm25 import BM25Okapi

sys.path.insert(0, str(Path(__file__).resolve().parent))
from naive_baseline import NaiveBaseline  # noqa: E402

from chatbot.eval.gold import EvalError, load_gold  # noqa: E402
from chatbot.eval.metrics import DEFAULT_K, ranking_metrics  # noqa: E402
from chatbot.eval.squad import source_text  # noqa: E402
from chatbot.qa.engine import open_engine  # noqa: E402
from chatbot.cli.evaluate import Evaluation, evaluate_gold, evaluate_squad  # noqa: E402

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_ARCD = PROJECT_DIR.parent / "shared" / "data" / "arcd" / "arcd.json"
DATA = PROJECT_DIR / "tests" / "data"
BUNDLED = PROJECT_DIR / "corpus"
RESULTS = Path(__file__).resolve().parent / "results" / "quality_questions.json"


class QuestionSet(NamedTuple):
    name: str
    gold: Path
    corpus: Path
    smalltalk: Path | None


def question_sets(holdout: bool) -> list[QuestionSet]:
    """Every set: the listed ones, then each dev (and, when asked, holdout) folder."""
    sets = [
        QuestionSet("lecture (developer)", DATA / "lecture_questions.jsonl", BUNDLED, DATA / "lecture_smalltalk.txt"),
        QuestionSet("lecture blind1", DATA / "lecture_questions_blind.jsonl", BUNDLED, None),
        QuestionSet("blind2 (md+txt)", DATA / "blind2_questions.jsonl", DATA / "blind2", None),
        QuestionSet("lecture blind3", DATA / "lecture_questions_blind3.jsonl", BUNDLED, None),
        QuestionSet("blind4 (history)", DATA / "blind4_questions.jsonl", DATA / "blind4", None),
        QuestionSet("blind5 (docx)", DATA / "blind5_questions.jsonl", DATA / "blind5", None),
        QuestionSet("lecture blind6", DATA / "lecture_questions_blind6.jsonl", BUNDLED, None),
    ]
    for group in ("dev", "holdout") if holdout else ("dev",):
        for folder in sorted((DATA / group).glob("*/")):
            if (folder / "questions.jsonl").is_file() and (folder / "corpus").is_dir():
                talk = folder / "smalltalk.txt"
                sets.append(QuestionSet(f"{group}/{folder.name}", folder / "questions.jsonl", folder / "corpus",
                                        talk if talk.is_file() else None))
    return sets


def _share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def score_set(qs: QuestionSet, k: int, semantic: bool) -> tuple[dict, dict[str, str]]:
    """One set's figures, and each question's result (right, wrong, declined, answered…)."""
    with tempfile.TemporaryDirectory(prefix="chatbot-quality-") as tmp:
        index = None if qs.corpus == BUNDLED else Path(tmp) / "index"
        evaluation = evaluate_gold(qs.gold, qs.corpus, index, k, semantic)
        greetings = []
        if qs.smalltalk:
            engine = open_engine(qs.corpus, index, semantic=semantic)
            lines = [ln.strip() for ln in qs.smalltalk.read_text(encoding="utf-8").splitlines() if ln.strip()]
            greetings = [(ln, engine.ask(ln).kind == "smalltalk") for ln in lines]
    naive = NaiveBaseline(qs.corpus)
    results: dict[str, str] = {}
    engine_1, engine_5, naive_1, naive_5, declined = [], [], [], [], []
    for o in evaluation.outcomes:
        key = f"{qs.name}/{o.gold.id}"
        if o.gold.unanswerable:
            declined.append(o.abstained)
            results[key] = "declined" if o.abstained else "answered"
            continue
        rels, _ = o.judged(o.reply)
        engine_1.append(rels[0])
        engine_5.append(any(rels[:5]))
        results[key] = "right" if rels[0] else ("declined" if o.abstained else "wrong")
        base = naive.right(o.gold, naive.rank(o.gold.question, 5))
        naive_1.append(bool(base[:1] and base[0]))
        naive_5.append(any(base))
    for line, ok in greetings:
        results[f"{qs.name}/smalltalk:{line}"] = "smalltalk" if ok else "missed"
    figures = {
        "answerable": len(engine_1), "engine@1": _share(engine_1), "naive@1": _share(naive_1),
        "engine@5": _share(engine_5), "naive@5": _share(naive_5),
        "out_of_scope": len(declined), "declined": _share(declined),
        "greetings": len(greetings), "recognised": _share([ok for _, ok in greetings]),
        "ms": evaluation.report["ms_per_question"],
    }
    return figures, results


def _cell(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_sets(rows: list[tuple[str, dict]]) -> None:
    print("\n| set | answerable | engine @1 | naive @1 | engine @5 | naive @5 | out-of-scope declined "
          "| greetings | ms/q |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, f in rows:
        flag = " ⚠" if (f["engine@1"] or 0) < (f["naive@1"] or 0) else ""
        print(f"| {name}{flag} | {f['answerable']} | {_cell(f['engine@1'])} | {_cell(f['naive@1'])} "
              f"| {_cell(f['engine@5'])} | {_cell(f['naive@5'])} | {_cell(f['declined'], 2)} of {f['out_of_scope']} "
              f"| {_cell(f['recognised'], 2)} of {f['greetings']} | {f['ms']:.1f} |")


def print_changes(results: dict[str, str], previous: dict[str, str], questions: dict[str, str]) -> None:
    changed = [(key, previous[key], value) for key, value in results.items() if key in previous and previous[key] != value]
    print(f"\n{len(changed)} question(s) changed since the last run")
    for key, before, after in changed:
        print(f"  {key}: {before} → {after}  {questions.get(key, '')}")


# -- ARCD ---------------------------------------------------------------------------------------


def _baseline_rows(evaluation: Evaluation, k: int) -> list[tuple[str, dict]]:
    """rank-bm25 on the evaluation's own passages: whitespace BM25Okapi and the naive n-grams."""
    from naive_baseline import _tokens

    from rank_bm25 import BM25Plus
    answerable = [o for o in evaluation.outcomes if not o.gold.unanswerable]
    rows = []
    for name, model, tok in (
        ("rank-bm25 BM25Okapi, whitespace", BM25Okapi, str.split),
        ("naive: BM25Plus, char 3–4-grams", BM25Plus, _tokens),
    ):
        bm25 = model([tok(source_text(p)) or ["\u0000"] for p in evaluation.passages])
        judged = [o.judged([int(i) for i in np.argsort(-bm25.get_scores(tok(o.gold.question)), kind="stable")[:k]])
                  for o in answerable]
        rows.append((name, ranking_metrics(judged, k)))
    return rows


def _answer_in_passage(evaluation: Evaluation, k: int) -> dict:
    """The reply ranking judged the usual way for retrieval before a reader: a passage is right
    when it holds one of the question's answer strings (normalised), whichever paragraph it is."""
    from chatbot.eval.gold import flatten

    flat = [flatten(p.text) for p in evaluation.passages]
    judged = []
    for o in evaluation.outcomes:
        answers = [flatten(a) for a in o.gold.answers]
        if o.gold.unanswerable or not answers:
            continue
        rels = [i is not None and any(a in flat[i] for a in answers) for i in o.reply]
        judged.append((rels, sum(any(a in t for a in answers) for t in flat)))
    return ranking_metrics(judged, k)


def print_arcd(path: Path, k: int) -> None:
    evaluation = evaluate_squad(path, k)
    r = evaluation.report
    rows = [*_baseline_rows(evaluation, k), ("chatbot reply (ask)", r), ("chatbot search ranking", r["search"]),
            ("chatbot reply, answer-in-passage view", _answer_in_passage(evaluation, k))]
    print(f"\n{path.name}: {r['questions']} questions, {r['passages']} passages, {r['ms_per_question']:.1f} ms/question")
    print(f"| system | recall@1 | recall@5 | mrr@{k} |\n|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {_cell(s['recall@1'])} | {_cell(s['recall@5'])} | {_cell(s[f'mrr@{k}'])} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("arcd", nargs="?", type=Path, default=DEFAULT_ARCD, help=f"SQuAD-layout file (default {DEFAULT_ARCD})")
    parser.add_argument("--k", type=int, default=DEFAULT_K, help=f"ranking depth (default {DEFAULT_K})")
    parser.add_argument("--sets-only", action="store_true", help="skip ARCD")
    parser.add_argument("--holdout", action="store_true", help="also score tests/data/holdout (once, at the end)")
    parser.add_argument("--no-semantic", action="store_true", help="BM25 alone (no e5 vectors)")
    parser.add_argument("--only", help="only the sets whose name contains this")
    args = parser.parse_args(argv)
    if args.no_semantic:  # ARCD's temporary engine too
        import os

        from chatbot.index.semantic import ENV
        os.environ[ENV] = "0"
    start = time.perf_counter()
    try:
        rows, results, questions = [], {}, {}
        for qs in question_sets(args.holdout):
            if args.only and args.only not in qs.name:
                continue
            figures, found = score_set(qs, args.k, not args.no_semantic)
            rows.append((qs.name, figures))
            results.update(found)
            questions.update({f"{qs.name}/{g.id}": g.question for g in load_gold(qs.gold)})
        print_sets(rows)
        previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
        print_changes(results, previous, questions)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(previous | results, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        if not args.sets_only:
            if args.arcd.is_file():
                print_arcd(args.arcd, args.k)
            else:
                print(f"ARCD غير موجود، تُرك / ARCD not found at {args.arcd}: skipped")
    except EvalError as exc:
        print(exc, file=sys.stderr)
        return exc.status
    print(f"\n({time.perf_counter() - start:.1f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
