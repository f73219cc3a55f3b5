"""FSRS-6 scheduling as Anki does it: memory states from `fsrs-rs-python`, the FSRS that Anki runs.

The memory arithmetic (stability, difficulty, the interval a stability gives)
is fsrs-rs's own, in its single-precision floats, pinned to one release
(0.9.3): a learner comparing with Anki sees the same numbers. This module adds
what Anki adds around it:

- elapsed time is counted in the learner's days (local calendar days that
  start at the rollover hour, see `quiz.engine.clock`), never in 24-hour periods;
- review cards fall due at the start of a day, so they are offered by day;
- learning and relearning steps, intervals kept apart (Hard < Good < Easy on
  a review), at least 1 day, at most the learner's maximum interval;
- fuzz from `quiz.engine.fuzz`, seeded by card and repetition.

Leeches follow Anki: a card forgotten (Again on a review card) 8 times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from quiz.deck.datarecord import datarecord
from quiz.deck.model import DEFAULT_SETTINGS, Settings

from .clock import day_start, days_between, from_micros, learner_day, require_utc, to_micros
from .fuzz import constrain, fuzz_factor, round_half_up
from .options import DEFAULT_OPTIONS, LearnerOptions
from .rating import Rating

if TYPE_CHECKING:
    import fsrs_rs_python  # imported where first needed: start-up never reviews a card

LEECH_LAPSES = 8

class State(IntEnum):
    """Where a card is in learning, numbered as fsrs and Anki number them; NEW for a card never answered."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


NEW, LEARNING, REVIEW, RELEARNING = State.NEW, State.LEARNING, State.REVIEW, State.RELEARNING
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}


