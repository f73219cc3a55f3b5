"""Fuzz: a small spread of review intervals, so cards learned together drift apart.

Anki's rule, exactly: an interval of `d` days may become any whole number of
days in `[round(d - delta), round(d + delta)]`, where delta is 1 day plus 15 %
of the part of `d` between 2.5 and 7 days, 10 % of the part between 7 and 20
and 5 % of the part beyond 20; under 2.5 days there is no fuzz. Every day of
the range is equally likely. The draw is seeded by the card and how many times
it was answered, so answering again after an undo, or changing the rating,
gives the same interval.
"""

from __future__ import annotations

import math

FUZZ_RANGES: tuple[tuple[float, float, float], ...] = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, math.inf, 0.05))
"""(from day, to day, share of the interval in that stretch added to the spread)."""


def round_half_up(days: float) -> int:
    """Rounding as Anki's Rust code does (halves away from zero), not Python's banker's rounding."""
    return math.floor(days + 0.5)


def fuzz_delta(days: float) -> float:
    """How many days either side an interval of `days` may move."""
    if days < 2.5:
        return 0.0
    return 1.0 + sum(factor * max(min(days, end) - start, 0.0) for start, end, factor in FUZZ_RANGES)


def fuzz_range(days: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The whole days an interval of `days` may become, kept within `[minimum, maximum]`."""
    minimum = min(minimum, maximum)
    days = min(max(days, float(minimum)), float(maximum))
    delta = fuzz_delta(days)
    lower = min(max(round_half_up(days - delta), minimum), maximum)
    upper = min(max(round_half_up(days + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def fuzz_factor(seed: str, reps: int) -> float:
    """A number in [0, 1), the same for the same card (`seed`) at the same repetition, whatever else happened."""
    import hashlib  # here, not at the top: OpenSSL's loading costs start-up a few milliseconds, before any answer

    digest = hashlib.blake2b(f"{seed}\x00{reps}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2.0**64


def constrain(days: float, minimum: int, maximum: int, factor: float | None) -> int:
    """An interval in whole days within `[minimum, maximum]`: fuzzed with `factor` (see `fuzz_factor`), or rounded."""
    minimum = max(1, min(minimum, maximum))
    if factor is None:
        return min(max(round_half_up(days), minimum), maximum)
    lower, upper = fuzz_range(days, minimum, maximum)
    return min(lower + math.floor(factor * (upper - lower + 1)), upper)
