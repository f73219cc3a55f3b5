"""Step durations as teachers write them: `30s`, `10m`, `1h`, `2d`."""

from __future__ import annotations

import datetime as dt
import re

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DURATION_RE = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")


def parse_duration(text: str) -> dt.timedelta:
    """Parse `10m` into a timedelta; raises ValueError with a readable message."""
    m = DURATION_RE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a duration; write e.g. 30s, 10m, 1h or 2d")
    return dt.timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])


def format_duration(delta: dt.timedelta) -> str:
    """The largest whole unit: 600 s -> `10m`."""
    seconds = int(delta.total_seconds())
    for unit in ("d", "h", "m"):
        if seconds and seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"
