import datetime as dt
from pathlib import Path

import pytest

from quiz.deck.model import DEFAULT_SETTINGS
from quiz.engine.rating import Rating
from quiz.engine.scheduler import new_state, review
from quiz.store import Answer, Store
from quiz.store.stats import DayCount, due_per_day, retention, reviews_per_day, state_counts

UTC = dt.UTC
# 09:00 in Bogotá (UTC-5, no DST) on Monday 2 March 2026
NOW = dt.datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("bogota_time")


def record(store: Store, key: str, rating: Rating, when: dt.datetime, deck_id: str = "geo") -> Answer:
    before = store.state("Ana", deck_id, key) or new_state(when)
    after = review(before, rating, when, DEFAULT_SETTINGS)
    answer = Answer("Ana", deck_id, key, when, None, rating > Rating.AGAIN, 1.0, int(rating), None, 1.0, False, before, after)
    store.record(answer)
    return answer


def test_reviews_per_day_uses_local_days(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        record(store, "a", Rating.GOOD, NOW)
        record(store, "b", Rating.AGAIN, NOW)
        # 23:30 local on Sunday 1 March is already 2 March in UTC
        record(store, "c", Rating.GOOD, dt.datetime(2026, 3, 2, 4, 30, tzinfo=UTC))
        record(store, "d", Rating.GOOD, NOW - dt.timedelta(days=5))
        record(store, "e", Rating.GOOD, NOW, deck_id="other")
        days = reviews_per_day(store, "Ana", 3, now=NOW)
        assert days == [
            DayCount(dt.date(2026, 2, 28), 0, 0),
            DayCount(dt.date(2026, 3, 1), 1, 1),
            DayCount(dt.date(2026, 3, 2), 3, 2),
        ]
        assert reviews_per_day(store, "Ana", 1, deck_id="geo", now=NOW) == [DayCount(dt.date(2026, 3, 2), 2, 1)]
        assert reviews_per_day(store, "Nobody", 2, now=NOW)[1] == DayCount(dt.date(2026, 3, 2), 0, 0)


def test_days_start_at_the_learners_rollover_hour(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        record(store, "a", Rating.GOOD, dt.datetime(2026, 3, 2, 7, 30, tzinfo=UTC))  # 02:30 on 2 March in Bogotá
        record(store, "b", Rating.GOOD, dt.datetime(2026, 3, 2, 9, 30, tzinfo=UTC))  # 04:30
        assert reviews_per_day(store, "Ana", 2, now=NOW) == [DayCount(dt.date(2026, 3, 1), 0), DayCount(dt.date(2026, 3, 2), 2, 2)]
        late_night = reviews_per_day(store, "Ana", 2, now=NOW, rollover=4)  # 02:30 still belongs to Sunday
        assert late_night == [DayCount(dt.date(2026, 3, 1), 1, 1), DayCount(dt.date(2026, 3, 2), 1, 1)]
        ahead = due_per_day(store, "Ana", 3, now=NOW, rollover=4)
        assert sum(day.count for day in ahead) == 2 and ahead[0].day == dt.date(2026, 3, 2)


def test_due_per_day_and_state_counts(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        easy = record(store, "a", Rating.EASY, NOW)  # review, due in some days
        record(store, "b", Rating.GOOD, NOW)  # learning, due in 10 minutes (today)
        old = record(store, "c", Rating.EASY, NOW - dt.timedelta(days=60))  # overdue
        assert old.after.due < NOW
        days = due_per_day(store, "Ana", 30, now=NOW)
        assert days[0] == DayCount(dt.date(2026, 3, 2), 2)
        ahead = (easy.after.due.astimezone().date() - dt.date(2026, 3, 2)).days
        assert days[ahead].count == 1
        assert sum(d.count for d in days) == 3
        assert state_counts(store, "Ana") == {"geo": {"review": 2, "learning": 1}}


def test_retention_counts_review_answers_only(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert retention(store, "Ana") is None
        first = record(store, "a", Rating.EASY, NOW - dt.timedelta(days=30))
        record(store, "b", Rating.AGAIN, NOW - dt.timedelta(days=30))  # learning answers don't count
        record(store, "a", Rating.GOOD, first.after.due)
        second = record(store, "c", Rating.EASY, NOW - dt.timedelta(days=30))
        record(store, "c", Rating.AGAIN, second.after.due)
        assert retention(store, "Ana") == 0.5
        assert retention(store, "Ana", deck_id="other") is None
        assert retention(store, "Ana", days=1, now=NOW) is None  # all of it happened weeks ago
        assert retention(store, "Ana", days=29, now=NOW) == 0.5
