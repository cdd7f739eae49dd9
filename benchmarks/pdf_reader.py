"""PDF reader cost: seconds per page of ``chatbot.index.readers.pdf`` against pypdf's plain
``extract_text`` on the same pages, in the same process (a ratio, so the shared machine's
load cancels out), and the share of the time spent in our layout step.

    uv run python benchmarks/pdf_reader.py [--copies 20]

The lectures are the exported Word (one and two columns) and slide fixtures (tests/fixtures/exported), each page
repeated ``--copies`` times into one PDF.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

EXPORTED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "exported"


def repeated(path: Path, copies: int) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(copies):
        for page in PdfReader(path).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()

    from pypdf import PdfReader

    from chatbot.index.readers import pdf

    print(f"{'lecture':16}{'pages':>6}{'ours s/page':>13}{'pypdf s/page':>14}{'ratio':>7}{'layout share':>14}")
    for name in ("security.pdf", "security-columns.pdf", "cloud.pdf"):
        data = repeated(EXPORTED / name, args.copies)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        ours = best_of(3, lambda data=data: pdf.read(data))
        plain = best_of(3, lambda data=data: [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages])
        profile = cProfile.Profile()
        profile.runcall(pdf.read, data)
        stats = pstats.Stats(profile).stats  # (file, line, name) -> (cc, nc, tottime, cumtime, callers)
        layout = sum(v[2] for k, v in stats.items() if k[0].endswith("pdf_layout.py"))
        total = sum(v[2] for v in stats.values())
        print(f"{name:16}{pages:>6}{ours / pages:>13.4f}{plain / pages:>14.4f}"
              f"{ours / plain:>7.2f}{layout / total:>14.0%}")


if __name__ == "__main__":
    main()
