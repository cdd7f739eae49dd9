"""A keyboard-selectable list of Arabic lines (examples, suggested sections)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from chatbot.tui import rtl
from chatbot.tui.widgets.rtl_text import current_mode


class RtlOptionList(OptionList):
    """An ``OptionList`` whose labels are logical Arabic, drawn for the current RTL mode.

    ``labels`` are what the student reads; the index of the chosen one comes back in
    ``OptionSelected.option_index`` as usual.
    """

    DEFAULT_CSS = """
    RtlOptionList { height: auto; max-height: 8; }
    """

    def __init__(self, labels: Sequence[str], *, id: str | None = None, classes: str | None = None):
        self._labels = list(labels)
        super().__init__(id=id, classes=classes, markup=False)

    @property
    def labels(self) -> list[str]:
        return self._labels

    @labels.setter
    def labels(self, labels: list[str]) -> None:
        self._labels = list(labels)
        if self.is_mounted:
            self._fill()

    def on_mount(self) -> None:
        self._fill()
        if hasattr(self.app, "rtl_mode"):
            self.watch(self.app, "rtl_mode", self._fill, init=False)

    def on_resize(self) -> None:
        self._fill()

    def on_focus(self) -> None:
        """Arriving with Tab, the first entry is ready to be chosen with Enter."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def _fill(self) -> None:
        """(Re)build the prompts: right-aligned display lines in app mode, logical otherwise."""
        highlighted = self.highlighted
        mode = current_mode(self)
        width = max(1, self.scrollable_content_region.width - 2)
        prompts = [rtl.render(rtl.truncate(label, width), width, mode) for label in self._labels]
        self.set_options(Option(prompt) for prompt in prompts)
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)
