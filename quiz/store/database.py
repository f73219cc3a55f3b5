"""A learner's progress in one SQLite file: `Store`, what the rest of quiz opens.

The class is put together from one part per kind of row: `connection.Connection`
(opening, checking, migrating, transactions), `profile_rows.ProfileRows`
(profiles, PINs, deck files), `answer_rows.AnswerRows` (card states, answers,
undo); the overview counts for the deck list live here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from quiz.deck.model import Deck
from quiz.engine.clock import from_micros, to_micros, utc_now
from quiz.engine.keys import deck_keys
from quiz.engine.options import LearnerOptions
from quiz.engine.progress import DeckCounts
from quiz.engine.scheduler import LEARNING, LEECH_LAPSES, RELEARNING, REVIEW

from .answer_rows import _BATCH, AnswerRows
from .connection import BUSY_TIMEOUT_S, DB_NAME, EMPTY_GRACE_S, SQLITE_MAGIC

__all__ = ["BUSY_TIMEOUT_S", "DB_NAME", "EMPTY_GRACE_S", "SQLITE_MAGIC", "Store"]


class Store(AnswerRows):
    """An open progress database. Use `Store.open(data_dir)`; close it (or use `with`) when done."""

    def learner_options(self, profile: str) -> LearnerOptions:
        """The learner's options, as the session reads them (see `options.load_options`)."""
        from .options import load_options

        return load_options(self, profile)

    # -- overview --------------------------------------------------------

    def answer_count(self, profile: str, deck_id: str | None = None) -> int:
        if deck_id is None:
            sql, params = "SELECT count(*) FROM answers WHERE profile_id = ?", (self._pid(profile),)
        else:
            sql = "SELECT count(*) FROM answers WHERE profile_id = ? AND deck_id = ?"
            params = (self._pid(profile), deck_id)  # type: ignore[assignment]
        return int(self.query(sql, params)[0][0])

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
