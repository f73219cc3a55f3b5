"""Scheduling through the session and the store: FSRS's reference vector, undo determinism, and fuzz."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from quiz.deck.model import Deck, Flashcard
from quiz.engine.clock import days_between
from quiz.engine.fuzz import constrain, fuzz_factor, fuzz_range
from quiz.engine.options import DEFAULT_ROLLOVER
from quiz.engine.rating import Rating
from quiz.engine.scheduler import REVIEW
from quiz.engine.session import StudySession
from quiz.store import Store

UTC = dt.UTC
pytestmark = pytest.mark.usefixtures("bogota_time")
DECK = Deck(id="d", title="d", cards=tuple(Flashcard(id=f"f{i}", front=f"front {i}", back="back") for i in range(3)))


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def test_fsrs6_reference_vector_through_session_and_store(tmp_path: Path) -> None:
    """Good x6, Again x2, Good x5, each answered when due, fuzz off: FSRS-6's published intervals."""
    deck = Deck(id="d", title="d", cards=(DECK.cards[0],))
    ratings = [Rating.GOOD] * 6 + [Rating.AGAIN] * 2 + [Rating.GOOD] * 5
    clock = Clock(dt.datetime(2026, 3, 2, 17, 0, tzinfo=UTC))  # noon in Bogotá
    intervals = []
    with Store.open(tmp_path) as store:
        for rating in ratings:
            session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
            assert session.current is not None and session.current.key == "f0"  # due, so asked
            due = session.rate(rating, duration=3).next_due
            intervals.append(days_between(clock.now, due, DEFAULT_ROLLOVER))
            assert store.state("Ana", "d", "f0").due == due  # type: ignore[union-attr]
            clock.now = max(due, clock.now)
    assert intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]


def test_a_review_card_is_offered_from_the_start_of_its_day(tmp_path: Path) -> None:
    """Graduated at 23:41 with 1 day to wait: asked from 4 am the next morning, not at 00:05, and a day has passed."""
    deck = Deck(id="d", title="d", cards=(DECK.cards[0],))
    clock = Clock(dt.datetime(2026, 3, 3, 4, 20, tzinfo=UTC))  # 23:20 in Bogotá
    with Store.open(tmp_path) as store:
        session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
        session.rate(Rating.AGAIN, duration=3)
        clock.now += dt.timedelta(minutes=1)
        session.rate(Rating.GOOD, duration=3)
        clock.now = dt.datetime(2026, 3, 3, 4, 41, tzinfo=UTC)  # 23:41
        due = session.rate(Rating.GOOD, duration=3).next_due
        state = store.state("Ana", "d", "f0")
        assert state is not None and state.state == REVIEW
        assert due == dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC)  # 4 am in Bogotá
        clock.now = dt.datetime(2026, 3, 3, 5, 5, tzinfo=UTC)  # 00:05: still the same learner's day
        assert StudySession(store, "Ana", [deck], clock=clock, fuzz=False).current is None
        clock.now = due
        assert StudySession(store, "Ana", [deck], clock=clock, fuzz=False).current is not None


def _review_card(store: Store, clock: Clock) -> StudySession:
    """A session whose current card has been reviewed into weeks-long intervals."""
    deck = Deck(id="d", title="d", cards=(DECK.cards[0],))
    for _ in range(4):
        session = StudySession(store, "Ana", [deck], clock=clock)
        clock.now = max(clock.now, session.rate(Rating.GOOD, duration=3).next_due)
    session = StudySession(store, "Ana", [deck], clock=clock)
    assert session.current is not None
    return session


@pytest.mark.parametrize("rating", list(Rating))
def test_answer_undo_answer_gives_the_same_due_time(tmp_path: Path, rating: Rating) -> None:
    clock = Clock(dt.datetime(2026, 3, 2, 17, 0, tzinfo=UTC))
    with Store.open(tmp_path) as store:
        session = _review_card(store, clock)
        preview = session.preview().dues[rating]
        first = session.rate(rating, duration=3).next_due
        assert first == preview
        for _ in range(3):
            assert session.undo()
            assert session.rate(rating, duration=3).next_due == first
        if rating != Rating.AGAIN:  # a review interval counts days: a moment later, it is the same
            assert session.undo()
            clock.now += dt.timedelta(minutes=2)
            assert session.rate(rating, duration=3).next_due == first


def test_changing_the_rating_back_gives_the_first_due_time(tmp_path: Path) -> None:
    clock = Clock(dt.datetime(2026, 3, 2, 17, 0, tzinfo=UTC))
    with Store.open(tmp_path) as store:
        session = _review_card(store, clock)
        good = session.rate(Rating.GOOD, duration=3).next_due
        previews = session.preview_last().dues
        for rating in (Rating.EASY, Rating.HARD, Rating.AGAIN, Rating.GOOD):
            assert session.override(rating).next_due == previews[rating]
        assert previews[Rating.GOOD] == good


def test_fuzz_factors_are_uniform() -> None:
    """200,000 cards: the seeded factors fill [0, 1) evenly (chi-square over 20 bins, fixed seeds)."""
    draws = 200_000
    bins = Counter(min(int(fuzz_factor(f"card {n}", 7) * 20), 19) for n in range(draws))
    expected = draws / 20
    chi2 = sum((bins[b] - expected) ** 2 / expected for b in range(20))
    assert chi2 < 43.8  # the 0.1 % critical value for 19 degrees of freedom


@pytest.mark.parametrize(("days", "low", "high"), [(3, 2, 4), (5, 4, 6), (10, 8, 12), (30, 27, 33), (100, 93, 107)])
def test_fuzz_stays_in_its_documented_range_and_is_unbiased(days: int, low: int, high: int) -> None:
    assert fuzz_range(days, 1, 36500) == (low, high)
    rng = random.Random(12)
    draws = 200_000
    seen = Counter(constrain(float(days), 1, 36500, rng.random()) for _ in range(draws))
    assert min(seen) == low and max(seen) == high
    width = high - low + 1
    for value in range(low, high + 1):  # every day of the range equally likely
        assert seen[value] / draws == pytest.approx(1 / width, abs=4 * math.sqrt((1 / width) / draws))
    mean = sum(v * n for v, n in seen.items()) / draws
    sd = math.sqrt(((width**2 - 1) / 12) / draws)
    assert abs(mean - (low + high) / 2) < 4 * sd
    assert abs(mean - days) < 4 * sd  # centred on the interval FSRS asked for


def test_fuzz_never_leaves_the_maximum_interval() -> None:
    rng = random.Random(3)
    assert all(constrain(d, 1, 30, rng.random()) <= 30 for d in (29.0, 30.0, 31.0, 500.0) for _ in range(1000))
    assert all(constrain(3.0, 1, 3, rng.random()) in (2, 3) for _ in range(100))
