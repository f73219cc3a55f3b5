"""Learners' progress in one SQLite file: profiles, card state and every answer.

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

import datetime as dt
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from quiz.deck.model import Deck
from quiz.engine.clock import from_micros, to_micros, utc_now
from quiz.engine.keys import deck_keys
from quiz.engine.options import LearnerOptions
from quiz.engine.progress import Answer, DayActivity, DeckCounts
from quiz.engine.scheduler import LEARNING, LEECH_LAPSES, NEW, RELEARNING, REVIEW, CardState, State

from .errors import ChangedElsewhere, StoreBusy, StoreError
from .location import cannot_write, prepare_data_dir
from .migrations import MIGRATIONS, schema_version
from .profiles import ProfileNameError, clean_profile_name, match_profile

DB_NAME = "progress.sqlite3"
BUSY_TIMEOUT_S = 30.0
SQLITE_MAGIC = b"SQLite format 3\x00"

_STATE_COLUMNS = "state, step, stability, difficulty, due_us, last_review_us, reps, lapses"
_BATCH = 500  # keys per IN (...) query, well under SQLite's parameter limit


def _state_from_row(row: Sequence[Any]) -> CardState:
    state, step, stability, difficulty, due_us, last_us, reps, lapses = row
    return CardState(
        state=State(state),
        due=from_micros(due_us),
        step=step,
        stability=stability,
        difficulty=difficulty,
        last_review=None if last_us is None else from_micros(last_us),
        reps=reps,
        lapses=lapses,
    )


def _state_values(state: CardState) -> tuple[Any, ...]:
    return (
        state.state,
        state.step,
        state.stability,
        state.difficulty,
        to_micros(state.due),
        None if state.last_review is None else to_micros(state.last_review),
        state.reps,
        state.lapses,
    )


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


class Store:
    """An open progress database. Use `Store.open(data_dir)`; close it (or use `with`) when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn = conn
        self.path = path
        self._profile_ids: dict[str, int] = {}
        self._lock = threading.RLock()  # the UI may call from a worker thread: one transaction at a time

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> Store:
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

    def __enter__(self) -> Store:
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

    # -- profiles --------------------------------------------------------

    def list_profiles(self) -> list[str]:
        return [name for (name,) in self.query("SELECT name FROM profiles ORDER BY name COLLATE NOCASE")]

    def _profiles_by_age(self, conn: sqlite3.Connection | None = None) -> list[str]:
        sql = "SELECT name FROM profiles ORDER BY id"
        if conn is not None:
            return [name for (name,) in conn.execute(sql)]
        return [name for (name,) in self.query(sql)]

    def resolve_profile(self, name: str) -> str:
        """The learner `name` means: an existing profile (see `match_profile`), else the cleaned name.

        A name already in the database is always accepted as it is, so
        profiles made before names were checked stay reachable. Raises
        `ProfileNameError` for a name that cannot be a learner's.
        """
        return self._resolve(name, self._profiles_by_age())

    @staticmethod
    def _resolve(name: str, existing: list[str]) -> str:
        if name in existing:
            return name
        try:
            clean = clean_profile_name(name)
        except ProfileNameError as problem:  # said where no prompt shows it: name the name
            reason = str(problem)
            raise ProfileNameError(f"{name!r} cannot be a learner's name: {reason[:1].lower()}{reason[1:]}") from None
        return match_profile(clean, existing) or clean

    def create_profile(self, name: str) -> str:
        """Add a learner and return the name as kept; a clear `StoreError` if the name is unusable or taken."""
        clean = clean_profile_name(name)
        with self.transaction() as conn:
            taken = match_profile(clean, self._profiles_by_age(conn))
            if taken is not None:
                raise StoreError(f"there is already a profile named {taken!r}")
            conn.execute("INSERT INTO profiles (name, created_us) VALUES (?, ?)", (clean, to_micros(utc_now())))
        return clean

    def ensure_profile(self, name: str) -> str:
        """The learner `name` means, created if there is none yet; returns the profile's name as kept."""
        with self.transaction() as conn:  # resolved inside the write lock: another quiz may be adding the same pupil
            resolved = self._resolve(name, self._profiles_by_age(conn))
            conn.execute(
                "INSERT OR IGNORE INTO profiles (name, created_us) VALUES (?, ?)", (resolved, to_micros(utc_now()))
            )
        return resolved

    def set_pin(self, profile: str, pin: str | None) -> None:
        """Give the profile a PIN (see `pins`), or take it away with None (a teacher's reset)."""
        from .pins import check_new_pin, hash_pin

        stored = None if pin is None else hash_pin(check_new_pin(pin))
        pid = self.profile_id(profile, create=False)
        if pid is None:
            raise StoreError(f"no profile named {profile!r}")
        with self.transaction() as conn:
            conn.execute("UPDATE profiles SET pin = ? WHERE id = ?", (stored, pid))

    def has_pin(self, profile: str) -> bool:
        pid = self.profile_id(profile, create=False)
        return pid is not None and bool(self.query("SELECT 1 FROM profiles WHERE id = ? AND pin IS NOT NULL", (pid,)))

    def pin_matches(self, profile: str, pin: str) -> bool:
        """Whether `pin` opens the profile (a profile without a PIN needs none)."""
        from .pins import pin_matches

        pid = self.profile_id(profile, create=False)
        rows = self.query("SELECT pin FROM profiles WHERE id = ?", (pid,)) if pid is not None else []
        return not rows or rows[0][0] is None or pin_matches(pin, rows[0][0])

    def learner_options(self, profile: str) -> LearnerOptions:
        """The learner's options, as the session reads them (see `options.load_options`)."""
        from .options import load_options

        return load_options(self, profile)

    def profile_id(self, name: str, *, create: bool = True) -> int | None:
        """The id of the learner `name` means (see `resolve_profile`), created on first use unless `create` is false."""
        cached = self._profile_ids.get(name)
        if cached is not None:
            return cached
        try:
            resolved = self.resolve_profile(name)
        except ProfileNameError:
            if not create:
                return None
            raise
        row = self.query("SELECT id FROM profiles WHERE name = ?", (resolved,))
        if not row:
            if not create:
                return None
            resolved = self.ensure_profile(resolved)
            row = self.query("SELECT id FROM profiles WHERE name = ?", (resolved,))
        self._profile_ids[name] = int(row[0][0])
        return self._profile_ids[name]

    def _pid(self, profile: str) -> int:
        pid = self.profile_id(profile)
        assert pid is not None
        return pid

    # -- card state ------------------------------------------------------

    def state(self, profile: str, deck_id: str, key: str) -> CardState | None:
        rows = self.query(
            f"SELECT {_STATE_COLUMNS} FROM card_states WHERE profile_id = ? AND deck_id = ? AND card_key = ?",
            (self._pid(profile), deck_id, key),
        )
        return _state_from_row(rows[0]) if rows else None

    def known_keys(self, profile: str, deck_id: str) -> set[str]:
        """Keys of every card this learner has progress on in the deck (including removed cards)."""
        rows = self.query(
            "SELECT group_concat(card_key, char(10)) FROM card_states WHERE profile_id = ? AND deck_id = ?",
            (self._pid(profile), deck_id),
        )  # one string instead of a row per key: several times faster on big decks
        text = rows[0][0]
        return set(text.split("\n")) if text else set()

    def known_among(self, profile: str, deck_id: str, keys: Sequence[str]) -> set[str]:
        """Which of `keys` this learner has progress on."""
        pid = self._pid(profile)
        known: set[str] = set()
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            rows = self.query(
                "SELECT card_key FROM card_states WHERE profile_id = ? AND deck_id = ? "
                f"AND card_key IN ({','.join('?' * len(batch))})",
                (pid, deck_id, *batch),
            )
            known.update(key for (key,) in rows)
        return known

    def due(
        self, profile: str, deck_id: str, before: dt.datetime, *, states: Sequence[int], limit: int = -1, offset: int = 0
    ) -> list[tuple[str, dt.datetime]]:
        """(key, due) of cards in `states` due before `before`, earliest first."""
        rows = self.query(
            "SELECT card_key, due_us FROM card_states WHERE profile_id = ? AND deck_id = ? "
            f"AND state IN ({','.join('?' * len(states))}) AND due_us < ? ORDER BY due_us LIMIT ? OFFSET ?",
            (self._pid(profile), deck_id, *states, to_micros(before), limit, offset),
        )
        return [(key, from_micros(due_us)) for key, due_us in rows]

    def new_cursor(self, profile: str, deck_id: str, signature: str) -> int:
        """How many of the deck's first keys are known to have progress (0 if the deck changed since)."""
        rows = self.query(
            "SELECT position FROM new_cursors WHERE profile_id = ? AND deck_id = ? AND deck_hash = ?",
            (self._pid(profile), deck_id, signature),
        )
        return int(rows[0][0]) if rows else 0

    def set_new_cursor(self, profile: str, deck_id: str, signature: str, position: int) -> None:
        pid = self._pid(profile)
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO new_cursors (profile_id, deck_id, deck_hash, position) VALUES (?, ?, ?, ?)",
                (pid, deck_id, signature, position),
            )

    def day_activity(self, profile: str, deck_id: str, since: dt.datetime) -> DayActivity:
        rows = self.query(
            "SELECT card_key, prev_state, drill FROM answers WHERE profile_id = ? AND deck_id = ? AND time_us >= ?",
            (self._pid(profile), deck_id, to_micros(since)),
        )
        new = {key for key, prev, drill in rows if prev == NEW and not drill}
        return DayActivity(
            new=len(new),
            reviews=sum(1 for _, prev, drill in rows if prev == REVIEW and not drill),
            keys=frozenset(key for key, _, _ in rows),
        )

    # -- answers ---------------------------------------------------------

    def record(self, answer: Answer) -> int:
        """Store an answer and the card's new state in one transaction; committed on return. Returns its id.

        A drill answer is stored, but the card's state is left as it is.
        """
        pid = self._pid(answer.profile)
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO answers (profile_id, deck_id, card_key, time_us, given, correct, score, rating, "
                "auto_rating, duration, hint_used, prev_state, state_before, state_after, drill) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    pid,
                    answer.deck_id,
                    answer.card_key,
                    to_micros(answer.time),
                    answer.given,
                    int(answer.correct),
                    float(answer.score),
                    int(answer.rating),
                    None if answer.auto_rating is None else int(answer.auto_rating),
                    float(answer.duration),
                    int(answer.hint_used),
                    answer.before.state,
                    None if answer.before.is_new else answer.before.to_json(),
                    answer.after.to_json(),
                    int(answer.drill),
                ),
            )
            if not answer.drill:
                self._put_state(conn, pid, answer.deck_id, answer.card_key, answer.after)
            answer_id = cursor.lastrowid
        assert answer_id is not None
        return answer_id

    def amend(self, answer_id: int, answer: Answer) -> None:
        """Replace a stored answer's rating and outcome (the learner overrode the automatic rating).

        Refused with `ChangedElsewhere`, like `undo`, when the card was answered since.
        A drill answer never moved the card's schedule, so only the answer itself changes.
        """
        pid = self._pid(answer.profile)
        with self.transaction() as conn:
            if answer.drill:
                self._require_stored(conn, answer_id, "the rating was not changed")
            else:
                self._require_unchanged(conn, pid, answer_id, answer, "the rating was not changed")
            conn.execute(
                "UPDATE answers SET correct = ?, score = ?, rating = ?, state_after = ? WHERE id = ?",
                (int(answer.correct), float(answer.score), int(answer.rating), answer.after.to_json(), answer_id),
            )
            if not answer.drill:
                self._put_state(conn, pid, answer.deck_id, answer.card_key, answer.after)

    def undo(self, answer_id: int, answer: Answer, *, new_cursor: tuple[str, int] | None = None) -> None:
        """Take an answer back: delete it and put the card back where it was.

        Refused with `ChangedElsewhere` when the card was answered since (in
        another window on the same data): its later answer is kept.

        Taking back a new card's first answer makes it new again; `new_cursor`
        (deck signature, the card's position) keeps the deck's new-card cursor
        valid without a rescan. A drill answer is simply deleted: it never moved the schedule.
        """
        pid = self._pid(answer.profile)
        with self.transaction() as conn:
            if answer.drill:
                self._require_stored(conn, answer_id, "nothing undone")
                conn.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
                return
            self._require_unchanged(conn, pid, answer_id, answer, "nothing undone")
            conn.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
            if answer.before.is_new:
                conn.execute(
                    "DELETE FROM card_states WHERE profile_id = ? AND deck_id = ? AND card_key = ?",
                    (pid, answer.deck_id, answer.card_key),
                )
                # the card is new again: the cursor must not pass it
                signature, position = new_cursor or ("", 0)
                conn.execute(
                    "UPDATE new_cursors SET position = min(position, ?) "
                    "WHERE profile_id = ? AND deck_id = ? AND deck_hash = ?",
                    (position, pid, answer.deck_id, signature),
                )
                conn.execute(
                    "DELETE FROM new_cursors WHERE profile_id = ? AND deck_id = ? AND deck_hash != ?",
                    (pid, answer.deck_id, signature),
                )
            else:
                self._put_state(conn, pid, answer.deck_id, answer.card_key, answer.before)

    @staticmethod
    def _require_unchanged(conn: sqlite3.Connection, pid: int, answer_id: int, answer: Answer, consequence: str) -> None:
        """Refuse (`ChangedElsewhere`) unless the card still has the state this answer gave it.

        Two windows on one data directory both write; called inside the write
        transaction, so no other answer can slip in between the check and the change.
        """
        stored = Store._require_stored(conn, answer_id, consequence)
        current = conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM card_states WHERE profile_id = ? AND deck_id = ? AND card_key = ?",
            (pid, answer.deck_id, answer.card_key),
        ).fetchone()
        if current is None or tuple(current) != _state_values(CardState.from_json(stored)):
            raise ChangedElsewhere(f"this card was answered again elsewhere; {consequence}")

    @staticmethod
    def _require_stored(conn: sqlite3.Connection, answer_id: int, consequence: str) -> str:
        """The answer's stored state after it; `ChangedElsewhere` if the answer is gone."""
        stored = conn.execute("SELECT state_after FROM answers WHERE id = ?", (answer_id,)).fetchone()
        if stored is None:
            raise ChangedElsewhere(f"this answer was taken back elsewhere; {consequence}")
        return str(stored[0])

    @staticmethod
    def _put_state(conn: sqlite3.Connection, pid: int, deck_id: str, key: str, state: CardState) -> None:
        conn.execute(
            f"INSERT OR REPLACE INTO card_states (profile_id, deck_id, card_key, {_STATE_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, deck_id, key, *_state_values(state)),
        )

    # -- deck files ------------------------------------------------------

    def remember_deck_file(self, profile: str, deck_id: str, path: Path) -> None:
        """Note where a deck that is not bundled was read from, so the deck list can offer it again."""
        pid = self._pid(profile)
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO deck_files (profile_id, deck_id, path, used_us) VALUES (?, ?, ?, ?)",
                (pid, deck_id, str(Path(path).absolute()), to_micros(utc_now())),
            )

    def deck_files(self, profile: str) -> list[tuple[str, Path]]:
        """(deck id, file) of the decks this learner studied from a file, most recently used first."""
        pid = self.profile_id(profile, create=False)
        if pid is None:
            return []
        rows = self.query("SELECT deck_id, path FROM deck_files WHERE profile_id = ? ORDER BY used_us DESC", (pid,))
        return [(deck_id, Path(path)) for deck_id, path in rows]

    def answer_count(self, profile: str, deck_id: str | None = None) -> int:
        if deck_id is None:
            sql, params = "SELECT count(*) FROM answers WHERE profile_id = ?", (self._pid(profile),)
        else:
            sql = "SELECT count(*) FROM answers WHERE profile_id = ? AND deck_id = ?"
            params = (self._pid(profile), deck_id)  # type: ignore[assignment]
        return int(self.query(sql, params)[0][0])

    # -- overview --------------------------------------------------------

    def next_due(self, profile: str, deck: Deck) -> dt.datetime | None:
        """When the deck's earliest card with progress is due (cards removed from the deck don't count)."""
        keys = deck_keys(deck)
        pid = self._pid(profile)
        best: int | None = None
        with self._guard():
            for state in (LEARNING, REVIEW, RELEARNING):
                rows = self._conn.execute(
                    "SELECT card_key, due_us FROM card_states WHERE profile_id = ? AND deck_id = ? AND state = ? "
                    "ORDER BY due_us",
                    (pid, deck.id, state),
                )
                for key, due_us in rows:
                    if key in keys:
                        best = due_us if best is None else min(best, due_us)
                        break
                rows.close()
        return None if best is None else from_micros(best)

    def deck_counts(self, profile: str, deck: Deck, *, now: dt.datetime | None = None) -> DeckCounts:
        """Counts for the cards the deck has now; history of removed cards is kept but not counted.

        SQL counts every card with progress; the few removed from the deck are then taken off again.
        """
        now_us = to_micros(now or utc_now())
        keys = deck_keys(deck)
        pid = self._pid(profile)
        known = self.known_keys(profile, deck.id)
        removed = sorted(known.difference(keys))
        tally = {LEARNING: 0, REVIEW: 0, RELEARNING: 0, "leech": 0, "due": 0}

        def count(rows: list[tuple[Any, ...]], sign: int) -> None:
            for state, n, leeches, due in rows:
                tally[state] += sign * n
                tally["leech"] += sign * leeches
                tally["due"] += sign * due

        aggregate = "SELECT state, count(*), sum(lapses >= ?), sum(due_us <= ?) FROM card_states"
        where = "WHERE profile_id = ? AND deck_id = ?"
        count(self.query(f"{aggregate} {where} GROUP BY state", (LEECH_LAPSES, now_us, pid, deck.id)), 1)
        for start in range(0, len(removed), _BATCH):
            batch = removed[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            sql = f"{aggregate} {where} AND card_key IN ({marks}) GROUP BY state"
            count(self.query(sql, (LEECH_LAPSES, now_us, pid, deck.id, *batch)), -1)
        return DeckCounts(
            new=len(keys) - (len(known) - len(removed)),
            learning=tally[LEARNING] + tally[RELEARNING],
            review=tally[REVIEW],
            leech=tally["leech"],
            due_now=tally["due"],
            next_due=self.next_due(profile, deck),
        )
