"""A checked deck compiled into an indexed SQLite file, read a card at a time.

Start-up should cost what today's session needs, not what the deck holds: a
session asks the cards due today and the next new ones, a few hundred at most,
and finds them by schedule key or by position in the deck. So a checked deck is
kept as a small SQLite file (cards pickled one per row, the schedule keys in a
table with a unique index), opened read-only, and a deck read from it holds a
`CompiledCards` sequence that unpickles a card only when it is asked for.
Opening costs the same for 15 cards as for 1,000,000.

SQLite rather than a memory-mapped format of our own: it is in the standard
library, its B-tree answers "position of this key" and "keys 500 to 999"
without a hand-written index or hashing scheme, it reads only the pages a query
touches (so memory follows the session, not the deck), and a damaged file fails
as an `sqlite3.Error` instead of as a wrong offset. An entry is written once,
to a temporary name, and never changed: it is opened `immutable`, without locks.
"""

from __future__ import annotations

import operator
import os
import pickle
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, overload

from .model import Card, Deck
from .sides import sides, signature

FORMAT = 1
_CHUNK = 1000
"""Rows read per query when a whole deck is walked."""
_BATCH = 500
"""Keys asked per query (SQLite allows 999 parameters in older versions)."""

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE cards (position INTEGER PRIMARY KEY, card BLOB NOT NULL);
CREATE TABLE sides (position INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, card INTEGER NOT NULL);
"""


def write(target: Path, deck: Deck) -> None:
    """Compile `deck` into a new file at `target` (which must not exist); raises `sqlite3.Error` or `OSError`."""
    cards = deck.cards
    keys = [(key, position) for position, card in enumerate(cards) for key in sides(card)]
    head = replace(deck, cards=(), path=None)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO cards (position, card) VALUES (?, ?)",
            ((position, pickle.dumps(card, pickle.HIGHEST_PROTOCOL)) for position, card in enumerate(cards)),
        )
        conn.executemany(
            "INSERT INTO sides (position, key, card) VALUES (?, ?, ?)",
            ((position, key, card) for position, (key, card) in enumerate(keys)),
        )
        meta: dict[str, Any] = {
            "format": FORMAT,
            "deck": pickle.dumps(head, pickle.HIGHEST_PROTOCOL),
            "cards": len(cards),
            "sides": len(keys),
            "signature": signature(key for key, _ in keys),
        }
        conn.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", meta.items())
        conn.execute("COMMIT")
    finally:
        conn.close()


def read(entry: Path) -> Deck | None:
    """The deck compiled in `entry`, its cards left on disk; None if the file is missing, damaged or foreign."""
    try:
        stat = entry.stat()
        if hasattr(os, "getuid") and stat.st_uid != os.getuid():
            return None  # only what this user wrote is unpickled
        uri = entry.resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        [(page_size,)] = conn.execute("PRAGMA page_size").fetchall()
        [(page_count,)] = conn.execute("PRAGMA page_count").fetchall()
        if page_size * page_count != stat.st_size:
            raise ValueError("cut short or grown")  # a truncated copy would fail later, mid-session
        meta = dict(conn.execute("SELECT name, value FROM meta"))
        if meta.get("format") != FORMAT:
            raise ValueError("another format")
        head = pickle.loads(meta["deck"])
        if not isinstance(head, Deck):
            raise ValueError("not a deck")
        cards = CompiledCards(conn, int(meta["cards"]), int(meta["sides"]), str(meta["signature"]))
    except Exception:  # damaged, or pickled by a deck model that has changed since
        conn.close()
        return None
    return replace(head, cards=cards)  # type: ignore[arg-type]


class CompiledCards(Sequence[Card]):
    """A compiled deck's cards in deck order, each unpickled when first asked for; safe to share between threads.

    Also answers the questions a study session asks of a deck's schedule keys
    (see `quiz.deck.sides`) with one indexed query each. Pickling it, or
    comparing it, treats it as the tuple of its cards.
    """

    def __init__(self, conn: sqlite3.Connection, count: int, side_count: int, signature: str):
        self._conn = conn
        self._lock = threading.Lock()
        self._count = count
        self._loaded: dict[int, Card] = {}
        self.side_count = side_count
        self.signature = signature

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Card: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Card, ...]: ...
    def __getitem__(self, index: int | slice) -> Card | tuple[Card, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        position = operator.index(index)
        if position < 0:
            position += self._count
        if not 0 <= position < self._count:
            raise IndexError("card position out of range")
        card = self._loaded.get(position)
        if card is None:
            [(blob,)] = self._rows("SELECT card FROM cards WHERE position = ?", (position,))
            card = self._loaded.setdefault(position, pickle.loads(blob))
        return card

    def __iter__(self) -> Iterator[Card]:
        for start in range(0, self._count, _CHUNK):
            rows = self._rows("SELECT position, card FROM cards WHERE position >= ? AND position < ? ORDER BY position",
                              (start, start + _CHUNK))  # fmt: skip
            for position, blob in rows:
                yield self._loaded.get(position) or pickle.loads(blob)

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == self._count and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))

    def __repr__(self) -> str:
        return f"<{self._count} compiled cards>"

    # -- schedule keys ---------------------------------------------------

    def side_position(self, key: str) -> int | None:
        """Position of the schedule key among the deck's keys; None if the deck has no such key."""
        rows = self._rows("SELECT position FROM sides WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def side(self, position: int) -> tuple[str, Card]:
        """The schedule key at `position` and its card."""
        [(key, card)] = self._rows("SELECT key, card FROM sides WHERE position = ?", (position,))
        return key, self[card]

    def sides_of(self, keys: Sequence[str]) -> dict[str, tuple[int, Card]]:
        """Position and card of each of these schedule keys the deck has, read in a few queries."""
        found: dict[str, tuple[int, int]] = {}
        for start in range(0, len(keys), _BATCH):
            batch = tuple(keys[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            for key, position, card in self._rows(f"SELECT key, position, card FROM sides WHERE key IN ({marks})", batch):
                found[key] = (position, card)
        missing = tuple({card for _, card in found.values() if card not in self._loaded})
        for start in range(0, len(missing), _BATCH):
            positions = missing[start : start + _BATCH]
            marks = ",".join("?" * len(positions))
            for position, blob in self._rows(f"SELECT position, card FROM cards WHERE position IN ({marks})", positions):
                self._loaded.setdefault(position, pickle.loads(blob))
        return {key: (position, self[card]) for key, (position, card) in found.items()}

    def side_keys(self, start: int, stop: int) -> list[str]:
        """The schedule keys from position `start` up to `stop`, in order."""
        rows = self._rows("SELECT key FROM sides WHERE position >= ? AND position < ? ORDER BY position", (start, stop))
        return [key for (key,) in rows]

    def all_side_keys(self) -> Iterator[str]:
        for start in range(0, self.side_count, _CHUNK * 10):
            yield from self.side_keys(start, start + _CHUNK * 10)

    def side_positions(self) -> dict[str, int]:
        """Every schedule key with its position: one read of the whole key table."""
        return dict(self._rows("SELECT key, position FROM sides", ()))
