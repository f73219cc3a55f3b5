"""What a study session needs from wherever progress is kept, and the values it passes.

The session (`session.py`) talks to `Progress`, not to SQLite: `quiz.store`
implements it, and the engine never imports the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from quiz.deck.datarecord import datarecord
from quiz.deck.model import Deck

from .options import LearnerOptions
from .scheduler import CardState


@datarecord
class Answer:
    """One answer as stored: who, what, when, how it went, and the card's state before and after.

    A `drill` answer was given while re-drilling a session's misses, right after
    seeing their answers: it is kept as practice, but it is not a review. It
    leaves the card's schedule as it was (`after` is `before`) and is counted
    neither in retention nor in the daily limits.
    """

    profile: str
    deck_id: str
    card_key: str
    time: dt.datetime
    given: str | None
    correct: bool
    score: float
    rating: int
    auto_rating: int | None
    duration: float
    hint_used: bool
    before: CardState
    after: CardState
    drill: bool = False


@datarecord
class DeckCounts:
    """A deck at a glance for one learner. Cards removed from the deck are not counted."""

    new: int
    learning: int
    review: int
    leech: int
    due_now: int
    next_due: dt.datetime | None


@datarecord
class DayActivity:
    """What a learner did in a deck since a moment (the start of the local day).

    `new` and `reviews` count what the daily limits count: re-drill answers are
    not among them, but their cards are in `keys` (their siblings were given away).
    """

    new: int
    reviews: int
    keys: frozenset[str]


class Progress(Protocol):
    """A learner's progress as the session reads and changes it; every change is committed when it returns.

    `amend` and `undo` raise an error (the store's `ChangedElsewhere`) when the
    card was answered since, in another window on the same data.
    """

    def profile_id(self, name: str, *, create: bool = True) -> int | None: ...

    def learner_options(self, profile: str) -> LearnerOptions: ...

    def state(self, profile: str, deck_id: str, key: str) -> CardState | None: ...

    def known_keys(self, profile: str, deck_id: str) -> set[str]: ...

    def known_among(self, profile: str, deck_id: str, keys: Sequence[str]) -> set[str]: ...

    def due(
        self, profile: str, deck_id: str, before: dt.datetime, *, states: Sequence[int], limit: int = -1, offset: int = 0
    ) -> list[tuple[str, dt.datetime]]: ...

    def new_cursor(self, profile: str, deck_id: str, signature: str) -> int: ...

    def set_new_cursor(self, profile: str, deck_id: str, signature: str, position: int) -> None: ...

    def day_activity(self, profile: str, deck_id: str, since: dt.datetime) -> DayActivity: ...

    def record(self, answer: Answer) -> int: ...

    def amend(self, answer_id: int, answer: Answer) -> None: ...

    def undo(self, answer_id: int, answer: Answer, *, new_cursor: tuple[str, int] | None = None) -> None: ...

    def next_due(self, profile: str, deck: Deck) -> dt.datetime | None: ...

    def deck_counts(self, profile: str, deck: Deck, *, now: dt.datetime | None = None) -> DeckCounts: ...
