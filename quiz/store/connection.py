"""The progress database's connection: opening, checking, migrating, and the one way to read and write.

Safety rules, because this file is a learner's months of work:
- WAL mode, `synchronous=FULL`: an answer is on disk when `record` returns,
  and a killed process loses nothing that was committed.
- Writes are short `BEGIN IMMEDIATE` transactions with a generous busy
  timeout, so two quiz instances on one data directory take turns instead
  of failing or losing answers.
- A file that is not a quiz database, is corrupt, or comes from a newer
  schema raises `StoreError` naming the file. Nothing is ever replaced,
  repaired or deleted behind the learner's back.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from .errors import StoreBusy, StoreError
from .location import cannot_write, prepare_data_dir
from .migrations import MIGRATIONS, schema_version

DB_NAME = "progress.sqlite3"
BUSY_TIMEOUT_S = 30.0
SQLITE_MAGIC = b"SQLite format 3\x00"



EMPTY_GRACE_S = 30.0
"""A 0-byte database younger than this is one another quiz is creating right now (SQLite makes
the file, then writes its header); an older one was emptied, and its progress is gone."""


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
            info = os.fstat(f.fileno())
    except FileNotFoundError:
        return
    except OSError as e:
        raise StoreError(f"{path}: cannot read the progress database: {e.strerror or e}") from None
    if not head and time.time() - info.st_mtime > EMPTY_GRACE_S:
        raise StoreError(
            f"{path}: the progress database is empty (0 bytes): the progress it held is lost "
            "(a full disk, a copy cut short?). It was left untouched; restore a backup, "
            "or delete it to start afresh, or use another --data-dir."
        )
    if head and head != SQLITE_MAGIC:
        raise StoreError(
            f"{path}: this is not a quiz progress database (it may be corrupt). "
            "It was left untouched; move it away or restore a backup, or use another --data-dir."
        )


def _cannot_write(error: sqlite3.Error) -> bool:
    """SQLite could not create or write the database or its -wal/-shm files next to it."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)
    return "unable to open database file" in str(error) or "readonly database" in str(error)


class Connection:
    """An open progress database file, before anything is said about what it holds (see `Store`)."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn = conn
        self.path = path
        self._profile_ids: dict[str, int] = {}
        self._lock = threading.RLock()  # the UI may call from a worker thread: one transaction at a time

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> Self:
        data_dir = prepare_data_dir(Path(data_dir))
        path = data_dir / DB_NAME
        _check_header(path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            if _cannot_write(e):
                raise cannot_write(data_dir) from None
            raise StoreError(f"{path}: cannot open the progress database: {e}") from None
        store = cls(conn, path)
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        try:
            while True:
                try:
                    store._prepare()
                    break
                except StoreBusy:
                    # Switching to WAL or migrating while another quiz opens the same new file can be
                    # refused at once instead of waiting; both sides simply try again.
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        with self._guard():
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._conn.execute("BEGIN")  # one snapshot: another quiz may be creating the tables right now
            try:
                version = self._version()
                foreign = version == 0 and self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            finally:
                self._conn.execute("COMMIT")
            if foreign:
                raise StoreError(
                    f"{self.path}: this SQLite file is not a quiz progress database; it was left untouched. "
                    "Use another --data-dir."
                )
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if version < schema_version():
                self._migrate()
        self._check_writable()

    def _check_writable(self) -> None:
        """Find a read-only database file now, not when the first answer cannot be saved.

        A write that changes nothing (the schema version set to itself) is tried and rolled back.
        """
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
                self._conn.execute(f"PRAGMA user_version = {version}")
            finally:
                self._conn.execute("ROLLBACK")

    def _cannot_write_error(self) -> StoreError:
        """Whose fault: the database file itself (read-only) or its folder."""
        try:
            read_only = not os.access(self.path, os.W_OK) or not self.path.stat().st_mode & 0o200
        except OSError:
            read_only = False
        if read_only:
            return StoreError(
                f"{self.path}: the progress database is read-only, so no answer could be saved; "
                "make the file writable, or use another --data-dir."
            )
        return cannot_write(self.path.parent)

    def _version(self) -> int:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version < 0:
            raise StoreError(
                f"{self.path}: this progress database is damaged (schema version {version}, which quiz never writes). "
                "It was left untouched; restore a backup or use another --data-dir."
            )
        if version > schema_version():
            raise StoreError(
                f"{self.path}: this progress database was written by a newer version of quiz "
                f"(schema {version}; this version knows up to {schema_version()}). "
                "It was left untouched; upgrade quiz to use it."
            )
        return version

    def _migrate(self) -> None:
        with self.transaction() as conn:
            version = self._version()  # another process may have migrated meanwhile
            for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in migration.statements():
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn SQLite failures into a `StoreError` that names the file."""
        try:
            with self._lock:
                yield
        except sqlite3.OperationalError as e:
            if _cannot_write(e):
                raise self._cannot_write_error() from None
            if "locked" in str(e) or "busy" in str(e):
                raise StoreBusy(
                    f"{self.path}: the progress database stayed busy for {BUSY_TIMEOUT_S:.0f} s "
                    "(another quiz is writing to it); try again."
                ) from None
            raise StoreError(f"{self.path}: progress database error: {e}") from None
        except sqlite3.IntegrityError as e:
            raise StoreError(f"{self.path}: progress database refused a change: {e}") from None
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"{self.path}: the progress database is damaged ({e}). "
                "It was left untouched; restore a backup or use another --data-dir."
            ) from None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taken up front so it never fails half-way on a lock."""
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A read-only query for statistics (see `quiz.store.stats`)."""
        with self._guard():
            return self._conn.execute(sql, params).fetchall()
