"""Due times said the way a learner thinks of them: "in 10 minutes", "in 3 days" ("morgen" in German)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .texts import _, language, time_ahead

_UNITS: tuple[tuple[Literal["minute", "hour", "day"], int], ...] = (("day", 86400), ("hour", 3600), ("minute", 60))


def _in(name: Literal["minute", "hour", "day"], count: int) -> str:
    return time_ahead(count, name)


def _local_days(when: dt.datetime, now: dt.datetime) -> int:
    """Calendar days from `now` to `when`, in local time."""
    return (when.astimezone().date() - now.astimezone().date()).days


def relative(when: dt.datetime, now: dt.datetime) -> str:
    """Rounded to the nearest whole unit, the largest that fits; under half a minute is "now".

    German readers say "morgen" for a day-sized wait that ends on the next calendar day.
    """
    seconds = (when - now).total_seconds()
    for i, (name, size) in enumerate(_UNITS):
        if seconds >= size - size / 120:
            count = round(seconds / size)
            if i > 0 and count * size >= _UNITS[i - 1][1]:  # 23 h 50 min reads "in 1 day", never "in 24 hours"
                name, count = _UNITS[i - 1][0], 1
            if name == "day" and language() == "de" and _local_days(when, now) == 1:
                return _("tomorrow")
            return _in(name, count)
    return _("now") if seconds < 30 else _in("minute", 1)


def elapsed(seconds: float) -> str:
    """`4 min 05 s` or `42 s` (the same in German)."""
    whole = int(round(seconds))
    minutes, secs = divmod(whole, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
