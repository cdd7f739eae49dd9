"""The chat opens at once: nothing slow before the first frame, questions wait for the engine."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from chatbot.qa.engine import open_engine
from chatbot.tui.app import create_app
from chatbot.tui.widgets.answer_card import AnswerCard
from chatbot.tui.widgets.question_input import QuestionInput
from tui_pilot import settle, type_text

# What ``chatbot`` with no command imports before the app's first frame.
STARTUP = """
import sys
import chatbot.tui.app as chat
chat.run = lambda *args, **kwargs: None
from chatbot.cli import main as cli
cli.main(["--lang", "en"])
print(",".join(sorted(name for name in ("camel_tools", "numpy", "chatbot.qa.engine") if name in sys.modules)))
"""


def test_opening_the_chat_imports_neither_camel_tools_nor_the_engine():
    done = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


@pytest.mark.asyncio
async def test_typing_works_before_the_engine_and_the_question_waits_for_it(corpus, tmp_path):
    ready = threading.Event()

    def slow_engine(progress):
        ready.wait(timeout=30)
        return open_engine(*corpus, progress)

    app = create_app(slow_engine, "app", tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.engine is None
        await type_text(pilot, "ما مراحل الحكومة")
        assert app.query_one(QuestionInput).value == "ما مراحل الحكومة"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.query(AnswerCard)
        ready.set()
        await settle(pilot)
        assert app.query_one(AnswerCard).passage.heading == "مراحل الحكومة الالكترونيه"
