"""Time as the engine sees it: UTC-aware instants, days counted in local time.

Scheduling is done in UTC (fsrs refuses anything else); daily limits and
"not the same day" rules follow the learner's wall clock, so a day starts at
local midnight.
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


def local_day_start(moment: dt.datetime) -> dt.datetime:
    """The UTC instant of local midnight that starts `moment`'s local day."""
    today = require_utc(moment).astimezone().date()
    return dt.datetime.combine(today, dt.time()).astimezone().astimezone(UTC)


def next_local_day_start(moment: dt.datetime) -> dt.datetime:
    """The UTC instant of the next local midnight after `moment`."""
    tomorrow = require_utc(moment).astimezone().date() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time()).astimezone().astimezone(UTC)


def to_micros(moment: dt.datetime) -> int:
    """Exact integer microseconds since the epoch: what the store keeps."""
    return (require_utc(moment) - EPOCH) // _MICROSECOND


def from_micros(micros: int) -> dt.datetime:
    return EPOCH + dt.timedelta(microseconds=micros)
