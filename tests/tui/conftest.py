"""Every app test runs in UTC, so day boundaries (and snapshots) do not depend on the machine; snapshots wait for a steady screen."""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """As pytest-textual-snapshot's, but the screen is compared once it has stopped changing.

    A scroll or a mount asked for "after the next refresh" can land a frame after the
    keys were applied; on a busy machine that frame comes late, and the snapshot
    would catch the screen halfway.
    """

    def compare(app: App[Any], press: Iterable[str] = (), terminal_size: tuple[int, int] = (80, 24),
                run_before: Callable[[Pilot], Awaitable[None] | None] | None = None) -> bool:
        async def then_steady(pilot: Pilot) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await steady(pilot)

        return snap_compare(app, press=press, terminal_size=terminal_size, run_before=then_steady)

    return compare


async def steady(pilot: Pilot, frames: int = 3, deadline: float = 5.0) -> None:
    """Wait until `frames` screenshots in a row, a few refreshes apart, are the same (or `deadline` seconds pass)."""
    end = time.monotonic() + deadline
    last, same = "", 0
    while same < frames and time.monotonic() < end:
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.02)
        shot = pilot.app.export_screenshot()
        same = same + 1 if shot == last else 0
        last = shot
