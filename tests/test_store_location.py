"""A data directory that cannot hold progress (a file, a read-only folder) is named in plain words."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quiz.store import Store, StoreError
from quiz.store.database import DB_NAME

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_a_data_dir_that_is_a_file_is_called_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("notes")
    for target in (afile, afile / "sub" / "deeper"):
        with pytest.raises(StoreError) as caught:
            Store.open(target)
        assert str(caught.value) == f"{afile} is a file, not a folder; choose another --data-dir or set QUIZ_HOME to a folder"
    assert afile.read_text() == "notes"


def test_quiz_home_naming_a_file_is_reported_without_a_traceback(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("notes")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "results", "export", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QUIZ_HOME": str(afile)},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert f"{afile} is a file, not a folder" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_that_cannot_be_written_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only mount looks like to quiz (root may write anywhere else, so it is simulated)."""
    data = tmp_path / "data"
    Store.open(data).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: not mode & os.W_OK and real_access(path, mode, **kw))
    with pytest.raises(StoreError) as caught:
        Store.open(data)
    assert str(caught.value) == f"quiz cannot write in {data} (read-only?); choose another --data-dir or set QUIZ_HOME"


def read_only_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite opens every database read-only, as on a read-only file system."""
    real_connect = sqlite3.connect

    def connect(path: Any, **kw: Any) -> sqlite3.Connection:
        return real_connect(f"file:{path}?mode=ro", uri=True, **kw)

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_sqlite_unable_to_open_or_write_is_reported_as_a_read_only_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "existing"
    Store.open(existing).close()
    read_only_sqlite(monkeypatch)
    expected = "quiz cannot write in {} (read-only?); choose another --data-dir or set QUIZ_HOME"
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "fresh")  # no database yet: SQLite cannot create one
    assert str(caught.value) == expected.format(tmp_path / "fresh")
    with pytest.raises(StoreError) as caught:  # readable, but nothing can be written: found at once, not at the first answer
        Store.open(existing)
    assert str(caught.value) == expected.format(existing)
    assert (existing / DB_NAME).exists()


def test_a_read_only_database_file_is_found_when_opened_and_blamed_not_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    (tmp_path / DB_NAME).chmod(0o444)
    read_only_sqlite(monkeypatch)  # what SQLite does with a read-only file (also for root, who may write anyway)
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / DB_NAME}: the progress database is read-only, so no answer could be saved; "
        "make the file writable, or use another --data-dir."
    )

