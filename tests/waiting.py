"""Waiting in tests: for the app to get somewhere, for a loop to end; always with a deadline, never forever."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from textual.pilot import Pilot

DEADLINE_S = 15.0
"""Wall-clock seconds a wait may take; a busy machine is slow, but an app that never gets there fails."""


async def wait_for(pilot: Pilot, done: Callable[[], bool], what: str = "", timeout: float = DEADLINE_S) -> None:
    """Let workers, messages and timers run until `done()`; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what or done}")
        await pilot.pause(0.01)


def at_most(rounds: int, what: str) -> Iterator[int]:
    """`for _ in at_most(20, "the end of the session"):` a loop that fails instead of going on forever."""
    yield from range(rounds)
    raise AssertionError(f"still not {what} after {rounds} rounds")


async def steady(pilot: Pilot, frames: int = 3, deadline: float = 5.0) -> None:
    """Wait until `frames` screenshots in a row, a refresh or so apart, are the same (or `deadline` seconds pass).

    Animations under way are waited for first (a scroll moves the screen over many frames).
    A text box's cursor is held still (shown), as it is right after a key: it would blink between two shots.
    """
    from textual.widgets import Input, TextArea

    for box in pilot.app.screen.query(Input).results():
        box.cursor_blink = False
    for area in pilot.app.screen.query(TextArea).results():
        area.cursor_blink = False
    end = time.monotonic() + deadline
    last, same = "", 0
    while same < frames and time.monotonic() < end:
        await pilot.app.animator.wait_until_complete()
        await pilot.pause(0.02)
        shot = pilot.app.export_screenshot()
        same = same + 1 if shot == last else 0
        last = shot
