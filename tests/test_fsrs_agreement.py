"""The project's scheduling agrees with fsrs-rs (the FSRS that Anki runs) on the same review history.

Random histories are answered through `StudySession` and the SQLite store:
learning steps, lapses, early and late reviews, reviews at every hour, in the
night around the 4 am rollover and across daylight-saving changes (Berlin,
March). For each answer, the memory state fsrs-rs computes from the history
(elapsed days counted here independently, with `zoneinfo`) must equal the
stored one to float precision, and every review interval (fuzz off) must be
the one Anki derives from fsrs-rs's stability.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import fsrs_rs_python as fsrs
import pytest

from quiz.deck.model import Deck, Flashcard, Settings
from quiz.engine.options import LearnerOptions
from quiz.engine.presentation import present
from quiz.engine.rating import Rating
from quiz.engine.scheduler import NEW, REVIEW, CardState
from quiz.engine.session import StudySession
from quiz.store import Store
from quiz.store.options import save_options

UTC = dt.UTC
BERLIN = ZoneInfo("Europe/Berlin")
ROLLOVER = 4
HISTORIES = 240
PARTS = 4
"""The histories are checked in parts that run side by side, each from its own seed."""
REL = 1e-5
MAXIMUM = 36500
FITTED = (  # weights as a fit on a learner's reviews gave them: agreement must not depend on the defaults
    0.3, 1.1, 2.6, 9.1, 6.6, 0.72, 2.7, 0.004, 1.7, 0.12, 0.9, 1.6, 0.09, 0.3, 1.4, 0.5, 2.1, 0.6, 0.12, 0.08, 0.2,
)
STEPS = [
    Settings(),
    Settings(learning_steps=(), relearning_steps=()),
    Settings(learning_steps=(dt.timedelta(minutes=5),), relearning_steps=(dt.timedelta(minutes=5), dt.timedelta(hours=1))),
    Settings(learning_steps=(dt.timedelta(minutes=1), dt.timedelta(minutes=10), dt.timedelta(hours=3))),
]


@pytest.fixture
def berlin_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def reference_day(moment: dt.datetime) -> dt.date:
    """The learner's day, computed apart from the project: Berlin wall time, less the rollover hours."""
    return (moment.astimezone(BERLIN).replace(tzinfo=None) - dt.timedelta(hours=ROLLOVER)).date()


def rounded(days: float) -> int:
    return int(days + 0.5)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def next_time(rng: random.Random, now: dt.datetime, state: CardState) -> dt.datetime:
    """When the next answer comes: soon, at the due time, early, late, or at night around the rollover."""
    kind = rng.choice(["minutes", "hours", "due", "due", "early", "late", "night"])
    if kind == "minutes":
        return now + dt.timedelta(minutes=rng.randint(1, 40))
    if kind == "hours":
        return now + dt.timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))
    gap = max(state.due - now, dt.timedelta(minutes=1))
    if kind == "due":
        return max(state.due, now) + dt.timedelta(hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
    if kind == "early":
        return now + gap * rng.uniform(0.1, 0.9)
    if kind == "late":
        return now + gap * rng.uniform(1.1, 3.0)
    night = (now + gap).astimezone(BERLIN).replace(hour=ROLLOVER, minute=0, second=0, microsecond=0)
    return max(night.astimezone(UTC) + dt.timedelta(minutes=rng.randint(-45, 45)), now + dt.timedelta(minutes=1))


def expected_interval(
    model: fsrs.FSRS, retention: float, reviews: list[tuple[int, int]], before: CardState, rating: Rating
) -> int:
    """Anki's interval in days for the last of `reviews`, from the stability fsrs-rs gives each rating."""

    def days(r: Rating) -> int:
        memory = model.memory_state(fsrs.FSRSItem([fsrs.FSRSReview(*x) for x in [*reviews[:-1], (int(r), reviews[-1][1])]]))
        return min(max(1, rounded(model.next_interval(memory.stability, retention, int(r)))), MAXIMUM)

    if before.state == REVIEW and rating != Rating.AGAIN:
        hard = days(Rating.HARD)
        good = max(days(Rating.GOOD), hard + 1)
        return min({Rating.HARD: hard, Rating.GOOD: good, Rating.EASY: max(days(Rating.EASY), good + 1)}[rating], MAXIMUM)
    if rating == Rating.EASY and before.state != REVIEW:
        return min(max(days(Rating.EASY), days(Rating.GOOD) + 1), MAXIMUM)
    return days(rating)


@pytest.mark.usefixtures("berlin_time")
@pytest.mark.parametrize("part", range(PARTS))
def test_memory_states_and_intervals_agree_with_fsrs_rs(tmp_path: Path, part: int) -> None:
    rng = random.Random(20260320 + part)
    worst = 0.0
    checked = intervals = 0
    with Store.open(tmp_path) as store:
        for n in range(HISTORIES // PARTS):
            profile = f"learner {n}"
            settings = rng.choice(STEPS)
            options = LearnerOptions(retention=rng.choice([None, 0.8, 0.85, 0.95]), parameters=rng.choice([None, FITTED]))
            save_options(store, profile, options)
            retention = 0.9 if options.retention is None else options.retention
            model = fsrs.FSRS(list(options.parameters or fsrs.DEFAULT_PARAMETERS))
            deck = Deck(id="d", title="d", cards=(Flashcard(id="f", front="front", back="back"),), settings=settings)
            start = dt.datetime(2026, 3, 20, tzinfo=UTC) + dt.timedelta(minutes=rng.randint(0, 14 * 24 * 60))
            clock = Clock(start)
            reviews: list[tuple[int, int]] = []
            last_day: dt.date | None = None
            state = CardState(state=NEW, due=start)
            for _ in range(rng.randint(4, 22)):
                rating = rng.choices(list(Rating), weights=[2, 2, 6, 2])[0]
                only = [present(deck, deck.cards[0], rng)]
                session = StudySession(store, profile, [deck], clock=clock, fuzz=False, only=only)
                session.rate(rating, duration=3.0)
                before, state = state, store.state(profile, "d", "f")  # type: ignore[assignment]
                day = reference_day(clock.now)
                reviews.append((int(rating), 0 if last_day is None else (day - last_day).days))
                last_day = day
                memory = model.memory_state(fsrs.FSRSItem([fsrs.FSRSReview(*r) for r in reviews]))
                assert state.stability is not None and state.difficulty is not None
                for ours, theirs in ((state.stability, memory.stability), (state.difficulty, memory.difficulty)):
                    assert ours == pytest.approx(theirs, rel=REL), (profile, reviews)
                    worst = max(worst, abs(ours - theirs) / abs(theirs))
                checked += 1
                if state.state == REVIEW:
                    want = expected_interval(model, retention, reviews, before, rating)
                    assert (reference_day(state.due) - day).days == want, (profile, reviews)
                    assert state.due.astimezone(BERLIN).hour == ROLLOVER  # offered from the start of its day
                    intervals += 1
                clock.now = next_time(rng, clock.now, state)
    assert checked > 2000 // PARTS and intervals > 700 // PARTS
    assert worst <= REL
