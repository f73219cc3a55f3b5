"""Keys applied one after another, each once the screen has finished with the one before.

A terminal delivers a paste or a fast typist's keys all at once. Textual hands
each key to whatever has the focus when the key is read, and a key's binding
runs only once the key has travelled back up to the app; in a burst, a tick
on a multiple-choice card was still on its way when Enter checked the answer,
and the keys meant for the next question reached the one being replaced.
Screens that ask questions (`ORDERED_KEYS`) therefore get their keys through
this queue: a key is handed on, then the app waits until every message it
caused has been handled (and the screen says it is not waiting for the store)
before the next key is handed on.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual import events
    from textual.app import App

SETTLE_TIMEOUT_S = 5.0
"""A key that has not settled by then (a store locked elsewhere) lets the next one through: never a hang."""


class KeyQueue:
    """The app's keys for a screen that wants them in order; see the module's docstring."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.keys: deque[events.Key] = deque()
        self.feeding: asyncio.Task[None] | None = None

    @property
    def busy(self) -> bool:
        return bool(self.keys) or self.feeding is not None

    def wants(self, event: events.Key) -> bool:
        """Whether `event` goes through the queue: on a screen that asks questions, or behind keys still queued."""
        return self.busy or getattr(self.app.screen, "ORDERED_KEYS", False)

    def put(self, event: events.Key) -> None:
        self.keys.append(event)
        if self.feeding is None:
            self.feeding = asyncio.get_running_loop().create_task(self._feed())

    async def _feed(self) -> None:
        try:
            while self.keys and self.app.is_running:
                event = self.keys.popleft()
                app = self.app
                if not await app._check_bindings(event.key, priority=True):
                    (app.focused or app.screen)._forward_event(event)
                await self._settled()
        finally:
            self.feeding = None

    async def _settled(self) -> None:
        """Wait until the app and the screen have handled every message, and the screen waits for nothing."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_TIMEOUT_S
        while loop.time() < deadline and self.app.is_running:
            await self._one_round(deadline - loop.time())
            pumps = [self.app, *self.app.screen.walk_children(with_self=True)]
            busy = getattr(self.app.screen, "keys_wait", None)
            if all(pump._message_queue.empty() for pump in pumps) and not (busy is not None and busy()):
                return
            await asyncio.sleep(0.001)

    async def _one_round(self, timeout: float) -> None:
        """Every message queued now in the app and the screen's widgets has been handled when this returns."""
        pumps = [self.app, *self.app.screen.walk_children(with_self=True)]
        left = 0
        done = asyncio.Event()

        def one_done() -> None:
            nonlocal left
            left -= 1
            if left == 0:
                done.set()

        for pump in pumps:
            if pump.call_later(one_done):
                left += 1
        if left:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), timeout=max(0.0, timeout))
