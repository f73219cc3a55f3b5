"""Each card's state for each learner, and every answer that changed it (recorded, amended, undone)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any

from quiz.engine.clock import from_micros, to_micros
from quiz.engine.progress import Answer, DayActivity
from quiz.engine.scheduler import NEW, REVIEW, CardState, State

from .errors import ChangedElsewhere
from .profile_rows import ProfileRows

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


class AnswerRows(ProfileRows):
    """The `card_states`, `new_cursors` and `answers` tables."""

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
        stored = AnswerRows._require_stored(conn, answer_id, consequence)
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
