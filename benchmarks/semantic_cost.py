"""What the semantic layer costs: build seconds per 1,000 passages, milliseconds per question,
megabytes, each against the same work without it, in the same run.

    uv run python benchmarks/semantic_cost.py [ARCD.json] [--passages 1000]

The corpus is ARCD's paragraphs (``../shared/data/arcd/arcd.json``), one passage each, cut to
``--passages``; the questions are ARCD's. Builds start from an empty index folder (no cache),
so every passage is embedded.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from chatbot.eval.squad import load_squad
from chatbot.qa.engine import open_engine

DEFAULT_ARCD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "arcd" / "arcd.json"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("arcd", nargs="?", type=Path, default=DEFAULT_ARCD)
    parser.add_argument("--passages", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args(argv)
    if not args.arcd.is_file():
        print(f"ARCD غير موجود / ARCD not found at {args.arcd}")
        return 0
    dataset = load_squad(args.arcd)
    paragraphs = [p for article in dataset.articles for p in article]
    while len(paragraphs) < args.passages:  # ARCD has 465 paragraphs: repeat them, numbered apart
        paragraphs += [f"{p} ({len(paragraphs) + i})" for i, p in enumerate(paragraphs[: args.passages - len(paragraphs)])]
    paragraphs = paragraphs[: args.passages]
    questions = [q.question for q in dataset.questions[: args.questions]]
    rows = {}
    with tempfile.TemporaryDirectory(prefix="chatbot-semcost-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        per_file = 50
        for i in range(0, len(paragraphs), per_file):
            (corpus / f"{i // per_file:04d}.txt").write_text("\n\n".join(paragraphs[i : i + per_file]) + "\n", encoding="utf-8")
        for name, semantic in (("words only", False), ("with vectors", True)):
            start = time.perf_counter()
            engine = open_engine(corpus, Path(tmp) / f"index-{semantic}", semantic=semantic)
            build = time.perf_counter() - start
            engine.ask(questions[0])  # model loaded, caches warm
            times = []
            for q in questions[1:]:
                start = time.perf_counter()
                engine.ask(q + " ؟")  # a new string: no cached question vector
                times.append(1000 * (time.perf_counter() - start))
            vectors = engine.index.vectors.nbytes / 2**20 if engine.index.vectors is not None else 0.0
            rows[name] = (build, statistics.median(times), sorted(times)[int(0.99 * (len(times) - 1))], vectors, _rss_mb())
    print(f"{len(paragraphs)} passages, {len(questions) - 1} questions")
    print("| | build s | s per 1,000 passages | question median ms | p99 ms | vectors MB | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for name, (build, median, p99, vectors, rss) in rows.items():
        print(f"| {name} | {build:.1f} | {1000 * build / len(paragraphs):.1f} | {median:.1f} | {p99:.1f} | {vectors:.2f} | {rss:.0f} |")
    words, sem = rows["words only"], rows["with vectors"]
    print(f"\nwith vectors / words only: build {sem[0] / words[0]:.1f}×, question {sem[1] / words[1]:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
