"""What a learner chose for their own scheduling, over every deck they study."""

from __future__ import annotations

from quiz.deck.datarecord import datarecord

DEFAULT_ROLLOVER = 4
"""The hour a learner's day starts, as in Anki: reviews done at 1 am still belong to the evening before."""
MAXIMUM_INTERVAL = 36500
"""The longest interval in days (100 years), and the cap on stability that FSRS itself applies."""


@datarecord
class LearnerOptions:
    """A learner's scheduling choices.

    `retention`, when set, is the learner's own desired retention and wins over
    each deck's; `parameters` are FSRS weights fitted to the learner's answers
    (None: FSRS-6's defaults).
    """

    retention: float | None = None
    rollover: int = DEFAULT_ROLLOVER
    maximum_interval: int = MAXIMUM_INTERVAL
    parameters: tuple[float, ...] | None = None


DEFAULT_OPTIONS = LearnerOptions()
