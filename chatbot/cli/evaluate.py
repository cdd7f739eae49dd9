"""``chatbot eval``: score the chatbot on gold questions or a SQuAD-layout dataset.

Each question goes through the engine exactly as ``chatbot ask`` sends it, once (``Engine.ask``:
the reply, and the ranking it was chosen from), so what is measured is what a student gets;
there is no separate search path. Metrics and judging rules: :mod:`chatbot.eval`.

``--run FILE`` writes the reply rankings as a TREC run and the judgements as ``FILE.qrels``,
so ``ir_measures FILE.qrels FILE 'Success@1 R@5 RR@10 nDCG@10'`` (or ranx, trec_eval) gives
the numbers printed here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple, Sequence

from chatbot import messages as msg
from chatbot.cli.exits import Exit
from chatbot.eval.gold import EvalError, Gold, load_gold
from chatbot.eval.judge import Judge
from chatbot.eval.metrics import DEFAULT_K, RECALL_CUTOFFS
from chatbot.eval.report import Outcome, reply_ranking, report
from chatbot.eval.squad import SquadSet, check_squad_passages, load_squad, squad_files
from chatbot.eval.trec import qrels_lines, run_lines
from chatbot.index.passages import Passage
from chatbot.text.safe_text import to_json

if TYPE_CHECKING:
    from chatbot.qa.engine import Engine

__all__ = [
    "Evaluation", "cmd_eval", "evaluate", "evaluate_gold", "evaluate_squad", "register", "remove_stale_temp",
    "squad_engine",
]

MIN_K, MAX_K = max(RECALL_CUTOFFS), 100
QRELS_SUFFIX = ".qrels"
# Temporary folders of ``eval --squad`` are named «chatbot-eval-PID-XXXX» (PID: the run's).
TEMP_PREFIX = "chatbot-eval-"
SHOWN_FAILURES = 20


class Evaluation(NamedTuple):
    report: dict
    outcomes: list[Outcome]
    passages: list[Passage]  # the engine's passages, which the outcomes index


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``eval`` sub-command to the CLI's sub-parsers; the CLI adds its shared
    ``--corpus``/``--index`` options to the parser returned."""
    ev = sub.add_parser("eval", help="score retrieval on gold questions (JSONL) or a SQuAD dataset")
    ev.add_argument("gold", nargs="?", type=Path, metavar="GOLD.jsonl", help="gold questions, one JSON object a line")
    ev.add_argument("--squad", type=Path, metavar="FILE.json",
                    help="a SQuAD-layout dataset: each paragraph becomes a passage of a temporary corpus")
    ev.add_argument("--json", action="store_true", help="print the report as one JSON object (the last line)")
    ev.add_argument("--run", type=Path, metavar="FILE",
                    help=f"write a TREC run to FILE and its qrels to FILE{QRELS_SUFFIX}")
    ev.add_argument("--k", type=_cutoff, default=DEFAULT_K, help=f"ranking depth for mrr/ndcg (default {DEFAULT_K})")
    ev.add_argument("--failures", type=_cutoff_or_zero, default=SHOWN_FAILURES, metavar="N",
                    help=f"failed questions listed in the table (default {SHOWN_FAILURES}; --json lists all)")
    return ev


