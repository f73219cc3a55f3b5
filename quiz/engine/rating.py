"""From a graded answer to the rating the scheduler uses.

Wrong is Again. Right is Good, Hard when it was slow, a hint was used, the
answer had a typo or earned only partial credit; Easy when it was fast and
clean. "Fast" and "slow" are relative to how long a learner who knows the
card needs (`Grade.expected_seconds`, see `pace`), so long questions and
long answers are not punished. The learner may override the rating.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .grading import Grade

FAST_RATIO = 0.5
"""At most half the expected time counts as fast (Easy)."""
SLOW_RATIO = 2.5
"""More than two and a half times the expected time counts as slow (Hard)."""
FALLBACK_SECONDS = 8.0
"""Expected time for a grade that carries no estimate."""


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


def auto_rating(grade: Grade, *, duration: float, hint_used: bool) -> Rating:
    """The rating for an auto-graded answer that took `duration` seconds."""
    if not grade.correct:
        return Rating.AGAIN
    expected = grade.expected_seconds if grade.expected_seconds > 0 else FALLBACK_SECONDS
    if hint_used or grade.typo or grade.score < 1 or duration > SLOW_RATIO * expected:
        return Rating.HARD
    if duration <= FAST_RATIO * expected:
        return Rating.EASY
    return Rating.GOOD
