"""Pilot steps shared by the TUI tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App
from textual.pilot import Pilot


@asynccontextmanager
async def started(app: App, size: tuple[int, int] = (80, 24)) -> AsyncIterator[Pilot]:
    """Run ``app`` headless at ``size`` (Textual's ``run_test``) and hand over its pilot once the
    engine has opened and the screen has settled."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot


async def settle(pilot: Pilot) -> None:
    """Let the workers (engine opening, asking) finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys_for(text: str) -> list[str]:
    """The key presses that type ``text`` (Pilot names the space bar «space»)."""
    return ["space" if ch == " " else ch for ch in text]


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key, as a student would (one press call: the screen is awaited once)."""
    await pilot.press(*keys_for(text))


async def ask(pilot: Pilot, question: str) -> None:
    """Put ``question`` in the input and press Enter."""
    pilot.app.query_one("#question").value = question
    await pilot.press("enter")
    await settle(pilot)
