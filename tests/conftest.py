"""Fixtures shared by all tests."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from collections.abc import Iterator

import pytest
from hypothesis import settings

from quiz.i18n import use_language

# Hypothesis's per-example deadline (200 ms) measures the machine's load as much as the code: on a
# busy machine it fails tests that are right. Slow tests are caught by pytest-timeout instead.
settings.register_profile("quiz", deadline=None)
settings.load_profile("quiz")


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` starts two test processes per core, not one.

    About a third of an app test's time is spent waiting, not computing: for the
    next frame, for a worker thread's answer, for a child process or the browser.
    With one process per core those cores sit idle meanwhile; a second process
    fills the gaps. `PYTEST_XDIST_AUTO_NUM_WORKERS` still decides when it is set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return 2 * len(os.sched_getaffinity(0))


def pytest_configure(config: pytest.Config) -> None:
    """Checked decks are cached in a folder of this run, never in the user's own cache."""
    folder = tempfile.mkdtemp(prefix="quiz-cache-")
    os.environ["QUIZ_CACHE_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture
def bogota_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is Bogotá's (UTC-5, no daylight saving), so local days don't depend on the machine."""
    monkeypatch.setenv("TZ", "America/Bogota")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests run in English whatever the machine's locale; German tests ask for German (the app or `--lang de`)."""
    monkeypatch.setenv("QUIZ_LANG", "en")
    use_language("en")
    yield
    use_language("en")


@pytest.fixture(autouse=True)
def collector_sees_everything() -> Iterator[None]:
    """A command freezes what it set up out of the collector's passes, as it lives as long as the program;
    a test process runs many commands, and what they froze is the collector's again after each test."""
    yield
    gc.unfreeze()
