"""Fixtures shared by all tests."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from quiz.i18n import use_language

# Hypothesis's per-example deadline (200 ms) measures the machine's load as much as the code: on a
# busy machine it fails tests that are right. Slow tests are caught by pytest-timeout instead.
settings.register_profile("quiz", deadline=None)
settings.load_profile("quiz")


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` starts three test processes for every two cores, not one per core.

    An app test spends a good part of its time waiting, not computing: for the next
    frame, for a worker thread's answer, for a child process or the browser. With
    one process per core, the cores sit idle meanwhile; a process more for every two
    cores fills the gaps (more would mostly add the cost of collecting the tests
    once more each). `PYTEST_XDIST_AUTO_NUM_WORKERS` still decides when it is set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0))
    return cores + (cores + 1) // 2


MEMORY_FS = Path("/dev/shm")
"""Linux's memory file system, where the run's temporary files go when it has room."""


def _temporary_files_in_memory(config: pytest.Config) -> None:
    """The run's temporary files (data directories, caches, browser profiles) in memory, when no TMPDIR is set.

    Every answer a test records is written with `synchronous = FULL`, as a learner's is:
    SQLite waits for the disk at each commit. With several test processes writing at
    once, those waits grow to several milliseconds and a test that records a few
    thousand answers spends most of its time waiting. On a memory file system the
    same code runs, with the same writes and syncs, without waiting for a disk. (What
    a sync protects against, a power cut, no test can cause anyway.) Test processes
    inherit the setting; the folder goes when the run ends.
    """
    if os.environ.get("TMPDIR") or not MEMORY_FS.is_dir() or not os.access(MEMORY_FS, os.W_OK):
        return
    if shutil.disk_usage(MEMORY_FS).free < 2 * 1024**3:
        return
    folder = tempfile.mkdtemp(prefix="quiz-tests-", dir=MEMORY_FS)
    os.environ["TMPDIR"] = folder
    tempfile.tempdir = None  # asked again, it reads TMPDIR
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_configure(config: pytest.Config) -> None:
    """Checked decks are cached in a folder of this run, never in the user's own cache."""
    if not hasattr(config, "workerinput"):  # the run itself, not one of its test processes
        _temporary_files_in_memory(config)
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
