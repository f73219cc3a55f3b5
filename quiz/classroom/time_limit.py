"""A test's time limit as a teacher writes it: `15m`, `90s`, `1h30m`, `1h30`, `1h 30m`.

Deck files keep their stricter one-unit durations (`10m`); a time limit read
out in class is often compound, so it accepts a sum of parts, largest unit
first, and a bare number after the last unit is the next unit down
(`1h30` is 1 h 30 min, `2m30` is 2 min 30 s).
"""

from __future__ import annotations

import re

from quiz.deck.durations import _UNITS
from quiz.i18n import N_, _

_PART = re.compile(r"(\d+)\s*([dhms]?)")
_NEXT_DOWN = {"d": "h", "h": "m", "m": "s"}
EXAMPLES = N_("write e.g. 30s, 15m, 1h or 1h30m")


def parse_time_limit(text: str) -> float:
    """Seconds in `text`; raises ValueError with a message for the teacher, in the language in use."""
    written = text.strip()
    if written.startswith("-"):
        raise ValueError(_("a time limit cannot be negative ({written}); {examples}").format(written=written, examples=_(EXAMPLES)))
    squeezed = re.sub(r"\s+", "", written.lower())
    parts = _PART.findall(squeezed)
    if not written or "".join(n + u for n, u in parts) != squeezed:
        raise ValueError(_("{written!r} is not a time limit; {examples}").format(written=written, examples=_(EXAMPLES)))
    order = list(_UNITS)[::-1]  # d, h, m, s: each part's unit must be smaller than the one before
    seconds = 0
    previous: str | None = None
    for index, (number, unit) in enumerate(parts):
        if not unit:
            if previous is None and len(parts) == 1:
                raise ValueError(_("{written!r} has no unit; {examples}").format(written=written, examples=_(EXAMPLES)))
            if index != len(parts) - 1 or previous not in _NEXT_DOWN:
                raise ValueError(_("{written!r} is not a time limit; {examples}").format(written=written, examples=_(EXAMPLES)))
            unit = _NEXT_DOWN[previous]
        if previous is not None and order.index(unit) <= order.index(previous):
            raise ValueError(
                _("{written!r} is not a time limit: give the largest unit first; {examples}").format(
                    written=written, examples=_(EXAMPLES)
                )
            )
        seconds += int(number) * _UNITS[unit]
        previous = unit
    if seconds <= 0:
        raise ValueError(_("the time limit must be longer than 0"))
    return float(seconds)
