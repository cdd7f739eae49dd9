"""A block of Arabic text laid out right to left at whatever width it is given."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from chatbot.tui import rtl
from chatbot.tui.strings import Language


def current_mode(widget: Widget) -> str:
    """The app's RTL mode (``app`` outside a chat app, e.g. in a bare test harness)."""
    return getattr(widget.app, "rtl_mode", rtl.APP)


def current_language(widget: Widget) -> Language:
    """The language of the chat's own words (Arabic outside a chat app)."""
    return getattr(widget.app, "language", Language.AR)


def shown_line(widget: Widget, text: str) -> str:
    """One line of the chat's own words as it must be drawn where Textual draws it (footer,
    toasts, palette): laid out in the chat language's direction in app mode, logical otherwise."""
    text = " ".join(rtl.sanitize(text).split())
    return rtl.visual_line(text, current_language(widget).base) if current_mode(widget) == rtl.APP else text


class RtlText(Widget):
    """Plain (never markup) text, wrapped then shaped and reordered for the current RTL mode.

    It re-lays itself out when its width or the app's RTL mode changes, which is why it is a
    widget with its own ``render`` rather than a ``Static`` holding a pre-rendered string.
    """

    COMPONENT_CLASSES = {"rtl-text--match"}
    DEFAULT_CSS = """
    RtlText { height: auto; width: 1fr; }
    RtlText > .rtl-text--match { color: $warning; text-style: bold underline; }
    """

    text: reactive[str] = reactive("", layout=True)

    def __init__(
        self,
        text: str = "",
        *,
        highlight: Callable[[str], bool] | None = None,
        direction: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``highlight`` picks words to emphasise. ``direction`` is ``R`` for lecture text, ``L``
        for a path; by default the chat language's (its own words may be English)."""
        super().__init__(id=id, classes=classes)
        self._highlight = highlight
        self._direction = direction
        self._cache: tuple[tuple[str, int, str, str], Text] | None = None
        self.set_reactive(RtlText.text, text)

    def on_mount(self) -> None:
        if hasattr(self.app, "rtl_mode"):
            self.watch(self.app, "rtl_mode", lambda: self.refresh(layout=True), init=False)

    def layout(self, width: int) -> Text:
        """The text as it is drawn at ``width`` cells (cached for the last width and mode)."""
        match = self.get_component_rich_style("rtl-text--match") if self._highlight else None
        key = (self.text, width, current_mode(self), str(match))
        if self._cache is None or self._cache[0] != key:
            base = self._direction or current_language(self).base
            rendered = rtl.render(
                self.text, width, key[2], highlight=self._highlight, highlight_style=match or "", base=base
            )
            self._cache = (key, rendered)
        return self._cache[1]

    def render(self) -> Text:
        return self.layout(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.layout(width).plain.split("\n"))
