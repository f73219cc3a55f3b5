import datetime as dt

import pytest

from quiz.deck.model import DEFAULT_SETTINGS, Settings
from quiz.engine.clock import local_day_start, next_local_day_start
from quiz.engine.rating import Rating
from quiz.engine.scheduler import (
    LEARNING,
    LEECH_LAPSES,
    NEW,
    RELEARNING,
    REVIEW,
    CardState,
    new_state,
    review,
    scheduler_for,
)

UTC = dt.UTC
START = dt.datetime(2022, 11, 29, 12, 30, tzinfo=UTC)

# fsrs 6.3.2 defaults: learning steps 1m 10m, relearning step 10m, retention 0.9 (also the app's defaults).
CONFORMANCE = Settings(
    retention=0.9,
    learning_steps=(dt.timedelta(minutes=1), dt.timedelta(minutes=10)),
    relearning_steps=(dt.timedelta(minutes=10),),
)


def test_conformance_with_fuzzing_off() -> None:
    ratings = [Rating.GOOD] * 6 + [Rating.AGAIN] * 2 + [Rating.GOOD] * 5
    state, now, intervals = new_state(START), START, []
    for rating in ratings:
        state = review(state, rating, now, CONFORMANCE)
        intervals.append((state.due - now).days)
        now = state.due
    assert intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]


def test_app_defaults_are_the_conformance_settings() -> None:
    assert scheduler_for(DEFAULT_SETTINGS) is scheduler_for(CONFORMANCE)


def test_settings_drive_the_scheduler() -> None:
    class_deck = Settings(retention=0.8, learning_steps=(dt.timedelta(seconds=30),), relearning_steps=())
    sched = scheduler_for(class_deck)
    assert sched.desired_retention == 0.8
    assert sched.learning_steps == (dt.timedelta(seconds=30),)
    assert sched.relearning_steps == ()
    first = review(new_state(START), Rating.AGAIN, START, class_deck)
    assert first.state == LEARNING and first.due == START + dt.timedelta(seconds=30)
    second = review(first, Rating.GOOD, first.due, class_deck)
    assert second.state == REVIEW
    lapsed = review(second, Rating.AGAIN, second.due, class_deck)
    assert lapsed.state == REVIEW and lapsed.lapses == 1  # no relearning steps: straight back to review


def test_higher_retention_gives_shorter_intervals() -> None:
    def interval(retention: float) -> dt.timedelta:
        settings = Settings(retention=retention)
        state = review(new_state(START), Rating.EASY, START, settings)
        state = review(state, Rating.GOOD, state.due, settings)
        return state.due - state.last_review  # type: ignore[operator]

    assert interval(0.95) < interval(0.9) < interval(0.8)


def test_lapses_count_forgotten_reviews_and_make_leeches() -> None:
    state = review(new_state(START), Rating.EASY, START, DEFAULT_SETTINGS)
    assert state.state == REVIEW and state.lapses == 0
    for n in range(1, LEECH_LAPSES + 1):
        state = review(state, Rating.AGAIN, state.due, DEFAULT_SETTINGS)
        assert state.state == RELEARNING and state.lapses == n
        assert state.leech == (n >= LEECH_LAPSES)
        again_in_relearning = review(state, Rating.AGAIN, state.due, DEFAULT_SETTINGS)
        assert again_in_relearning.lapses == n  # failing a relearning step is not another lapse
        state = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS)
        assert state.state == REVIEW
    assert state.reps == 1 + 2 * LEECH_LAPSES


def test_state_round_trips_through_json() -> None:
    state = review(new_state(START), Rating.HARD, START + dt.timedelta(microseconds=7), DEFAULT_SETTINGS)
    assert CardState.from_json(state.to_json()) == state
    assert CardState.from_json(new_state(START).to_json()).state == NEW


def test_naive_and_non_utc_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        review(new_state(START), Rating.GOOD, dt.datetime(2022, 11, 29, 12, 30), DEFAULT_SETTINGS)
    with pytest.raises(ValueError):
        new_state(dt.datetime(2022, 11, 29, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))))


@pytest.mark.usefixtures("bogota_time")
def test_local_days() -> None:
    moment = dt.datetime(2026, 1, 5, 3, 0, tzinfo=UTC)  # 22:00 on Jan 4 in Bogotá
    assert local_day_start(moment) == dt.datetime(2026, 1, 4, 5, 0, tzinfo=UTC)
    assert next_local_day_start(moment) == dt.datetime(2026, 1, 5, 5, 0, tzinfo=UTC)


def test_local_days_across_daylight_saving(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")  # 29 March 2026 has 23 hours
    time.tzset()
    try:
        noon = dt.datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
        assert local_day_start(noon) == dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
        assert next_local_day_start(noon) == dt.datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_fuzz_spreads_long_intervals_within_range_and_follows_the_seed() -> None:
    import random

    state = new_state(START)
    for _ in range(4):  # a card with an interval of weeks
        state = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS)
    plain = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS)
    days = (plain.due - state.due).days
    assert days >= 20
    fuzzed = [review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS, fuzz=random.Random(seed)) for seed in range(30)]
    spread = {(f.due - state.due).days for f in fuzzed}
    assert len(spread) > 2 and all(abs(d - days) <= 0.15 * days for d in spread)
    assert all(f.stability == plain.stability and f.state == REVIEW for f in fuzzed)
    again = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS, fuzz=random.Random(7))
    assert again == fuzzed[7]
    # learning steps and short intervals are never fuzzed
    first = review(new_state(START), Rating.GOOD, START, DEFAULT_SETTINGS, fuzz=random.Random(1))
    assert first == review(new_state(START), Rating.GOOD, START, DEFAULT_SETTINGS)
    second = review(first, Rating.GOOD, first.due, DEFAULT_SETTINGS, fuzz=random.Random(1))
    assert (second.due - first.due).days == 2 and second == review(first, Rating.GOOD, first.due, DEFAULT_SETTINGS)


def test_state_numbers_are_fsrs_states() -> None:
    """The scheduler names fsrs's states without importing fsrs; stored states must keep their meaning."""
    import fsrs

    from quiz.engine.scheduler import LEARNING, RELEARNING, REVIEW

    assert (
        int(fsrs.State.Learning),
        int(fsrs.State.Review),
        int(fsrs.State.Relearning),
    ) == (LEARNING, REVIEW, RELEARNING)
