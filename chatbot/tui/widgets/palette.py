"""The command palette with a right-to-left search field (Textual's own draws it left to right)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator

from chatbot.tui.widgets.rtl_input import RtlInput


class RtlCommandInput(CommandInput, RtlInput):
    """The palette's search field, drawn like the question box (styled as Textual's)."""


class ChatPalette(CommandPalette):
    """Textual's palette, its search field swapped for :class:`RtlCommandInput`.

    The layout repeats Textual's ``CommandPalette.compose`` (Textual offers no hook to change
    the input's class); the palette finds the field by its base class, ``CommandInput``.
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield RtlCommandInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()
