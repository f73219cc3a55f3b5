"""Benchmark the engine on a big progress database.

Builds a store with 100,000 cards (one deck, the worst case for the queue)
and 1,000,000 stored answers, then times what a learner waits for:
building a session queue (target < 50 ms) and recording an answer
(target < 5 ms median, committed to disk). Baselines measured in the same
run put the numbers in proportion: a bare one-row SQLite commit on the same
disk, and one pass over the deck's cards in Python.

    python scripts/bench_engine.py [--cards N] [--answers N] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from quiz.deck.model import Deck, Settings, TypedAnswer
from quiz.engine.clock import to_micros
from quiz.engine.keys import deck_index
from quiz.engine.rating import Rating
from quiz.engine.scheduler import LEARNING, REVIEW, CardState
from quiz.engine.session import StudySession
from quiz.store import Store
from quiz.store.stats import due_per_day, retention, reviews_per_day

PROFILE = "bench"
DECK_ID = "bench"
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DAY_US = 86_400 * 1_000_000


def build_deck(cards: int) -> Deck:
    return Deck(
        id=DECK_ID,
        title="Benchmark",
        cards=tuple(TypedAnswer(id=f"card-{i:06d}", question=f"Question {i}?", answer=f"answer {i}") for i in range(cards)),
        settings=Settings(new_per_day=20, reviews_per_day=200),
    )


def state_json(rng: random.Random, state: int, due_us: int, last_us: int, reps: int) -> str:
    return CardState(
        state=state,
        due=dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=due_us),
        step=None if state == REVIEW else 1,
        stability=rng.uniform(0.5, 400.0),
        difficulty=rng.uniform(1.0, 10.0),
        last_review=dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=last_us),
        reps=reps,
        lapses=rng.randrange(3),
    ).to_json()


def seed(path: Path, cards: int, answers: int, key: str = "card-{:06d}") -> tuple[float, int]:
    """Fill the store the way two years of study would; returns (seconds, cards with progress).

    Card number i is stored under `key.format(i)`.
    """
    rng = random.Random(7)
    start = time.perf_counter()
    seen = int(cards * 0.95)  # 5% still new
    now_us = to_micros(NOW)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # seeding only; the app always uses FULL
    [(pid,)] = conn.execute("SELECT id FROM profiles WHERE name = ?", (PROFILE,)).fetchall()
    conn.execute("BEGIN")

    def states() -> Iterator[tuple[object, ...]]:
        for i in range(seen):
            learning = rng.random() < 0.01
            # ~1.5% due today or overdue, the rest over the coming year
            due = now_us + (rng.randrange(-3 * DAY_US, 0) if rng.random() < 0.015 else rng.randrange(DAY_US, 365 * DAY_US))
            yield (
                pid, DECK_ID, key.format(i), LEARNING if learning else REVIEW, 1 if learning else None,
                rng.uniform(0.5, 400.0), rng.uniform(1.0, 10.0), due, due - rng.randrange(DAY_US, 60 * DAY_US),
                rng.randrange(1, 30), rng.randrange(3),
            )  # fmt: skip

    conn.executemany(
        "INSERT INTO card_states (profile_id, deck_id, card_key, state, step, stability, difficulty, due_us, "
        "last_review_us, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        states(),
    )
    span = 730 * DAY_US  # two years, ending yesterday

    def rows() -> Iterator[tuple[object, ...]]:
        first = now_us - span - DAY_US
        for n in range(answers):
            t = first + n * span // answers
            card_key = key.format(rng.randrange(seen))
            correct = rng.random() < 0.88
            prev = 0 if n < seen else REVIEW
            before = None if prev == 0 else state_json(rng, REVIEW, t, t - 10 * DAY_US, 5)
            yield (
                pid, DECK_ID, card_key, t, "answer", int(correct), float(correct), 3 if correct else 1, 3 if correct else 1,
                rng.uniform(2, 15), 0, prev, before, state_json(rng, REVIEW, t + 20 * DAY_US, t, 6),
            )  # fmt: skip

    conn.executemany(
        "INSERT INTO answers (profile_id, deck_id, card_key, time_us, given, correct, score, rating, auto_rating, "
        "duration, hint_used, prev_state, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - start, seen


class BareCommit:
    """One tiny INSERT committed with the store's durability settings, in a file next to the store."""

    def __init__(self, data_dir: Path):
        self.conn = sqlite3.connect(data_dir / "baseline.sqlite3", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        for _ in range(20):
            self.ms()  # warm up: let the WAL file grow first

    def ms(self) -> float:
        t0 = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO t VALUES (1)")
        self.conn.execute("COMMIT")
        return (time.perf_counter() - t0) * 1000


def deck_pass_ms(deck: Deck) -> float:
    t0 = time.perf_counter()
    ids = {card.id for card in deck.cards}
    assert len(ids) == len(deck.cards)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--data-dir", type=Path, help="where to build the store (default: a temporary directory)")
    parser.add_argument("--repeat", type=int, default=200, help="answers to record")
    args = parser.parse_args()
    tmp = None if args.data_dir else tempfile.TemporaryDirectory(prefix="quiz-bench-")
    data_dir = args.data_dir or Path(tmp.name)  # type: ignore[union-attr]
    try:
        run(data_dir, args.cards, args.answers, args.repeat)
    finally:
        if tmp is not None:
            tmp.cleanup()


def run(data_dir: Path, cards: int, answers: int, repeat: int) -> None:
    t0 = time.perf_counter()
    deck = build_deck(cards)
    print(f"deck of {cards:,} cards built in {time.perf_counter() - t0:.2f} s")
    with Store.open(data_dir) as store:
        store.profile_id(PROFILE)
        path = store.path
    seconds, seen = seed(path, cards, answers)
    size = path.stat().st_size
    print(f"store seeded: {seen:,} cards with progress, {answers:,} answers in {seconds:.1f} s")
    print(f"database size: {size / 2**20:.1f} MiB ({size / max(answers, 1):.0f} bytes per answer, indexes included)")

    clock_now = [NOW]
    with Store.open(data_dir) as store:
        t0 = time.perf_counter()
        deck_index(deck)
        index_ms = (time.perf_counter() - t0) * 1000
        queue_ms = []
        for i in range(21):
            t0 = time.perf_counter()
            session = StudySession(store, PROFILE, [deck], clock=lambda: clock_now[0], seed=i)
            queue_ms.append((time.perf_counter() - t0) * 1000)
        cold, warm = queue_ms[0], statistics.median(queue_ms[1:])
        print(f"session queue of {session.progress[1]} cards: median {warm:.1f} ms, max {max(queue_ms[1:]):.1f} ms "
              f"(target < 50 ms); first build after the deck changed {cold:.1f} ms, "
              f"after {index_ms:.1f} ms indexing the deck's keys once per loaded deck")  # fmt: skip

        baseline = BareCommit(data_dir)
        commit_ms = []

        rng = random.Random(3)
        record_ms = []
        for _ in range(repeat):
            presented = session.current
            if presented is None:
                session = StudySession(store, PROFILE, [deck], clock=lambda: clock_now[0])
                presented = session.current
                assert presented is not None
            clock_now[0] += dt.timedelta(seconds=7)
            response = presented.card.answer if rng.random() < 0.85 else "no idea"  # type: ignore[union-attr]
            commit_ms.append(baseline.ms())  # interleaved, so both see the same disk weather
            t0 = time.perf_counter()
            session.submit(response, duration=7.0)
            record_ms.append((time.perf_counter() - t0) * 1000)
        commit = statistics.median(commit_ms)
        record_ms.sort()
        median = statistics.median(record_ms)
        p95 = record_ms[int(len(record_ms) * 0.95)]
        print(f"record an answer (grade, schedule, commit, next card): median {median:.2f} ms, p95 {p95:.2f} ms "
              f"over {repeat} answers (target < 5 ms median)")  # fmt: skip
        rating_ms = []
        for _ in range(20):
            t0 = time.perf_counter()
            session.override(Rating.GOOD)
            rating_ms.append((time.perf_counter() - t0) * 1000)
        print(f"override the last rating: median {statistics.median(rating_ms):.2f} ms")
        stats_ms = []
        for _ in range(5):
            t0 = time.perf_counter()
            store.deck_counts(PROFILE, deck, now=clock_now[0])
            reviews_per_day(store, PROFILE, 30, deck_id=DECK_ID, now=clock_now[0])
            due_per_day(store, PROFILE, 30, deck_id=DECK_ID, now=clock_now[0])
            retention(store, PROFILE, deck_id=DECK_ID, days=30, now=clock_now[0])
            stats_ms.append((time.perf_counter() - t0) * 1000)
        print(f"statistics (deck counts, 30 days of answers and of due cards, retention): "
              f"median {statistics.median(stats_ms):.1f} ms")  # fmt: skip

    deck_pass = deck_pass_ms(deck)
    print(f"baseline: bare SQLite commit {commit:.2f} ms -> answer/commit ratio {median / commit:.1f}x")
    print(f"baseline: one Python pass over the deck {deck_pass:.1f} ms -> queue/pass ratio {warm / deck_pass:.1f}x")


if __name__ == "__main__":
    main()
