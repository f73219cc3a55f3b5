"""Fixtures shared by engine and store tests."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def bogota_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is Bogotá's (UTC-5, no daylight saving), so local days don't depend on the machine."""
    monkeypatch.setenv("TZ", "America/Bogota")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
