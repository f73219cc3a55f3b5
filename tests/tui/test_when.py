"""Due times as a learner reads them: one way of saying the same interval."""

from __future__ import annotations

import datetime as dt

from quiz.tui.when import relative

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_a_rounded_interval_is_said_in_the_larger_unit() -> None:
    assert relative(NOW + dt.timedelta(hours=23, minutes=40), NOW) == "in 1 day"
    assert relative(NOW + dt.timedelta(days=1), NOW) == "in 1 day"
    assert relative(NOW + dt.timedelta(minutes=59, seconds=40), NOW) == "in 1 hour"
    assert relative(NOW + dt.timedelta(hours=5), NOW) == "in 5 hours"
    assert relative(NOW + dt.timedelta(minutes=10), NOW) == "in 10 minutes"
    assert relative(NOW + dt.timedelta(seconds=5), NOW) == "now"


def test_past_the_end_of_the_learners_day_waits_count_days() -> None:
    """At 23:41 UTC with days starting at 4 am: tomorrow's 4 am is a day away, though only hours."""
    late = dt.datetime(2026, 3, 2, 23, 41, tzinfo=dt.UTC)
    tomorrow = dt.datetime(2026, 3, 3, 4, 0, tzinfo=dt.UTC)
    assert relative(tomorrow, late) == "in 4 hours"
    assert relative(tomorrow, late, 4) == "in 1 day"
    assert relative(tomorrow + dt.timedelta(days=2), late, 4) == "in 3 days"
    assert relative(late + dt.timedelta(minutes=10), late, 4) == "in 10 minutes"  # still today
