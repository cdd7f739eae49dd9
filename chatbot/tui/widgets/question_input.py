"""The question line: an input with history and a live right-to-left preview above it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from chatbot.tui import rtl
from chatbot.tui.widgets.rtl_text import RtlText, current_mode

PLACEHOLDER = "Type your question in Arabic, then Enter"


class QuestionInput(Input):
    """An ``Input`` that remembers the questions asked (Up/Down recall them, like a shell)."""

    BINDINGS = [
        Binding("enter", "submit", "Ask"),
        Binding("up", "history(-1)", "History"),
        Binding("down", "history(1)", "History", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)
        self.history: list[str] = []
        self._position = 0  # len(history) means "the line being typed"
        self._draft = ""

    def remember(self, question: str) -> None:
        """Add a question to the history (not twice in a row) and go back to a fresh line."""
        if question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._position = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        """Move through earlier questions; past the newest comes back the unfinished draft."""
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.value
        self._position = min(max(self._position + step, 0), len(self.history))
        recalled = self.history[self._position] if self._position < len(self.history) else self._draft
        self.value = recalled
        self.cursor_position = len(recalled)


class QuestionBox(Vertical):
    """The input plus a preview of what is typed, drawn right to left.

    Input shows characters in typing order, which a terminal without bidi displays reversed
    and unjoined; the preview line shows the same question legibly. In ``terminal`` mode the
    terminal already does that, so the preview is hidden.
    """

    DEFAULT_CSS = """
    QuestionBox { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield RtlText(last_lines=2, id="preview")
        yield QuestionInput(id="question")

    def on_mount(self) -> None:
        self.watch(self.app, "rtl_mode", self._show_preview)

    def _show_preview(self, mode: str) -> None:
        preview = self.query_one("#preview", RtlText)
        preview.display = mode == rtl.APP and bool(preview.text)

    @on(Input.Changed, "#question")
    def _preview(self, event: Input.Changed) -> None:
        preview = self.query_one("#preview", RtlText)
        preview.text = event.value
        self._show_preview(current_mode(self))
