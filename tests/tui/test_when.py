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
