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