@datarecord
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

    def to_dict(self) -> dict[str, int | float]:
        """The state by name, times in microseconds since the epoch; fields without a value are left out."""
        values: dict[str, int | float | None] = {
            "state": int(self.state),
            "due_us": to_micros(self.due),
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "last_review_us": None if self.last_review is None else to_micros(self.last_review),
            "reps": self.reps,
            "lapses": self.lapses,
        }
        return {name: value for name, value in values.items() if value is not None}

    @classmethod
    def from_dict(cls, values: Mapping[str, object]) -> CardState:
        """The state `to_dict` gave; a missing optional field is None (or 0 for the counts)."""
        last = values.get("last_review_us")
        return cls(
            state=State(_whole(values["state"])),
            due=from_micros(_whole(values["due_us"])),
            step=None if values.get("step") is None else _whole(values["step"]),
            stability=_real(values.get("stability")),
            difficulty=_real(values.get("difficulty")),
            last_review=None if last is None else from_micros(_whole(last)),
            reps=_whole(values.get("reps", 0)),
            lapses=_whole(values.get("lapses", 0)),
        )

    def to_json(self) -> str:
        """`to_dict` as compact JSON (stored twice with every answer, in `answers.state_before/state_after`)."""
        import json  # with the first answer recorded: showing the first question needs no JSON

        return json.dumps(self.to_dict(), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> CardState:
        """A state `to_json` wrote; also the positional array of earlier versions (`LEGACY_JSON_FIELDS`)."""
        import json

        values = json.loads(text)
        if isinstance(values, list):
            values = dict(zip(LEGACY_JSON_FIELDS, values, strict=True))
        if not isinstance(values, dict):
            raise ValueError(f"not a card state: {text[:80]!r}")
        return cls.from_dict(values)


LEGACY_JSON_FIELDS = ("state", "due_us", "step", "stability", "difficulty", "last_review_us", "reps", "lapses")
"""The order of the array in which earlier versions stored a card state; still read, never written."""


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a whole number: {value!r}")
    return int(value)


def _real(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def new_state(now: dt.datetime) -> CardState:
    """A card never answered, due right away."""
    return CardState(state=NEW, due=require_utc(now))


@lru_cache(maxsize=16)
def model(parameters: tuple[float, ...] | None) -> fsrs_rs_python.FSRS:
    """The FSRS model for these weights (None: FSRS-6's defaults)."""
    import fsrs_rs_python

    return fsrs_rs_python.FSRS(list(fsrs_rs_python.DEFAULT_PARAMETERS if parameters is None else parameters))


def default_parameters() -> tuple[float, ...]:
    import fsrs_rs_python

    return tuple(fsrs_rs_python.DEFAULT_PARAMETERS)


@datarecord
class Policy:
    """Everything that decides a card's next state besides its history: the deck's and the learner's settings."""

    retention: float
    learning_steps: tuple[dt.timedelta, ...]
    relearning_steps: tuple[dt.timedelta, ...]
    options: LearnerOptions


def policy(settings: Settings, options: LearnerOptions = DEFAULT_OPTIONS) -> Policy:
    """The policy for a card's effective deck settings; the learner's own retention, if set, wins."""
    eff = settings.merged_over(DEFAULT_SETTINGS)
    assert eff.retention is not None and eff.learning_steps is not None and eff.relearning_steps is not None
    retention = options.retention if options.retention is not None else eff.retention
    return Policy(float(retention), tuple(eff.learning_steps), tuple(eff.relearning_steps), options)


def elapsed_days(state: CardState, now: dt.datetime, rollover: int) -> int:
    """Learner days since the card was last answered (0 the same day; never negative if the clock went back)."""
    if state.last_review is None:
        return 0
    return max(0, days_between(state.last_review, now, rollover))


def outcomes(
    state: CardState, now: dt.datetime, settings: Settings, *, options: LearnerOptions = DEFAULT_OPTIONS,
    fuzz: str | None = None,
) -> dict[Rating, CardState]:
    """The state after each of the four ratings at `now`.

    `fuzz` names the card (any text unique to this learner's card); review
    intervals are then fuzzed, seeded by it and the repetition. None: no fuzz.
    """
    import fsrs_rs_python

    now = require_utc(now)
    rules = policy(settings, options)
    first = state.state == NEW or state.stability is None or state.difficulty is None
    memory = (
        None
        if state.state == NEW or state.stability is None or state.difficulty is None
        else fsrs_rs_python.MemoryState(state.stability, state.difficulty)
    )
    nexts = model(options.parameters).next_states(memory, rules.retention, 0 if first else elapsed_days(state, now, options.rollover))
    after = {Rating.AGAIN: nexts.again, Rating.HARD: nexts.hard, Rating.GOOD: nexts.good, Rating.EASY: nexts.easy}
    intervals = {rating: item.interval for rating, item in after.items()}
    factor = None if fuzz is None else fuzz_factor(fuzz, state.reps)
    today = learner_day(now, options.rollover)
    maximum = max(1, options.maximum_interval)

    def in_days(days: int) -> dt.datetime:
        return day_start(today + dt.timedelta(days=days), options.rollover)

    out: dict[Rating, CardState] = {}
    if state.state == REVIEW:
        hard = constrain(intervals[Rating.HARD], 1, maximum, factor)
        good = constrain(intervals[Rating.GOOD], hard + 1, maximum, factor)
        easy = constrain(intervals[Rating.EASY], good + 1, maximum, factor)
        for rating, days in ((Rating.HARD, hard), (Rating.GOOD, good), (Rating.EASY, easy)):
            out[rating] = _next(state, after[rating], REVIEW, None, in_days(days), now, lapse=False)
        if rules.relearning_steps:
            due = now + rules.relearning_steps[0]
            out[Rating.AGAIN] = _next(state, after[Rating.AGAIN], RELEARNING, 0, due, now, lapse=True)
        else:
            days = constrain(intervals[Rating.AGAIN], 1, maximum, None)
            out[Rating.AGAIN] = _next(state, after[Rating.AGAIN], REVIEW, None, in_days(days), now, lapse=True)
        return out
    steps = rules.relearning_steps if state.state == RELEARNING else rules.learning_steps
    step = 0 if state.state == NEW or state.step is None else state.step
    in_state = RELEARNING if state.state == RELEARNING else LEARNING
    good_days = constrain(intervals[Rating.GOOD], 1, maximum, factor)

    def graduating(days: float, minimum: int = 1) -> int:  # Anki rounds a graduating interval before its fuzz
        return constrain(float(max(1, round_half_up(days))), minimum, maximum, factor)

    for rating in Rating:
        delay: dt.timedelta | None = None
        next_step: int | None = step
        if rating == Rating.EASY or not steps or (step >= len(steps) and rating != Rating.AGAIN):
            delay = None
        elif rating == Rating.AGAIN:
            next_step, delay = 0, steps[0]
        elif rating == Rating.HARD:
            delay = _hard_delay(steps, step)
        elif step + 1 < len(steps):
            next_step, delay = step + 1, steps[step + 1]
        if delay is not None:
            out[rating] = _next(state, after[rating], in_state, next_step, now + delay, now, lapse=False)
            continue
        if rating == Rating.EASY:  # Anki: graduating with Easy is always longer than with Good
            days = graduating(intervals[rating], min(good_days + 1, maximum))
        else:
            days = graduating(intervals[rating])
        out[rating] = _next(state, after[rating], REVIEW, None, in_days(days), now, lapse=False)
    return out


def _hard_delay(steps: tuple[dt.timedelta, ...], step: int) -> dt.timedelta:
    """Anki's Hard in a step: halfway to the next step on the first, else the step again (1.5 times a lone step)."""
    if step > 0:
        return steps[step]
    return steps[0] * 1.5 if len(steps) == 1 else (steps[0] + steps[1]) / 2


def _next(
    state: CardState, item: fsrs_rs_python.ItemState, kind: int, step: int | None, due: dt.datetime, now: dt.datetime,
    *, lapse: bool,
) -> CardState:
    return CardState(
        state=State(kind),
        due=due,
        step=step,
        stability=float(item.memory.stability),
        difficulty=float(item.memory.difficulty),
        last_review=now,
        reps=state.reps + 1,
        lapses=state.lapses + (1 if lapse else 0),
    )


def review(
    state: CardState, rating: Rating, now: dt.datetime, settings: Settings, *,
    options: LearnerOptions = DEFAULT_OPTIONS, fuzz: str | None = None,
) -> CardState:
    """The state after answering with `rating` at `now` (see `outcomes`)."""
    return outcomes(state, now, settings, options=options, fuzz=fuzz)[Rating(rating)]
