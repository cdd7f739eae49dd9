"""The scrolling conversation: each new entry is brought into view from its start."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


class Conversation(VerticalScroll):
    """Messages, top to bottom, oldest first."""

    async def add(self, *widgets: Widget) -> None:
        """Append ``widgets`` and scroll so the first of them starts at the top of the view.

        Scrolling to the end would show the last lines of a long answer and hide its
        beginning; the student reads from the start.
        """
        await self.mount_all(widgets)
        first = widgets[0]
        self.call_after_refresh(self.scroll_to_widget, first, top=True, animate=False)

    async def clear(self) -> None:
        """Remove every message."""
        await self.remove_children()
