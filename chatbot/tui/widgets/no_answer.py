"""The honest "not in the lecture" reply, with the closest sections one key away."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList

from chatbot.index.passages import Passage, heading_topic
from chatbot.tui.messages import PassageRequested
from chatbot.tui.widgets.rtl_options import RtlOptionList
from chatbot.tui import strings
from chatbot.tui.widgets.rtl_text import RtlText, current_language


def suggestion_label(passage: Passage) -> str:
    """What a suggested section is called: its own heading, else where it sits."""
    title = heading_topic(passage.heading) or " ".join(passage.text.split()[:8])
    return title or passage.source


class NoAnswerCard(Vertical):
    """``message`` from the engine, then the suggested sections (Enter opens one)."""

    DEFAULT_CSS = """
    NoAnswerCard { height: auto; }
    """

    def __init__(self, message: str, suggestions: Sequence[tuple[int, Passage]]) -> None:
        """``suggestions`` pairs each passage with its index in ``engine.passages``."""
        super().__init__(classes="card no-answer")
        self._message = message
        self._indices = [index for index, _ in suggestions]
        self._labels = [suggestion_label(passage) for _, passage in suggestions]

    def compose(self) -> ComposeResult:
        yield RtlText(self._message, classes="card-title")
        if self._labels:
            yield RtlText(strings.SUGGESTIONS(current_language(self)), classes="hint")
            yield RtlOptionList(self._labels, classes="suggestions")

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(PassageRequested(self._indices[event.option_index]))
