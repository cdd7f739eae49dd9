"""Pilot steps shared by the TUI tests."""

from __future__ import annotations

from textual.pilot import Pilot


async def settle(pilot: Pilot) -> None:
    """Let the workers (engine opening, asking) finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ask(pilot: Pilot, question: str) -> None:
    """Put ``question`` in the input and press Enter."""
    pilot.app.query_one("#question").value = question
    await pilot.press("enter")
    await settle(pilot)
