"""Every app test runs in UTC, so day boundaries (and snapshots) do not depend on the machine."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from quiz.tui.texts import use_language


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app speaks English in these tests whatever the machine's locale; German tests ask for German."""
    monkeypatch.setenv("QUIZ_LANG", "en")
    use_language("en")
    yield
    use_language("en")
