"""A huge question costs time in proportion to its size and memory bounded by the line limit.

Issue 13: a 50 MB gold question reached 5.4 GB and ran for over ten minutes. ``load_gold`` and
``ask --batch`` now read a line only up to a limit (:mod:`chatbot.text.bounded_lines`) and refuse it
with ``ask``'s message. For gold lines of 1, 10 and 50 MB this prints the seconds and the peak
of Python allocations (tracemalloc) of ``load_gold`` refusing the file, beside a reference in
the same process: reading the same file whole (``Path.read_text``), the least the old loader
did before parsing. Time should grow with the size (it reads the bytes once), the peak should
not; the reference's peak grows with the line.

    uv run python benchmarks/huge_lines.py [--sizes 1,10,50]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from chatbot.eval.gold import EvalError, load_gold

MB = 1 << 20


def _write_gold(path: Path, megabytes: int) -> None:
    with path.open("wb") as fh:
        fh.write(b'{"id": "big", "unanswerable": true, "question": "')
        for _ in range(megabytes):
            fh.write("ا".encode() * (MB // 2))
        fh.write(b'"}\n')


def _measure(work: Callable[[], object]) -> tuple[float, float]:
    """(seconds, peak MiB of Python allocations) of one call."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        work()
    except EvalError:
        pass
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,50", help="line sizes in MB, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'line MB':>8} {'load_gold s':>12} {'peak MiB':>9} {'read_text s':>12} {'peak MiB':>9} "
          f"{'s/MB':>7} {'time ratio':>11}")
    with tempfile.TemporaryDirectory(prefix="chatbot-bench-") as tmp:
        for megabytes in sizes:
            gold = Path(tmp) / f"gold-{megabytes}.jsonl"
            _write_gold(gold, megabytes)
            seconds, peak = _measure(lambda: load_gold(gold))
            ref_seconds, ref_peak = _measure(lambda: gold.read_text(encoding="utf-8"))
            print(f"{megabytes:>8} {seconds:>12.3f} {peak:>9.2f} {ref_seconds:>12.3f} {ref_peak:>9.1f} "
                  f"{seconds / megabytes:>7.4f} {seconds / ref_seconds:>11.2f}")
            gold.unlink()


if __name__ == "__main__":
    main()
