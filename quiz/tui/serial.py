"""Store writes that run one after another, in order, away from the UI thread.

A write may wait for another quiz on the same data (SQLite's busy timeout), so
the screen hands it over and goes on; the order is kept because each write
stores the newest state of what it writes.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor


class SerialWrites:
    """One thread for a screen's writes, started with the first."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []

    def submit(self, change: Callable[[], None]) -> Future[None]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writes")
        done = self._pool.submit(change)
        self._pending = [f for f in self._pending if not f.done()] + [done]
        return done

    def drain(self) -> list[Future[None]]:
        """Wait for every write submitted so far; their futures, to read errors from."""
        pending, self._pending = self._pending, []
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        return pending
