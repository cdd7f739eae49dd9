"""The question line: a right-to-left input with a history of the questions asked."""

from __future__ import annotations

from textual.binding import Binding

from chatbot.tui import strings
from chatbot.tui.strings import Language
from chatbot.tui.widgets.rtl_input import RtlInput


class QuestionInput(RtlInput):
    """An input that remembers the questions asked (Up/Down recall them, like a shell)."""

    BINDINGS = [
        Binding("enter", "submit", id="ask"),
        Binding("up", "history(-1)", show=False),  # in F1's help: the footer must fit 80 columns
        Binding("down", "history(1)", show=False),
    ]

    def __init__(self, *, language: Language = Language.AR, id: str | None = None) -> None:
        super().__init__(placeholder=strings.PLACEHOLDER(language), id=id)
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
