"""Due times said the way a learner thinks of them: "in 10 minutes", "in 3 days" ("morgen" in German)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from quiz.engine.clock import days_between, next_local_day_start

from .texts import _, language, number, time_ahead

_UNITS: tuple[tuple[Literal["minute", "hour", "day"], int], ...] = (("day", 86400), ("hour", 3600), ("minute", 60))


def _in(name: Literal["minute", "hour", "day"], count: int) -> str:
    return time_ahead(count, name)


def _local_days(when: dt.datetime, now: dt.datetime) -> int:
    """Calendar days from `now` to `when`, in local time."""
    return (when.astimezone().date() - now.astimezone().date()).days


def relative(when: dt.datetime, now: dt.datetime, rollover: int | None = None) -> str:
    """Rounded to the nearest whole unit, the largest that fits; under half a minute is "now".

    German readers say "morgen" for a day-sized wait that ends on the next calendar day.
    Given the learner's `rollover` hour, a wait past the end of the learner's day
    counts their days, as intervals do: due tomorrow at 4 am is "in 1 day", not "in 5 hours".
    """
    if rollover is not None and when >= next_local_day_start(now, rollover):
        days = days_between(now, when, rollover)
        return _("tomorrow") if days == 1 and language() == "de" else _in("day", days)
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


def short_wait(due: dt.datetime, now: dt.datetime, rollover: int) -> str:
    """A wait as a rating button says it, as Anki does: `10m`, `5h`, `3d`, `1.5mo`, `2.1y` (German `10min`, `3T`).

    A wait that ends today counts minutes or hours; a later one counts the
    learner's days (a card due tomorrow morning is `1d`, however few hours away).
    """
    if due < next_local_day_start(now, rollover):
        minutes = max(1, round((due - now).total_seconds() / 60))
        if minutes < 60:
            return _("{count}m").format(count=minutes)
        return _("{count}h").format(count=round(minutes / 60))
    days = days_between(now, due, rollover)
    if days < 30:
        return _("{count}d").format(count=days)
    if days < 365:
        return _("{count}mo").format(count=number(days / 30.4375, ".1f").removesuffix(".0").removesuffix(",0"))
    return _("{count}y").format(count=number(days / 365.25, ".1f").removesuffix(".0").removesuffix(",0"))
