"""The browser tests' Chromium: one per test module, each test in a browser context of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import Chromium, browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    """Started once for a module's tests, when the first of them opens a browser context.

    Not kept for the whole run: while Playwright's synchronous API is running, `asyncio.run` cannot be called, and
    other modules need it.
    """
    with browser() as instance:
        yield instance
