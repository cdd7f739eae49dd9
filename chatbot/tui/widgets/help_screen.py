"""F1: what the keys do, in Arabic, drawn right to left like the rest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from chatbot.tui import strings
from chatbot.tui.widgets.rtl_text import RtlText, current_language, shown_line

class HelpScreen(ModalScreen[None]):
    """A modal page of help; Esc, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", id="close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 90; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield RtlText(strings.HELP(current_language(self)))

    def on_mount(self) -> None:
        strings.localize_bindings(self._bindings.key_to_bindings, current_language(self), lambda text: shown_line(self, text))
        self.app.refresh_bindings()
