"""What the student sees, pinned as SVG snapshots (``--snapshot-update`` regenerates them).

Each screen is taken at 80×24 (the smallest supported terminal) and at 160×50 (where the
contents sit beside the chat), in the app's and the terminal's RTL mode; all but 80×24 in app
mode are slow-marked, to keep the default run short.
Taken once the engine has opened and any question has been answered, so nothing depends on
timing.
"""

from __future__ import annotations

import pytest

from chatbot.tui.widgets.question_input import QuestionInput
from tui_pilot import ask, keys_for, settle

SIZES = [(80, 24), pytest.param((160, 50), marks=pytest.mark.slow)]
MODES = ["app", pytest.param("terminal", marks=pytest.mark.slow)]


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


async def opening_contents(pilot) -> None:
    """ctrl+t, unless the terminal is wide enough for the contents to be open already."""
    if pilot.app.query_one("#contents").display:
        pilot.app.query_one("#contents-filter").focus()
    else:
        await pilot.press("ctrl+t")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
class TestWelcome:
    """First screen: greeting, example questions from the headings, input, footer keys."""

    def test_welcome(self, snap_compare, make_app, size, mode):
        assert snap_compare(make_app(mode), terminal_size=size, run_before=after())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
class TestAnswer:
    """An answer card: confidence, breadcrumb, highlighted passage, source; view at its start."""

    def test_answer(self, snap_compare, make_app, size, mode):
        assert snap_compare(make_app(mode), terminal_size=size, run_before=after(asking("ما هي مرحلة التبادل")))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
class TestNoAnswer:
    """The honest no-answer reply with the closest sections to open."""

    def test_no_answer(self, snap_compare, make_app, size, mode):
        assert snap_compare(make_app(mode), terminal_size=size, run_before=after(asking("ما هي مراحل نمو الطفل")))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
class TestContents:
    """The table of contents beside the chat, a section expanded."""

    def test_contents(self, snap_compare, make_app, size, mode):
        steps = after(opening_contents, pressing("down", "down", "space"))
        assert snap_compare(make_app(mode), terminal_size=size, run_before=steps)


@pytest.mark.parametrize("size", SIZES)
class TestTyping:
    """Arabic typed into the question box, shaped and right to left, cursor in place."""

    def test_typing(self, snap_compare, make_app, size):
        assert snap_compare(make_app(), terminal_size=size, run_before=after(pressing(*keys_for("ما مراحل"))))


class TestEnglish:
    """``--lang en``: the chat's own words in English, left to right."""

    def test_english_answer(self, snap_compare, make_app):
        app = make_app(lang="en")
        assert snap_compare(app, terminal_size=(80, 24), run_before=after(asking("ما هي مرحلة التبادل")))


class TestHelpAndPalette:
    """F1's help page, and the palette listing the chat's commands in Arabic."""

    def test_help(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=after(pressing("f1")))

    def test_palette(self, snap_compare, make_app):
        async def open_palette(pilot) -> None:
            await pilot.press("ctrl+p")
            await pilot.pause(0.5)
            pilot.app.screen.query_one("CommandInput").cursor_blink = False

        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=after(open_palette))
