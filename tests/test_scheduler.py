import datetime as dt

import pytest

from quiz.deck.model import DEFAULT_SETTINGS, Settings
from quiz.engine.clock import days_between, local_day_start, next_local_day_start
from quiz.engine.options import LearnerOptions
from quiz.engine.rating import Rating
from quiz.engine.scheduler import (
    LEARNING,
    LEECH_LAPSES,
    LEGACY_JSON_FIELDS,
    NEW,
    RELEARNING,
    REVIEW,
    CardState,
    new_state,
    outcomes,
    policy,
    review,
)

UTC = dt.UTC
START = dt.datetime(2022, 11, 29, 12, 30, tzinfo=UTC)

# FSRS's reference settings: learning steps 1m 10m, relearning step 10m, retention 0.9 (also the app's defaults).
CONFORMANCE = Settings(
    retention=0.9,
    learning_steps=(dt.timedelta(minutes=1), dt.timedelta(minutes=10)),
    relearning_steps=(dt.timedelta(minutes=10),),
)


@pytest.mark.usefixtures("bogota_time")
def test_conformance_with_fuzzing_off() -> None:
    ratings = [Rating.GOOD] * 6 + [Rating.AGAIN] * 2 + [Rating.GOOD] * 5
    state, now, intervals = new_state(START), START, []
    for rating in ratings:
        state = review(state, rating, now, CONFORMANCE)
        intervals.append(days_between(now, state.due, 4))
        now = state.due
    assert intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]


def test_app_defaults_are_the_conformance_settings() -> None:
    assert policy(DEFAULT_SETTINGS) == policy(CONFORMANCE)


def test_a_learners_retention_wins_over_the_decks() -> None:
    deck = Settings(retention=0.8)
    assert policy(deck).retention == 0.8
    assert policy(deck, LearnerOptions(retention=0.95)).retention == 0.95


def test_settings_drive_the_scheduler() -> None:
    class_deck = Settings(retention=0.8, learning_steps=(dt.timedelta(seconds=30),), relearning_steps=())
    rules = policy(class_deck)
    assert rules.retention == 0.8
    assert rules.learning_steps == (dt.timedelta(seconds=30),)
    assert rules.relearning_steps == ()
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


def test_stored_state_names_its_fields_and_earlier_positional_arrays_still_read() -> None:
    import json

    state = review(new_state(START), Rating.GOOD, START, DEFAULT_SETTINGS)
    stored = json.loads(state.to_json())
    assert stored["state"] == int(state.state) == 1 and stored["reps"] == 1 and stored["lapses"] == 0
    assert set(stored) == {"state", "due_us", "step", "stability", "difficulty", "last_review_us", "reps", "lapses"}
    assert set(json.loads(new_state(START).to_json())) == {"state", "due_us", "reps", "lapses"}  # no empty fields
    legacy = json.dumps([stored.get(name) for name in LEGACY_JSON_FIELDS])
    assert CardState.from_json(legacy) == state
    for broken in ("3", '{"state": 9, "due_us": 0}', '{"due_us": 0}', '{"state": 1, "due_us": "soon"}', "[1, 2]"):
        with pytest.raises((ValueError, KeyError)):
            CardState.from_json(broken)


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


def test_fuzz_spreads_long_intervals_within_range_and_follows_the_card() -> None:
    state = new_state(START)
    for _ in range(4):  # a card with an interval of weeks
        state = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS)
    plain = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS)
    days = days_between(state.due, plain.due, 4)
    assert days >= 20
    fuzzed = [review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS, fuzz=f"card{n}") for n in range(30)]
    spread = {days_between(state.due, f.due, 4) for f in fuzzed}
    assert len(spread) > 2 and all(abs(d - days) <= 0.15 * days for d in spread)
    assert all(f.stability == plain.stability and f.state == REVIEW for f in fuzzed)
    again = review(state, Rating.GOOD, state.due, DEFAULT_SETTINGS, fuzz="card7")
    assert again == fuzzed[7]
    # learning steps and short intervals are never fuzzed
    first = review(new_state(START), Rating.GOOD, START, DEFAULT_SETTINGS, fuzz="card1")
    assert first == review(new_state(START), Rating.GOOD, START, DEFAULT_SETTINGS)
    second = review(first, Rating.GOOD, first.due, DEFAULT_SETTINGS, fuzz="card1")
    assert days_between(first.due, second.due, 4) == 2
    assert second == review(first, Rating.GOOD, first.due, DEFAULT_SETTINGS)


def test_review_intervals_keep_hard_good_easy_apart_and_within_the_maximum() -> None:
    state = review(new_state(START), Rating.EASY, START, DEFAULT_SETTINGS)
    for cap in (1, 3, 36500):
        options = LearnerOptions(maximum_interval=cap)
        for seed in ("a", "b", None):
            after = outcomes(state, state.due, DEFAULT_SETTINGS, options=options, fuzz=seed)
            days = [days_between(state.due, after[r].due, 4) for r in (Rating.HARD, Rating.GOOD, Rating.EASY)]
            assert all(1 <= d <= cap for d in days)
            if cap > 3:
                assert days[0] < days[1] < days[2]


def test_stability_is_capped_at_a_hundred_years() -> None:
    state = new_state(START)
    for _ in range(12):
        state = review(state, Rating.EASY, state.due, DEFAULT_SETTINGS, options=LearnerOptions(maximum_interval=36500))
    assert state.stability == 36500.0
    assert days_between(state.last_review, state.due, 4) <= 36500  # type: ignore[arg-type]
