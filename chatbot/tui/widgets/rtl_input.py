"""A one-line input that shows Arabic as it is read: shaped, right to left, cursor in place.

Textual's ``Input`` draws characters in typing order from the left, which a terminal without
bidi shows as separate letters running backwards. In the app's RTL mode this input lays the
line out with :func:`chatbot.tui.rtl.input_view` instead: the value, the cursor and the
selection stay logical (editing, history and submitting are Textual's own); only drawing,
the terminal cursor, clicks and the arrow keys (which move the way they point) change. In
``terminal`` mode it is a plain ``Input``: the terminal shapes and reorders the line itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import Input

from chatbot.tui import rtl
from chatbot.tui.widgets.rtl_text import current_mode


class RtlInput(Input):
    """An ``Input`` drawn right to left in the app's RTL mode."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._start = 0  # first shown column when the line is wider than the box

    def on_mount(self) -> None:
        if hasattr(self.app, "rtl_mode"):
            self.watch(self.app, "rtl_mode", self._mode_changed, init=False)

    def _mode_changed(self) -> None:
        self.scroll_to(0, animate=False)
        self.refresh()
        self.app.cursor_position = self.cursor_screen_offset

    @property
    def right_to_left(self) -> bool:
        """Whether this input draws its own right-to-left line (the app's RTL mode)."""
        return current_mode(self) == rtl.APP

    def view(self) -> rtl.InputView:
        """The current value laid out in the box's width."""
        return rtl.input_view(self.value, self.cursor_position, self.scrollable_content_region.width, self._start)

    # -- drawing --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        if y != 0 or not self.right_to_left:
            return super().render_line(y)
        width = self.scrollable_content_region.width
        start = 0
        if self.value:
            view = self.view()
            text, start = self._value_line(view), view.start
        else:
            text = self._placeholder_line(width)
        options = self.app.console_options.update_width(max(width, text.cell_len))
        strip = Strip(self.app.console.render(text, options)).crop(start, start + width)
        return strip.extend_cell_length(width).apply_style(self.rich_style)

    def _placeholder_line(self, width: int) -> Text:
        """The placeholder right-aligned, the cursor on the right edge where typing starts."""
        shown = rtl.visual_line(rtl.truncate(self.placeholder, max(1, width - 1)))
        line = Text(" " * max(0, width - 1 - len(shown)) + shown + " ", no_wrap=True, end="")
        line.stylize(self.get_component_rich_style("input--placeholder"))
        if self.has_focus and self._cursor_visible:
            line.stylize(self.get_component_rich_style("input--cursor"), len(line) - 1)
        return line

    def _value_line(self, view: rtl.InputView) -> Text:
        """The whole line (before windowing), with the selection and the cursor styled."""
        self._start = view.start
        line = Text(" " * view.pad, no_wrap=True, end="")
        line.append("".join(cell.glyph for cell in view.cells))
        if self.has_focus:
            if not self.selection.is_empty:
                low, high = sorted(self.selection)
                style = self.get_component_rich_style("input--selection")
                for k, cell in enumerate(view.cells):
                    if low <= cell.index < high:
                        line.stylize_before(style, view.pad + k, view.pad + k + 1)
            if self._cursor_visible:
                cursor = view.pad + view.cursor
                line.stylize(self.get_component_rich_style("input--cursor"), cursor, cursor + 1)
        return line

    # -- cursor, clicks, arrows -----------------------------------------------------------
    @property
    def _cursor_offset(self) -> int:
        if not self.right_to_left:
            return super()._cursor_offset
        if not self.value:
            return max(0, self.scrollable_content_region.width - 1)
        return self.view().column

    @property
    def cursor_screen_offset(self) -> Offset:
        if not self.right_to_left:
            return super().cursor_screen_offset
        x, y, _width, _height = self.content_region
        return Offset(x + self._cursor_offset, y)

    def _cell_offset_to_index(self, offset: int) -> int:
        if not self.right_to_left:
            return super()._cell_offset_to_index(offset)
        return self.view().index_at(offset)

    # Arrows move the way they point: in a right-to-left line, left is forward.
    def _arrow(self, toward: str, away: str, select: bool) -> None:
        getattr(Input, f"action_{away if self.right_to_left else toward}")(self, select)

    def action_cursor_left(self, select: bool = False) -> None:
        self._arrow("cursor_left", "cursor_right", select)

    def action_cursor_right(self, select: bool = False) -> None:
        self._arrow("cursor_right", "cursor_left", select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        self._arrow("cursor_left_word", "cursor_right_word", select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        self._arrow("cursor_right_word", "cursor_left_word", select)
