"""A progress database written by the previous quiz opens with every answer kept and counted as before."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from quiz.classroom import storage
from quiz.deck.model import Deck, TypedAnswer
from quiz.engine.clock import to_micros
from quiz.engine.scheduler import LEARNING, NEW, REVIEW, CardState
from quiz.engine.session import StudySession
from quiz.store import Store
from quiz.store.database import DB_NAME
from quiz.store.migrations import MIGRATIONS, schema_version
from quiz.store.stats import retention

pytestmark = pytest.mark.usefixtures("bogota_time")
UTC = dt.UTC
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BEFORE_DRILLS = 5
"""The schema version before re-drill answers were marked."""
DECK = Deck(id="geo", title="Geo", cards=tuple(TypedAnswer(id=f"c{i}", question=f"Q{i}?", answer=f"a{i}") for i in range(3)))


def state(kind: int, due: dt.datetime, reps: int) -> CardState:
    return CardState(state=kind, due=due, step=None, stability=5.0, difficulty=5.0, last_review=due, reps=reps)


def old_database(data: Path) -> list[tuple[object, ...]]:
    """A file as the previous version left it: three answers (a new card, then two reviews), and their card."""
    conn = sqlite3.connect(data / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for migration in MIGRATIONS[:BEFORE_DRILLS]:
        for statement in migration.statements():
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {BEFORE_DRILLS}")
    conn.execute("INSERT INTO profiles (name, created_us) VALUES ('Ana', ?)", (to_micros(T0),))
    learned = state(REVIEW, T0 + dt.timedelta(days=3), 1)
    kept = state(REVIEW, T0 + dt.timedelta(days=9), 2)
    lapsed = state(REVIEW, T0 + dt.timedelta(days=40), 3)
    rows = [
        (1, "geo", "c0", to_micros(T0), "a0", 1, 1.0, 3, 3, 4.0, 0, NEW, None, learned.to_json()),
        (1, "geo", "c0", to_micros(T0 + dt.timedelta(days=3)), "a0", 1, 1.0, 3, 3, 3.0, 0, REVIEW, learned.to_json(), kept.to_json()),
        (1, "geo", "c0", to_micros(T0 + dt.timedelta(days=9)), "x", 0, 0.0, 1, 1, 6.0, 1, REVIEW, kept.to_json(), lapsed.to_json()),
    ]  # fmt: skip
    conn.executemany(
        "INSERT INTO answers (profile_id, deck_id, card_key, time_us, given, correct, score, rating, auto_rating, "
        "duration, hint_used, prev_state, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        "INSERT INTO card_states (profile_id, deck_id, card_key, state, step, stability, difficulty, due_us, "
        "last_review_us, reps, lapses) VALUES (1, 'geo', 'c0', ?, NULL, 5.0, 5.0, ?, ?, 3, 0)",
        (REVIEW, to_micros(lapsed.due), to_micros(lapsed.due)),
    )
    conn.close()
    return rows


def test_an_old_database_keeps_every_answer_as_a_review(tmp_path: Path) -> None:
    assert MIGRATIONS[BEFORE_DRILLS].description == "re-drill answers kept apart from reviews"
    rows = old_database(tmp_path)
    with Store.open(tmp_path) as store:
        assert store.query("PRAGMA user_version") == [(schema_version(),)]
        stored = store.query(
            "SELECT profile_id, deck_id, card_key, time_us, given, correct, score, rating, auto_rating, duration, "
            "hint_used, prev_state, state_before, state_after, drill FROM answers ORDER BY id"
        )
        assert stored == [(*row, 0) for row in rows]  # every answer kept, none taken for a re-drill
        assert retention(store, "Ana") == 0.5
        (practice,) = storage.practice(store, "Ana")
        assert (practice.reviews, practice.recall_reviews, practice.recalled, practice.seconds) == (3, 2, 1, 13.0)
        assert store.day_activity("Ana", "geo", T0).reviews == 2
        assert store.state("Ana", "geo", "c0") == state(REVIEW, T0 + dt.timedelta(days=40), 3)
    with Store.open(tmp_path) as store:  # opened again: nothing applied twice
        assert store.query("PRAGMA user_version") == [(schema_version(),)] and store.answer_count("Ana") == 3


def test_the_migrated_database_takes_new_answers_and_drills(tmp_path: Path) -> None:
    old_database(tmp_path)
    clock = [T0 + dt.timedelta(days=10)]
    with Store.open(tmp_path) as store:
        session = StudySession(store, "Ana", [DECK], clock=lambda: clock[0], fuzz=False)
        assert session.current is not None and session.current.key == "c1"
        session.submit("wrong", duration=2.0)
        missed = store.state("Ana", "geo", "c1")
        assert missed is not None and missed.state == LEARNING
        drill = session.redrill()
        drill.submit("a1", duration=2.0)
        assert store.state("Ana", "geo", "c1") == missed
        assert store.query("SELECT card_key, drill FROM answers WHERE id > 3 ORDER BY id") == [("c1", 0), ("c1", 1)]
