"""Cold ``chatbot ask`` on the bundled lecture against importing camel-tools' tokenizer alone.

Issue 6: a student's one-off ``chatbot ask`` (new process, index already built) must cost at
most 3× ``python -c "import camel_tools.tokenizers.word"`` — the floor any Arabic pipeline
here pays. Measured as the median of several runs of each command, in the project's venv, with
the index built beforehand (into ``benchmarks/out/cold-index``, so a colleague's ``index/`` is
neither used nor disturbed). Also checks with ``python -X importtime`` that the ask path
imports neither Textual (the TUI) nor rank-bm25 (only needed at build time), and lists the
slowest imports, which is where a cold ask spends its time.

    uv run python benchmarks/cold_ask.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
INDEX = PROJECT / "benchmarks" / "out" / "cold-index"
PYTHON = sys.executable
CHATBOT = str(Path(sys.executable).with_name("chatbot"))
TARGET_RATIO = 3.0
FORBIDDEN = ("textual", "rank_bm25")


def first_question() -> str:
    """The first question of the lecture question set (a list question the lecture answers)."""
    with (PROJECT / "tests" / "data" / "lecture_questions.jsonl").open(encoding="utf-8") as fh:
        return json.loads(fh.readline())["question"]


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=PROJECT, check=True, capture_output=True)
    return time.perf_counter() - t


def median_of(cmd: list[str], runs: int) -> float:
    """Median wall time of ``runs`` runs, after one unmeasured run (bytecode cache, page cache)."""
    wall(cmd)
    return statistics.median(wall(cmd) for _ in range(runs))


def import_report(cmd: list[str]) -> tuple[list[str], list[tuple[float, str]]]:
    """Forbidden top-level packages imported by ``cmd``, and the slowest imports (cumulative s)."""
    done = subprocess.run([PYTHON, "-X", "importtime", *cmd], cwd=PROJECT, capture_output=True, text=True,
                          check=True)
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(1)) / 1e6, len(m.group(2)), m.group(3)))
    found = sorted({name.split(".")[0] for _, _, name in rows if name.split(".")[0] in FORBIDDEN})
    top = sorted(((s, name) for s, depth, name in rows if depth <= 3), reverse=True)[:8]
    return found, top


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs per command (median)")
    args = parser.parse_args(argv)
    question = first_question()
    paths = ["--corpus", str(CORPUS), "--index", str(INDEX)]
    subprocess.run([PYTHON, "-m", "chatbot.cli", "index", *paths], cwd=PROJECT, check=True, capture_output=True)
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "import camel_tools.tokenizers.word": [PYTHON, "-c", "import camel_tools.tokenizers.word"],
        "python -m chatbot.cli ask": [PYTHON, "-m", "chatbot.cli", "ask", *paths, question],
        "chatbot ask (console script)": [CHATBOT, "ask", *paths, question],
        "chatbot ask --json": [CHATBOT, "ask", "--json", *paths, question],
    }
    times = {name: median_of(cmd, args.runs) for name, cmd in commands.items()}
    camel = times["import camel_tools.tokenizers.word"]
    found, top = import_report(["-m", "chatbot.cli", "ask", *paths, question])

    print(f"cold ask on the bundled lecture, median of {args.runs} runs ({question!r})\n")
    print("| command | median s | ÷ camel-tools import |")
    print("|---|---|---|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.3f} | {seconds / camel:.2f} |")
    worst = max(times["python -m chatbot.cli ask"], times["chatbot ask (console script)"]) / camel
    print(f"\nratio (slower ask form): {worst:.2f} (target ≤ {TARGET_RATIO}) "
          f"{'met' if worst <= TARGET_RATIO else 'MISSED'}")
    print(f"Textual / rank-bm25 imported on the ask path: {', '.join(found) or 'neither'} "
          f"{'MISSED' if found else '(met)'}")
    print("\nslowest imports of the ask path (cumulative s):")
    for seconds, name in top:
        print(f"  {seconds:6.3f}  {name}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
