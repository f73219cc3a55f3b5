"""Progress databases that are not what they seem: found when opened, named, never touched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from quiz.store import Store, StoreError
from quiz.store.database import DB_NAME, EMPTY_GRACE_S


def test_a_negative_schema_version_is_damage_not_a_migration(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("PRAGMA user_version = -1")
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match=r"damaged \(schema version -1, which quiz never writes\)"):
        Store.open(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before


def test_an_emptied_database_is_not_taken_for_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"")
    old = path.stat().st_mtime - EMPTY_GRACE_S - 60
    os.utime(path, (old, old))
    with pytest.raises(StoreError, match=r"is empty \(0 bytes\): the progress it held is lost"):
        Store.open(tmp_path)
    assert path.read_bytes() == b""


def test_a_database_being_created_right_now_is_not_refused(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"")  # another quiz has just made the file and not yet written it
    with Store.open(tmp_path) as store:
        assert store.list_profiles() == []
