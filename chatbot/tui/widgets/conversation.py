"""The scrolling conversation: each new entry is brought into view from its start."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


class Conversation(VerticalScroll):
    """Messages, top to bottom, oldest first."""

    _held: tuple[Widget, int] | None = None  # see hold_place

    async def add(self, *widgets: Widget) -> None:
        """Append ``widgets`` and scroll so the first of them starts at the top of the view.

        Scrolling to the end would show the last lines of a long answer and hide its
        beginning; the student reads from the start.
        """
        self.release_place()
        await self.mount_all(widgets)
        first = widgets[0]
        self.call_after_refresh(self.scroll_to_widget, first, top=True, animate=False)

    def place(self) -> tuple[Widget, int] | None:
        """The entry at the top of the view and how far into it the view starts."""
        for child in self.children:
            region = child.virtual_region
            if region.bottom > self.scroll_y:
                return child, int(self.scroll_y) - region.y
        return None

    def hold_place(self) -> None:
        """Keep the entry now at the top in its place while the view is resized and the
        entries re-wrap (several layouts: lists re-fill for their new width), until the
        student scrolls or a new entry comes."""
        self._held = self.place()

    def release_place(self) -> None:
        self._held = None

    def _keep_place(self) -> None:
        if self._held is not None and self._held[0].is_attached:
            child, into = self._held
            self.scroll_to(y=child.virtual_region.y + min(into, child.size.height - 1), animate=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._keep_place)

    def watch_virtual_size(self) -> None:
        self.call_after_refresh(self._keep_place)

    def on_mouse_scroll_down(self) -> None:
        self.release_place()

    def on_mouse_scroll_up(self) -> None:
        self.release_place()

    async def clear(self) -> None:
        """Remove every message."""
        await self.remove_children()
