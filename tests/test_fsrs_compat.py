"""quiz's copy of fsrs's interval fuzz gives what fsrs itself gives for the same random draws.

When a new fsrs fuzzes differently, this fails: update `quiz/engine/fsrs_compat.py` to match.
"""

from __future__ import annotations

import datetime as dt
import random

import fsrs
import fsrs.scheduler
import pytest

from quiz.engine.fsrs_compat import fuzzed_days

DRAWS = (0.0, 0.123, 0.5, 0.77, 0.999999)


@pytest.mark.parametrize("maximum", [36500, 60, 3])
def test_the_fuzz_is_fsrs_own_for_every_interval_and_draw(monkeypatch: pytest.MonkeyPatch, maximum: int) -> None:
    scheduler = fsrs.Scheduler(maximum_interval=maximum)
    for draw in DRAWS:
        monkeypatch.setattr(fsrs.scheduler, "random", lambda draw=draw: draw)
        for days in range(0, 400):
            theirs = scheduler._get_fuzzed_interval(interval=dt.timedelta(days=days)).days
            ours = fuzzed_days(days, FixedDraw(draw), maximum)
            assert ours == theirs, (days, draw, maximum)


class FixedDraw(random.Random):
    """A generator whose every draw is `value`."""

    def __init__(self, value: float) -> None:
        super().__init__()
        self.value = value

    def random(self) -> float:
        return self.value
