"""Due times said the way a learner thinks of them: "in 10 minutes", "in 3 days"."""

from __future__ import annotations

import datetime as dt

_UNITS: tuple[tuple[str, int], ...] = (("day", 86400), ("hour", 3600), ("minute", 60))


def relative(when: dt.datetime, now: dt.datetime) -> str:
    """Rounded to the nearest whole unit, the largest that fits; under half a minute is "now"."""
    seconds = (when - now).total_seconds()
    for i, (name, size) in enumerate(_UNITS):
        if seconds >= size - size / 120:
            count = round(seconds / size)
            if i > 0 and count * size >= _UNITS[i - 1][1]:  # 23 h 50 min reads "in 1 day", never "in 24 hours"
                name, count = _UNITS[i - 1][0], 1
            return f"in {count} {name}{'s' if count != 1 else ''}"
    return "now" if seconds < 30 else "in 1 minute"


def elapsed(seconds: float) -> str:
    """`4 min 05 s` or `42 s`."""
    whole = int(round(seconds))
    minutes, secs = divmod(whole, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
