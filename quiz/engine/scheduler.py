"""FSRS-6 scheduling through the pinned `fsrs` package (6.3.2: patch releases change the numbers).

The engine keeps its own small, immutable `CardState` (what the store saves)
and converts to and from `fsrs.Card` only around `review_card`. Desired
retention and (re)learning steps come from the deck's effective settings.
Leeches follow Anki: a card forgotten (Again on a review card) 8 times.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.deck.model import DEFAULT_SETTINGS, Settings

from .clock import from_micros, require_utc, to_micros
from .fsrs_compat import fuzzed_days
from .rating import Rating

if TYPE_CHECKING:
    import fsrs  # imported where first needed: start-up never reviews a card

LEECH_LAPSES = 8

class State(IntEnum):
    """Where a card is in learning: fsrs's `State` and its values, and NEW for a card never answered."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


NEW, LEARNING, REVIEW, RELEARNING = State.NEW, State.LEARNING, State.REVIEW, State.RELEARNING
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}


@dataclass(frozen=True)
class CardState:
    """Where one card stands for one learner. `state` is NEW before its first answer."""

    state: State
    due: dt.datetime
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: dt.datetime | None = None
    reps: int = 0
    lapses: int = 0

    @property
    def leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES

    @property
    def is_new(self) -> bool:
        return self.state == NEW

    @property
    def in_learning(self) -> bool:
        return self.state in (LEARNING, RELEARNING)

    def to_json(self) -> str:
        """A compact JSON array (stored twice with every answer, so size matters): see `JSON_FIELDS`."""
        import json  # with the first answer recorded: showing the first question needs no JSON

        last = None if self.last_review is None else to_micros(self.last_review)
        values = [self.state, to_micros(self.due), self.step, self.stability, self.difficulty, last, self.reps, self.lapses]
        return json.dumps(values, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> CardState:
        import json

        state, due, step, stability, difficulty, last, reps, lapses = json.loads(text)
        return cls(
            state=State(int(state)),
            due=from_micros(int(due)),
            step=step,
            stability=stability,
            difficulty=difficulty,
            last_review=None if last is None else from_micros(int(last)),
            reps=int(reps),
            lapses=int(lapses),
        )


JSON_FIELDS = ("state", "due_us", "step", "stability", "difficulty", "last_review_us", "reps", "lapses")
"""The order of `CardState.to_json`'s array, for anyone reading `answers.state_before/state_after` in SQL."""


def new_state(now: dt.datetime) -> CardState:
    """A card never answered, due right away."""
    return CardState(state=NEW, due=require_utc(now))


@lru_cache(maxsize=64)
def _scheduler(
    retention: float, learning_steps: tuple[dt.timedelta, ...], relearning_steps: tuple[dt.timedelta, ...]
) -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(
        desired_retention=retention,
        learning_steps=learning_steps,
        relearning_steps=relearning_steps,
        enable_fuzzing=False,  # fuzz is drawn from the caller's generator instead, see `fsrs_compat`
    )


def scheduler_for(settings: Settings) -> fsrs.Scheduler:
    """The fsrs scheduler for a card's effective settings (missing values fall back to the defaults)."""
    eff = settings.merged_over(DEFAULT_SETTINGS)
    assert eff.retention is not None and eff.learning_steps is not None and eff.relearning_steps is not None
    return _scheduler(float(eff.retention), tuple(eff.learning_steps), tuple(eff.relearning_steps))


def review(
    state: CardState, rating: Rating, now: dt.datetime, settings: Settings, *, fuzz: random.Random | None = None
) -> CardState:
    """The state after answering with `rating` at `now`; review intervals are fuzzed with `fuzz` if given."""
    import fsrs

    now = require_utc(now)
    card = fsrs.Card(
        card_id=1,
        state=fsrs.State.Learning if state.state == NEW else fsrs.State(state.state),
        step=0 if state.state == NEW else state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )
    scheduler = scheduler_for(settings)
    after, _ = scheduler.review_card(card, fsrs.Rating(int(rating)), now)
    due = after.due
    if fuzz is not None and after.state == fsrs.State.Review:
        due = now + dt.timedelta(days=fuzzed_days((due - now).days, fuzz, scheduler.maximum_interval))
    lapsed = state.state == REVIEW and rating == Rating.AGAIN
    return CardState(
        state=State(int(after.state)),
        due=due,
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        last_review=after.last_review,
        reps=state.reps + 1,
        lapses=state.lapses + (1 if lapsed else 0),
    )
