"""Fitting FSRS to one learner's memory, as Anki's "Optimize" does, and applying new parameters or retention.

The learner's review history becomes fsrs-rs training items (each review
after the first day, predicted from the reviews before it; elapsed time in
the learner's days). `fsrs-rs-python` fits the 21 weights (no torch, well
under a second for thousands of reviews) and evaluates log loss and RMSE.
The fitted weights are kept only when they predict the learner's own answers
better than the defaults (and better than the weights in use); otherwise the
better of those stays. Re-drill answers are practice and exam answers are kept
apart, so neither is training data.

When the parameters change, every card's memory state is recomputed from its
history with the new weights, as Anki does; `reschedule` also moves review
cards' due days to the interval the new memory state and retention give.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from quiz.deck.datarecord import datarecord
from quiz.store.database import Store
from quiz.store.options import FitRecord, answers_since, last_fit, load_options, save_fit
from quiz.store.reviews import CardHistory, card_histories

from .clock import day_start, learner_day, to_micros
from .fuzz import constrain, fuzz_factor
from .options import LearnerOptions
from .scheduler import REVIEW, model

if TYPE_CHECKING:
    import fsrs_rs_python

AUTO_EVERY = 1000
"""New reviews after which the parameters are fitted again by themselves."""
MIN_REVIEWS = 64
"""Reviews on a later day needed before a fit is tried (fewer say too little about a learner's forgetting)."""


@datarecord
class Evaluation:
    """How well a set of weights predicted the learner's reviews: log loss and RMSE (binned), lower is better."""

    log_loss: float
    rmse: float


@datarecord
class Fit:
    """The outcome of fitting: what was read, how each candidate did, and which weights are used now."""

    answers: int
    cards: int
    reviews: int
    seconds: float
    default: Evaluation | None
    previous: Evaluation | None
    fitted: Evaluation | None
    parameters: tuple[float, ...] | None
    chosen: str  # "fitted", "previous" or "defaults"
    through: int

    @property
    def enough(self) -> bool:
        return self.reviews >= MIN_REVIEWS


def training_items(histories: Sequence[CardHistory], rollover: int) -> list[fsrs_rs_python.FSRSItem]:
    """One item per review on a later day than the one before it, with every review before it."""
    import fsrs_rs_python as fsrs

    items = []
    for history in histories:
        steps = _steps(history, rollover)
        reviews = [fsrs.FSRSReview(rating, days) for rating, days in steps]
        for i in range(1, len(steps)):
            if steps[i][1] > 0:
                items.append(fsrs.FSRSItem(reviews[: i + 1]))
    return items


def _steps(history: CardHistory, rollover: int) -> list[tuple[int, int]]:
    """(rating, learner days since the answer before) for each answer; 0 days for the first."""
    out = []
    previous: dt.date | None = None
    for rating, when in history.answers:
        day = learner_day(when, rollover)
        out.append((rating, 0 if previous is None else max(0, (day - previous).days)))
        previous = day
    return out


def _evaluate(parameters: tuple[float, ...] | None, items: list[fsrs_rs_python.FSRSItem]) -> Evaluation:
    result = model(parameters).evaluate(items)
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def fit(histories: Sequence[CardHistory], rollover: int, current: tuple[float, ...] | None, *, through: int = 0) -> Fit:
    """Fit weights to `histories` and choose the best of fitted, `current` and the defaults by log loss."""
    started = time.perf_counter()
    items = training_items(histories, rollover)
    answers = sum(len(h.answers) for h in histories)
    if len(items) < MIN_REVIEWS:
        return Fit(answers, len(histories), len(items), time.perf_counter() - started, None, None, None, current,
                   "previous" if current is not None else "defaults", through)
    fitted = tuple(float(w) for w in model(None).compute_parameters(items))
    default = _evaluate(None, items)
    candidates: list[tuple[float, str, tuple[float, ...] | None]] = [(default.log_loss, "defaults", None)]
    previous = None
    if current is not None:
        previous = _evaluate(current, items)
        candidates.append((previous.log_loss, "previous", current))
    fitted_eval = _evaluate(fitted, items)
    candidates.append((fitted_eval.log_loss, "fitted", fitted))
    _, chosen, parameters = min(candidates, key=lambda c: c[0])  # ties keep the earlier: defaults, then what is used
    return Fit(answers, len(histories), len(items), time.perf_counter() - started, default, previous, fitted_eval,
               parameters, chosen, through)


def optimize(store: Store, profile: str, now: dt.datetime) -> Fit:
    """Fit the learner's parameters to all their reviews, keep the best, and recompute memory states if they changed."""
    options = load_options(store, profile)
    histories, through = card_histories(store, profile)
    result = fit(histories, options.rollover, options.parameters, through=through)
    if result.enough:
        record = FitRecord(
            now, result.reviews, through,
            None if result.fitted is None else result.fitted.log_loss,
            None if result.fitted is None else result.fitted.rmse,
            None if result.default is None else result.default.log_loss,
            None if result.default is None else result.default.rmse,
        )
        save_fit(store, profile, result.parameters, record)
        if result.parameters != options.parameters:
            new = LearnerOptions(options.retention, options.rollover, options.maximum_interval, result.parameters)
            apply(store, profile, new, histories, reschedule=False)
    return result


def optimize_if_due(store: Store, profile: str, now: dt.datetime) -> Fit | None:
    """`optimize` when `AUTO_EVERY` reviews were given since the last fit (or ever, before the first); else None."""
    record = last_fit(store, profile)
    if answers_since(store, profile, 0 if record is None else record.through) < AUTO_EVERY:
        return None
    return optimize(store, profile, now)


@datarecord
class Change:
    """What applying new options did: cards whose memory was recomputed, review cards moved, and daily load."""

    recomputed: int
    moved: int
    load_before: float  # reviews due per day over the next `LOAD_DAYS` days
    load_after: float


LOAD_DAYS = 30


def apply(
    store: Store,
    profile: str,
    options: LearnerOptions,
    histories: Sequence[CardHistory] | None = None,
    *,
    reschedule: bool,
    retention_for: Callable[[str], float] = lambda deck_id: 0.9,
    now: dt.datetime | None = None,
    dry_run: bool = False,
) -> Change:
    """Recompute every card's memory state with `options.parameters`; with `reschedule`, move review cards too.

    A review card's new due day is its last review's day plus the interval its
    recomputed stability gives at the learner's retention (else its deck's,
    `retention_for`), fuzzed as when it was answered. A card answered since
    its history was read (another window) is left alone. `dry_run` changes nothing.
    """
    import fsrs_rs_python as fsrs

    if histories is None:
        histories, _ = card_histories(store, profile)
    pid = store.profile_id(profile)
    rows = store.query(
        "SELECT deck_id, card_key, state, due_us, last_review_us, reps FROM card_states WHERE profile_id = ?", (pid,)
    )
    stored = {(deck, key): (state, due, last, reps) for deck, key, state, due, last, reps in rows}
    usable = [h for h in histories if (h.deck_id, h.card_key) in stored]
    items = [fsrs.FSRSItem([fsrs.FSRSReview(*step) for step in _steps(h, options.rollover)]) for h in usable]
    memories = model(options.parameters).memory_state_batch(items) if items else []
    today = learner_day(now, options.rollover) if now is not None else None
    updates: list[tuple[float, float, int, str, str, int]] = []
    old_dues: list[int] = []
    new_dues: list[int] = []
    for history, memory in zip(usable, memories, strict=True):
        state, due_us, last_us, reps = stored[(history.deck_id, history.card_key)]
        if last_us != to_micros(history.answers[-1][1]):
            continue  # answered since, elsewhere
        new_due = due_us
        if reschedule and state == REVIEW:
            retention = options.retention if options.retention is not None else retention_for(history.deck_id)
            days = model(options.parameters).next_interval(memory.stability, retention, 3)
            seed = f"{profile}\x00{history.deck_id}\x00{history.card_key}"
            interval = constrain(days, 1, max(1, options.maximum_interval), fuzz_factor(seed, reps - 1))
            last_day = learner_day(history.answers[-1][1], options.rollover)
            new_due = to_micros(day_start(last_day + dt.timedelta(days=interval), options.rollover))
        if state == REVIEW:
            old_dues.append(due_us)
            new_dues.append(new_due)
        updates.append((float(memory.stability), float(memory.difficulty), new_due, history.deck_id, history.card_key,
                        last_us))
    moved = sum(1 for a, b in zip(old_dues, new_dues, strict=True) if a != b)
    before = after = 0.0
    if today is not None:
        before, after = _load(old_dues, today, options.rollover), _load(new_dues, today, options.rollover)
    if not dry_run and updates:
        with store.transaction() as conn:
            conn.executemany(
                "UPDATE card_states SET stability = ?, difficulty = ?, due_us = ? "
                "WHERE profile_id = ? AND deck_id = ? AND card_key = ? AND last_review_us = ?",
                [(s, d, due, pid, deck, key, last) for s, d, due, deck, key, last in updates],
            )
    return Change(len(updates), moved, before, after)


def _load(dues: list[int], today: dt.date, rollover: int) -> float:
    """Mean review cards due per day over the next `LOAD_DAYS` days (overdue ones count on the first)."""
    end = to_micros(day_start(today + dt.timedelta(days=LOAD_DAYS), rollover))
    counts = Counter(due < end for due in dues)
    return counts[True] / LOAD_DAYS
