"""Time as the engine sees it: UTC-aware instants, days counted in the learner's local time.

Instants are UTC. Days are what a learner calls a day, as in Anki: a local
calendar day that starts at the rollover hour (4 am by default), so reviews
done late at night belong to the day before. Review intervals, "elapsed
days" for FSRS, daily limits and "not the same day" rules all count these days.
"""

from __future__ import annotations

import datetime as dt

UTC = dt.UTC
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def utc_now() -> dt.datetime:
    return dt.datetime.now(UTC)


def require_utc(moment: dt.datetime) -> dt.datetime:
    """`moment` unchanged if it is UTC-aware; naive or other zones are a programming error."""
    if moment.tzinfo is None or moment.utcoffset() != dt.timedelta(0):
        raise ValueError(f"expected a UTC-aware datetime, got {moment!r}")
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


def learner_day(moment: dt.datetime, rollover: int = 0) -> dt.date:
    """The local calendar day `moment` belongs to when days start at `rollover` o'clock."""
    local = require_utc(moment).astimezone()
    return (local.replace(tzinfo=None) - dt.timedelta(hours=rollover)).date()


def day_start(day: dt.date, rollover: int = 0) -> dt.datetime:
    """The UTC instant the learner's `day` starts: `rollover` o'clock local time."""
    return dt.datetime.combine(day, dt.time(rollover)).astimezone().astimezone(UTC)


def local_day_start(moment: dt.datetime, rollover: int = 0) -> dt.datetime:
    """The UTC instant that starts `moment`'s day (local midnight unless days start at `rollover`)."""
    return day_start(learner_day(moment, rollover), rollover)


def next_local_day_start(moment: dt.datetime, rollover: int = 0) -> dt.datetime:
    """The UTC instant that starts the day after `moment`'s."""
    return day_start(learner_day(moment, rollover) + dt.timedelta(days=1), rollover)


def days_between(earlier: dt.datetime, later: dt.datetime, rollover: int = 0) -> int:
    """Learner days from `earlier`'s day to `later`'s: what FSRS calls elapsed days (0 on the same day)."""
    return (learner_day(later, rollover) - learner_day(earlier, rollover)).days


def to_micros(moment: dt.datetime) -> int:
    """Exact integer microseconds since the epoch: what the store keeps."""
    return (require_utc(moment) - EPOCH) // _MICROSECOND


def from_micros(micros: int) -> dt.datetime:
    return EPOCH + dt.timedelta(microseconds=micros)
