"""Shown while the index is (re)built: which file, and how far along."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar

from chatbot.tui import strings
from chatbot.tui.widgets.rtl_text import RtlText, current_language


class IndexProgress(Vertical):
    """A progress bar fed by the engine's ``progress(done, total, filename)`` callback."""

    DEFAULT_CSS = """
    IndexProgress { height: auto; }
    IndexProgress ProgressBar { margin: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__(classes="card")

    def compose(self) -> ComposeResult:
        yield RtlText(strings.LOADING(current_language(self)), id="progress-title")
        yield ProgressBar(show_eta=False)
        yield RtlText(classes="source", id="progress-file")

    def advance(self, done: int, total: int, filename: str) -> None:
        """Record progress (call it on the UI thread)."""
        self.query_one("#progress-title", RtlText).text = strings.PREPARING(current_language(self))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#progress-file", RtlText).text = filename
