"""Messages the widgets post to the app, so no widget needs to know the engine."""

from __future__ import annotations

from textual.message import Message


class AskRequested(Message):
    """Ask this question, as if the student had typed it (an example, a suggestion)."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question


class PassageRequested(Message):
    """Show the passage at this index of ``engine.passages`` in the chat."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
