"""Time to the chat's first frame, against a minimal Textual app, and time to the first answer.

Issue 11: the chat must draw a usable first frame at most 1.5× as late as a minimal Textual
app (one ``Static``) started the same way — importing Textual is the floor any TUI pays — and
answer a question asked at once as soon as the lectures are loaded.

Each run is a fresh process (``python first_frame.py --child KIND``) timed by this script from
spawn to a line the child prints. The chat starts through ``chatbot.cli.main([])``, the path
``chatbot`` takes, over the bundled lecture with an index built beforehand (into
``benchmarks/out/first-frame-index``, so a colleague's ``index/`` is neither used nor
disturbed). Both apps run headless (no terminal); Textual calls ``auto_pilot`` once the app is
ready, and the child then waits for the screen to be painted once. The question is typed at
that moment, before camel-tools and the index are loaded, and the answer is timed when its
card is on screen. Medians of ``--runs`` alternating runs are printed with the ratio.

    uv run python benchmarks/first_frame.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
INDEX = PROJECT / "benchmarks" / "out" / "first-frame-index"
TARGET_RATIO = 1.5
QUESTION = "ما مراحل الحكومة الالكترونية"
KINDS = ("minimal", "chat")


def child(kind: str) -> None:
    """Run one app headless; print «frame» at the first frame and «answer» at the first answer."""
    from textual.app import App

    async def pilot(driver) -> None:
        app = driver.app
        painted = asyncio.Event()
        app.call_after_refresh(painted.set)  # the screen has been drawn once
        await painted.wait()
        print("frame", flush=True)
        if kind == "chat":
            from chatbot.tui.widgets.answer_card import AnswerCard

            app.question.value = QUESTION
            await driver.press("enter")
            while not app.query(AnswerCard):
                await driver.pause(0.01)
            print("answer", flush=True)
        app.exit()

    if kind == "minimal":
        from textual.widgets import Static

        class Minimal(App[None]):
            def compose(self):
                yield Static("مرحبا")

        Minimal().run(headless=True, auto_pilot=pilot)
        return
    from chatbot.cli import main as cli
    from chatbot.tui.app import ChatApp

    ChatApp.run = lambda self, *args, **kwargs: App.run(self, headless=True, auto_pilot=pilot)
    cli.main(["--corpus", str(CORPUS), "--index", str(INDEX), "--rtl", "app"])


def timed(kind: str) -> dict[str, float]:
    """Seconds from spawning a child to each line it prints."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", kind], stdout=subprocess.PIPE, text=True, cwd=PROJECT
    )
    marks = {}
    assert process.stdout is not None
    for line in process.stdout:
        marks[line.strip()] = time.perf_counter() - start
    if process.wait() != 0 or "frame" not in marks:
        raise SystemExit(f"the {kind} app failed (exit {process.returncode})")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    from chatbot.qa.engine import open_engine

    open_engine(CORPUS, INDEX)  # built once, outside the timings
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in KINDS}
    timed("minimal")  # warm the file cache for both
    timed("chat")
    for _ in range(args.runs):
        for kind in KINDS:
            runs[kind].append(timed(kind))
    minimal = statistics.median(run["frame"] for run in runs["minimal"])
    frame = statistics.median(run["frame"] for run in runs["chat"])
    answer = statistics.median(run["answer"] for run in runs["chat"])
    ratio = frame / minimal
    print(f"runs: {args.runs} of each, alternating (medians)")
    print(f"minimal Textual app, first frame: {minimal:.2f} s")
    print(f"chat, first frame:                {frame:.2f} s  ({ratio:.2f}× minimal, target ≤ {TARGET_RATIO}×)")
    print(f"chat, first answer (asked at the first frame): {answer:.2f} s")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
