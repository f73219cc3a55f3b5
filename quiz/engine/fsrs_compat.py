"""What quiz copies from `fsrs` because the package offers no way to call it.

fsrs fuzzes review intervals with the global `random.random()`; quiz needs the
same fuzz drawn from a session's seeded generator, so that a seed fixes a
session. The copy is checked against fsrs itself by `tests/test_fsrs_compat.py`,
which fails when a new fsrs fuzzes differently.
"""

from __future__ import annotations

import random


def fuzzed_days(days: int, rng: random.Random, maximum: int) -> int:
    """fsrs's `Scheduler._get_fuzzed_interval` in days, with `rng` in place of the global generator.

    Spreading review intervals a little keeps cards learned together from
    always coming back together.
    """
    if days < 2.5:
        return days
    from fsrs.scheduler import FUZZ_RANGES

    delta = 1.0 + sum(r["factor"] * max(min(float(days), r["end"]) - r["start"], 0.0) for r in FUZZ_RANGES)
    high = min(round(days + delta), maximum)
    low = min(max(2, round(days - delta)), high)
    return min(round(rng.random() * (high - low + 1) + low), maximum)
