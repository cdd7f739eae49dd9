"""What the student sees, pinned as SVG snapshots (``--snapshot-update`` regenerates them).

Each screen is taken at 80×24 (the smallest supported terminal) and at 120×36, once the
engine has opened and any question has been answered, so nothing depends on timing.
"""

from __future__ import annotations

import pytest

from chatbot.tui.widgets.question_input import QuestionInput
from tui_pilot import ask, settle

SIZES = [(80, 24), (120, 36)]


def after(*steps):
    """A ``run_before`` that waits for the engine, then runs ``steps(pilot)`` in turn."""

    async def run_before(pilot) -> None:
        pilot.app.query_one(QuestionInput).cursor_blink = False  # a blinking cursor is a clock
        await settle(pilot)
        for step in steps:
            await step(pilot)
        await settle(pilot)

    return run_before


def asking(question: str):
    async def step(pilot) -> None:
        await ask(pilot, question)

    return step


def pressing(*keys: str):
    async def step(pilot) -> None:
        await pilot.press(*keys)

    return step


@pytest.mark.parametrize("size", SIZES)
class TestWelcome:
    """First screen: greeting, example questions from the headings, input, footer keys."""

    def test_welcome(self, snap_compare, make_app, size):
        assert snap_compare(make_app(), terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES)
class TestAnswer:
    """An answer card: confidence, breadcrumb, highlighted passage, source; view at its start."""

    def test_answer(self, snap_compare, make_app, size):
        assert snap_compare(make_app(), terminal_size=size, run_before=after(asking("ما هي مرحلة التبادل")))


@pytest.mark.parametrize("size", SIZES)
class TestNoAnswer:
    """The honest no-answer reply with the closest sections to open."""

    def test_no_answer(self, snap_compare, make_app, size):
        assert snap_compare(make_app(), terminal_size=size, run_before=after(asking("ما هي مراحل نمو الطفل")))


@pytest.mark.parametrize("size", SIZES)
class TestContents:
    """The table of contents beside the chat, a section expanded."""

    def test_contents(self, snap_compare, make_app, size):
        assert snap_compare(make_app(), terminal_size=size, run_before=after(pressing("ctrl+t", "down", "space")))


class TestTerminalMode:
    """``--rtl terminal``: logical text left for a bidi terminal (Konsole, mlterm) to lay out."""

    def test_answer_in_terminal_mode(self, snap_compare, make_app):
        app = make_app("terminal")
        assert snap_compare(app, terminal_size=(80, 24), run_before=after(asking("ما هي مرحلة التبادل")))
