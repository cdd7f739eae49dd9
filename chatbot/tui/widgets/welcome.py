"""The first message: what the chat does and a few questions to try."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList

from chatbot.tui.messages import AskRequested
from chatbot.tui.widgets.rtl_options import RtlOptionList
from chatbot.tui import strings
from chatbot.tui.widgets.rtl_text import RtlText, current_language

class Welcome(Vertical):
    """Greeting plus example questions; choosing an example asks it."""

    DEFAULT_CSS = """
    Welcome { height: auto; }
    """

    def __init__(self, examples: Sequence[str]) -> None:
        super().__init__(classes="card welcome")
        self._examples = list(examples)

    def compose(self) -> ComposeResult:
        lang = current_language(self)
        yield RtlText(strings.GREETING(lang))
        if self._examples:
            yield RtlText(strings.EXAMPLES(lang), classes="hint")
            yield RtlOptionList(self._examples, classes="examples")

    @on(OptionList.OptionSelected)
    def _ask(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(AskRequested(self._examples[event.option_index]))
