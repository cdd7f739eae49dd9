"""Notes the chat adds to the conversation about itself (where a session was saved)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from chatbot.tui.widgets.rtl_text import RtlText


class SavedNote(Vertical):
    """«Saved in the file:» then the path on its own left-to-right line.

    A path inside an Arabic line would be reordered with it: its leading "/" would be drawn at
    the end.
    """

    DEFAULT_CSS = """
    SavedNote { height: auto; }
    """

    def __init__(self, label: str, path: str) -> None:
        super().__init__(classes="card note")
        self._label = label
        self._path = path

    def compose(self) -> ComposeResult:
        yield RtlText(self._label)
        yield RtlText(self._path, direction="L", classes="path")