def _whole(text: str, low: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not low <= value <= MAX_K:
        raise argparse.ArgumentTypeError(f"choose a number between {low} and {MAX_K}")
    return value


def _cutoff(text: str) -> int:
    return _whole(text, MIN_K)


def _cutoff_or_zero(text: str) -> int:
    return _whole(text, 0)


# -- running the engine -------------------------------------------------------------------------


def evaluate(engine: Engine, questions: Sequence[Gold], k: int) -> list[Outcome]:
    """Ask the engine every question, as ``chatbot ask`` would, and judge what comes back."""
    judge = Judge(engine.passages)
    position = {(p.source, p.first, p.last): i for i, p in enumerate(engine.passages)}
    outcomes = []
    for gold in questions:
        relevant = judge.relevant(gold)
        reply = engine.ask(gold.question, depth=k)
        answer = reply.answer.passage if reply.answer else None
        top = position[(answer.source, answer.first, answer.last)] if answer else None
        search = reply.ranking
        outcomes.append(Outcome(gold, reply.kind, reply_ranking(top, search, k), search, relevant))
    return outcomes


def _timed(engine: Engine, questions: Sequence[Gold], k: int, index_seconds: float) -> Evaluation:
    """Evaluate and report, with the time per question a student would wait (ask + search)."""
    start = time.perf_counter()
    outcomes = evaluate(engine, questions, k)
    seconds = time.perf_counter() - start
    result = report(outcomes, engine.passages, k)
    result["passages"] = len(engine.passages)
    result["seconds"] = round(seconds, 3)
    result["ms_per_question"] = round(1000 * seconds / len(questions), 2)
    result["index_seconds"] = round(index_seconds, 3)
    return Evaluation(result, outcomes, engine.passages)


def evaluate_gold(
    gold: Path, corpus: Path | None, index: Path | None, k: int = DEFAULT_K, semantic: bool | None = None
) -> Evaluation:
    """Score the engine over ``corpus`` on a gold JSONL file (time to open the index, built
    when stale, in ``index_seconds``)."""
    from chatbot.qa.engine import open_engine

    questions = load_gold(gold)
    start = time.perf_counter()
    engine = open_engine(corpus, index, semantic=semantic)
    return _timed(engine, questions, k, time.perf_counter() - start)


def remove_stale_temp(folder: Path | None = None) -> list[Path]:
    """Remove the temporary folders of ``eval --squad`` runs whose process is gone (killed
    with SIGKILL, or a machine that lost power: nothing of theirs could clean up). The folder
    name holds the pid; a live process, or another user's, keeps its folder. Returns what was
    removed."""
    folder = Path(folder or tempfile.gettempdir())
    removed = []
    for path in folder.glob(f"{TEMP_PREFIX}*-*"):
        pid = path.name.removeprefix(TEMP_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        try:
            if path.is_dir() and not path.is_symlink() and path.stat().st_uid == os.getuid():
                shutil.rmtree(path)
                removed.append(path)
        except OSError:
            continue  # another run removing it at the same time, or not ours to remove
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, another user's
        return True
    return True


@contextmanager
def squad_engine(dataset: SquadSet) -> Iterator[Engine]:
    """An engine over a temporary corpus made of the dataset's paragraphs, deleted afterwards
    (on SIGTERM too, which the CLI turns into an exception; folders of killed runs are removed
    by the next run, see :func:`remove_stale_temp`).

    Raises EvalError (status 1) when the passages are not exactly the paragraphs."""
    from chatbot.qa.engine import open_engine

    remove_stale_temp()
    with tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for name, text in squad_files(dataset).items():
            (corpus / name).write_text(text, encoding="utf-8")
        engine = open_engine(corpus, Path(tmp) / "index")
        check_squad_passages(dataset, engine.passages)
        yield engine


def evaluate_squad(path: Path, k: int = DEFAULT_K) -> Evaluation:
    """Score the engine on a SQuAD-layout dataset (corpus and index build time in
    ``index_seconds``)."""
    dataset = load_squad(path)
    start = time.perf_counter()
    with squad_engine(dataset) as engine:
        return _timed(engine, dataset.questions, k, time.perf_counter() - start)


# -- output -------------------------------------------------------------------------------------


def _write_run(path: Path, evaluation: Evaluation) -> None:
    run = run_lines(evaluation.outcomes, evaluation.passages)
    qrels = qrels_lines(evaluation.outcomes, evaluation.passages)
    path.write_text("".join(line + "\n" for line in run), encoding="utf-8")
    Path(f"{path}{QRELS_SUFFIX}").write_text("".join(line + "\n" for line in qrels), encoding="utf-8")


def _cell(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _print_table(result: dict, source: Path, k: int, shown: int) -> None:
    names = [f"recall@{c}" for c in RECALL_CUTOFFS] + [f"mrr@{k}", f"ndcg@{k}"]
    print(f"{msg.EVALUATION}: {source.name} — {result['questions']} questions "
          f"({result['answerable']} answerable), {result['passages']} passages, "
          f"{result['seconds']:.1f} s ({result['ms_per_question']:.1f} ms/question)\n")
    print(f"{'':22}{'reply':>8}{'search':>8}")
    for name in names:
        print(f"{name:22}{_cell(result[name]):>8}{_cell(result['search'][name]):>8}")
    for name in ("abstentions", "abstention_precision", "abstention_recall"):
        print(f"{name:22}{_cell(result[name]):>8}")
    print("\nreply: the answer (an abstention is a miss) at rank 1, then the search ranking; "
          "search: the ranking alone")
    if result["by_type"]:
        print(f"\n{msg.BY_TYPE}:\n{'type':16}{'n':>6}" + "".join(f"{n:>10}" for n in names)
              + f"{'abst.P':>8}{'abst.R':>8}")
        for name, scores in result["by_type"].items():
            print(f"{name[:15]:16}{scores['questions']:>6}" + "".join(f"{_cell(scores[n]):>10}" for n in names)
                  + f"{_cell(scores['abstention_precision']):>8}{_cell(scores['abstention_recall']):>8}")
    failures = result["failures"]
    if failures and shown:
        print(f"\n{msg.FAILED_QUESTIONS} ({min(shown, len(failures))} of {len(failures)}; "
              "--json lists all):")
        for f in failures[:shown]:
            got = f"{f['returned']} «{f['title']}»" if f["returned"] else f["kind"]
            rank = f"first right at rank {f['first_right_rank']}" if f["first_right_rank"] else "no right passage ranked"
            print(f"  [{f['id']}] {f['question']}\n      expected {f['expected']}\n      got {got}  ({rank})")


def _misuse(message: str) -> int:
    print(message, file=sys.stderr)
    return Exit.MISUSE


def cmd_eval(args: argparse.Namespace) -> int:
    """Run ``chatbot eval``; bad input is a message and exit status 2, never a traceback."""
    if (args.gold is None) == (args.squad is None):
        return _misuse(str(msg.EVAL_ONE_INPUT))
    if args.squad is not None and (args.corpus or args.index):
        return _misuse(str(msg.SQUAD_OWN_CORPUS))
    if args.run is not None and not args.run.parent.is_dir():
        return _misuse(f"{msg.RUN_FOLDER_NOT_FOUND}: {args.run.parent}")
    try:
        if args.squad is not None:
            evaluation = evaluate_squad(args.squad, args.k)
        else:
            evaluation = evaluate_gold(args.gold, args.corpus, args.index, args.k)
    except EvalError as exc:
        print(exc, file=sys.stderr)
        return exc.status
    if args.run is not None:
        try:
            _write_run(args.run, evaluation)
        except OSError as exc:
            return _misuse(f"{msg.RUN_UNWRITABLE} {args.run}: {exc.strerror}")
    if args.json:
        print(to_json(evaluation.report))
    else:
        _print_table(evaluation.report, args.squad or args.gold, args.k, args.failures)
    return 0
