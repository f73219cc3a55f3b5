"""Step durations as teachers write them: `30s`, `10m`, `1h`, `2d`."""

from __future__ import annotations

import datetime as dt
import re

from ..i18n import _

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DURATION_RE = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")


def parse_duration(text: str, maximum: dt.timedelta | None = None) -> dt.timedelta:
    """Parse `10m` into a timedelta; raises ValueError with a readable message (also above `maximum`)."""
    m = DURATION_RE.match(text)
    if not m:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise ValueError(_("{given} is not a duration; write e.g. 30s, 10m, 1h or 2d").format(given=repr(shown)))
    digits = m.group(1).lstrip("0") or "0"
    limit = maximum if maximum is not None else dt.timedelta.max
    if len(digits) > 15 or int(digits) * _UNITS[m.group(2)] > limit.total_seconds():
        raise ValueError(_("{given} is too long; at most {most}").format(given=text.strip()[:40], most=format_duration(limit)))

    return dt.timedelta(seconds=int(digits) * _UNITS[m.group(2)])


def format_duration(delta: dt.timedelta) -> str:
    """The largest whole unit: 600 s -> `10m`."""
    seconds = int(delta.total_seconds())
    for unit in ("d", "h", "m"):
        if seconds and seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"
