"""Re-drilling a session's misses is practice: kept and timed, but it moves no schedule and measures no retention."""

import datetime as dt
from pathlib import Path

import pytest
from test_session import Clock, right, typed_deck, wrong

from quiz.classroom import storage
from quiz.engine.rating import Rating
from quiz.engine.scheduler import RELEARNING, REVIEW
from quiz.engine.session import StudySession
from quiz.store import Store
from quiz.store.stats import retention, reviews_per_day

pytestmark = pytest.mark.usefixtures("bogota_time")


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path) as s:
        yield s


def learned(store: Store, clock: Clock, n: int, **settings: object):
    """A deck of `n` cards all learned into review, and the clock on the day they are due again."""
    deck = typed_deck(n, learning_steps=(), **settings)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    while session.current is not None:
        right(session, clock)
    due = [store.state("Ana", deck.id, f"c{i}") for i in range(n)]
    assert all(s is not None and s.state == REVIEW for s in due)
    clock.now = max(s.due for s in due if s is not None) + dt.timedelta(hours=1)
    return deck


def drill_rows(store: Store) -> list[tuple[str, int, int]]:
    return [tuple(row) for row in store.query("SELECT card_key, prev_state, drill FROM answers ORDER BY id")]  # type: ignore[misc]


def test_a_card_missed_then_redrilled_right_is_still_due_soon(store: Store) -> None:
    clock = Clock()
    deck = learned(store, clock, 2)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    wrong(session, clock)
    right(session, clock)
    assert session.current is None or session.current.key == "c0"  # only the relearning step is left
    missed = store.state("Ana", deck.id, "c0")
    assert missed is not None and missed.state == RELEARNING and missed.due - clock.now < dt.timedelta(minutes=15)
    count = store.answer_count("Ana")
    drill = session.redrill()
    assert drill.current is not None and drill.current.key == "c0" and drill.progress == (0, 1)
    outcome = right(drill, clock)
    assert drill.current is None
    assert outcome.next_due == missed.due  # the learner is told the real next review
    assert store.state("Ana", deck.id, "c0") == missed  # the schedule did not move
    assert store.answer_count("Ana") == count + 1  # but the answer is kept
    assert drill_rows(store)[-1] == ("c0", RELEARNING, 1)
    assert drill.summary().answered == 1 and drill.summary().right == 1
    clock.tick(minutes=15)
    later = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    assert later.current is not None and later.current.key == "c0"  # relearned in the next session, as if not drilled


def test_redrill_answers_leave_retention_daily_limits_and_practice_recall_alone(store: Store) -> None:
    clock = Clock()
    deck = learned(store, clock, 3, relearning_steps=(), reviews_per_day=3)  # a lapse stays in review
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    wrong(session, clock)
    right(session, clock)
    assert session.current is not None and session.current.key == "c2"  # kept for later: one review left today
    assert retention(store, "Ana") == 0.5
    before = storage.practice(store, "Ana")[0]
    missed = store.state("Ana", deck.id, "c0")
    assert missed is not None and missed.state == REVIEW  # a re-drill of it starts from the review state
    drill = session.redrill()
    right(drill, clock, seconds=9)
    assert drill_rows(store)[-1] == ("c0", REVIEW, 1)
    assert store.state("Ana", deck.id, "c0") == missed
    assert retention(store, "Ana") == 0.5  # counted as a review it would read 2 of 3
    after = storage.practice(store, "Ana")[0]
    assert (after.recall_reviews, after.recalled) == (before.recall_reviews, before.recalled)
    assert after.retention == 0.5
    assert after.reviews == before.reviews + 1 and after.seconds == before.seconds + 9  # time studied counts
    assert sum(day.count for day in reviews_per_day(store, "Ana", 1, now=clock.now)) == 3  # today's activity
    assert store.day_activity("Ana", deck.id, clock.now - dt.timedelta(hours=1)).reviews == 2
    rest = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)  # the drill took no review from today's room
    assert rest.current is not None and rest.current.key == "c2" and rest.progress == (0, 1)


def test_a_card_missed_in_the_redrill_comes_back_at_its_end(store: Store) -> None:
    clock = Clock()
    deck = typed_deck(3)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    for _ in range(3):
        wrong(session, clock)
    states = {key: store.state("Ana", deck.id, key) for key in ("c0", "c1", "c2")}
    drill = session.redrill()
    asked = []
    for answer in (wrong, right, right, wrong, right):
        assert drill.current is not None
        asked.append(drill.current.key)
        answer(drill, clock)
    assert asked == ["c0", "c1", "c2", "c0", "c0"] and drill.current is None
    assert [p.key for p in drill.summary().missed] == ["c0"]
    assert {key: store.state("Ana", deck.id, key) for key in states} == states
    again = drill.redrill()  # the end screen offers the drill's own misses again, still as a drill
    assert again.current is not None and again.current.key == "c0"
    right(again, clock)
    assert {key: store.state("Ana", deck.id, key) for key in states} == states
    assert [row[2] for row in drill_rows(store)] == [0, 0, 0, 1, 1, 1, 1, 1, 1]


def test_undo_and_rerating_in_a_redrill_touch_only_the_drill_answer(store: Store, tmp_path: Path) -> None:
    clock = Clock()
    deck = typed_deck(1)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    wrong(session, clock)
    missed = store.state("Ana", deck.id, "c0")
    drill = session.redrill()
    wrong(drill, clock)
    assert drill.current is not None and drill.current.key == "c0" and drill.progress == (1, 2)
    outcome = drill.override(Rating.GOOD)  # "I was right after all": the card is not asked again
    assert outcome.rating == Rating.GOOD and outcome.next_due == missed.due and drill.current is None
    assert store.query("SELECT correct, rating, drill FROM answers ORDER BY id DESC LIMIT 1") == [(1, 3, 1)]
    with Store.open(tmp_path) as other:  # another window answers the card meanwhile
        elsewhere = StudySession(other, "Ana", [deck], clock=clock, fuzz=False, only=[outcome.presented])
        right(elsewhere, clock)
        changed = other.state("Ana", deck.id, "c0")
    assert changed != missed
    assert drill.undo()  # a drill answer never moved the schedule: taking it back discards nothing
    assert drill.current is not None and drill.current.key == "c0"
    assert store.state("Ana", deck.id, "c0") == changed
    assert [row[2] for row in drill_rows(store)] == [0, 0]


def test_rerating_a_redrill_answer_tells_the_due_time_another_window_gave(store: Store) -> None:
    clock = Clock()
    deck = learned(store, clock, 1)
    session = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)
    wrong(session, clock)
    drill = session.redrill()
    right(drill, clock)
    other = StudySession(store, "Ana", [deck], clock=clock, fuzz=False)  # a second window answers the card meanwhile
    clock.tick(minutes=15)
    assert other.current is not None and other.current.key == "c0"
    right(other, clock)
    moved = store.state("Ana", deck.id, "c0")
    outcome = drill.override(Rating.HARD)
    assert moved is not None and outcome.next_due == moved.due  # not the due time before the re-drill
    assert store.state("Ana", deck.id, "c0") == moved  # and the re-drill still moved nothing
