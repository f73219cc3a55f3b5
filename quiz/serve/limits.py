"""How many sessions one machine runs at once, and when a silent one is ended."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable


class SessionLimit:
    """At most `limit` sessions at once; a session beyond it is refused, never queued."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("the session limit must be at least 1")
        self.limit = limit
        self.active = 0

    @property
    def full(self) -> bool:
        return self.active >= self.limit

    def acquire(self) -> bool:
        """Take a place; False when every place is taken."""
        if self.full:
            return False
        self.active += 1
        return True

    def release(self) -> None:
        self.active = max(0, self.active - 1)


class IdleWatch:
    """When each session last did something (a key, a click); those silent for `timeout` seconds are over."""

    def __init__(self, timeout: float, timer: Callable[[], float] = time.monotonic) -> None:
        if timeout <= 0:
            raise ValueError("the idle timeout must be longer than 0")
        self.timeout = timeout
        self.timer = timer
        self._last: dict[Hashable, float] = {}

    def start(self, session: Hashable) -> None:
        self._last[session] = self.timer()

    def touch(self, session: Hashable) -> None:
        """Something happened in the session (one already stopped stays stopped)."""
        if session in self._last:
            self._last[session] = self.timer()

    def stop(self, session: Hashable) -> None:
        self._last.pop(session, None)

    def expired(self) -> list[Hashable]:
        """The sessions silent for the whole timeout, longest silent first."""
        now = self.timer()
        over = [(last, s) for s, last in self._last.items() if now - last >= self.timeout]
        return [s for _, s in sorted(over, key=lambda pair: pair[0])]
