"""A simulated learner whose memory follows known FSRS weights: answers for fitting tests and the benchmark.

Each card is answered when due (give or take), remembered with the probability
FSRS's forgetting curve gives under the learner's true weights, and scheduled
by the project's own scheduler; answers are stored through `Store.record`.
"""

from __future__ import annotations

import datetime as dt
import random

import fsrs_rs_python as fsrs

from quiz.deck.model import Settings
from quiz.engine.rating import Rating
from quiz.engine.scheduler import new_state, review
from quiz.store import Answer, Store

TRUE_WEIGHTS = (
    0.3, 1.1, 2.6, 9.1, 6.6, 0.72, 2.7, 0.004, 1.7, 0.12, 0.9, 1.6, 0.09, 0.3, 1.4, 0.5, 2.1, 0.6, 0.12, 0.08, 0.3,
)
"""A learner who forgets faster than FSRS's defaults assume at first, and flattens the curve more."""


def recall_probability(days: float, stability: float, decay: float) -> float:
    """FSRS-6's forgetting curve: 90 % after `stability` days."""
    factor = 0.9 ** (-1 / decay) - 1
    return (1 + factor * days / stability) ** (-decay)


def simulate(store: Store, profile: str, *, cards: int, seed: int, start: dt.datetime) -> int:
    """Answer `cards` cards from new until about 300 days later; returns the number of answers stored."""
    store.query("PRAGMA synchronous = OFF")  # a test's store need not survive a power cut; the app always uses FULL
    rng = random.Random(seed)
    truth = fsrs.FSRS(list(TRUE_WEIGHTS))
    settings = Settings(learning_steps=(), relearning_steps=())
    answers = 0
    for n in range(cards):
        now = start + dt.timedelta(days=rng.randint(0, 60), hours=rng.randint(8, 20))
        state = new_state(now)
        memory: fsrs.MemoryState | None = None
        last = now
        while now < start + dt.timedelta(days=300):
            days = (now - last).days
            if memory is None:
                rating = rng.choices(list(Rating), weights=[2, 1, 6, 1])[0]
            elif rng.random() < recall_probability(max(days, 0), memory.stability, TRUE_WEIGHTS[20]):
                rating = rng.choices([Rating.HARD, Rating.GOOD, Rating.EASY], weights=[1, 7, 1])[0]
            else:
                rating = Rating.AGAIN
            nexts = truth.next_states(memory, 0.9, days)
            chosen = (nexts.again, nexts.hard, nexts.good, nexts.easy)[int(rating) - 1].memory
            memory = fsrs.MemoryState(chosen.stability, chosen.difficulty)
            after = review(state, rating, now, settings)
            store.record(Answer(
                profile=profile, deck_id="sim", card_key=f"c{n}", time=now, given=None, correct=rating != Rating.AGAIN,
                score=float(rating != Rating.AGAIN), rating=int(rating), auto_rating=None, duration=4.0,
                hint_used=False, before=state, after=after,
            ))
            answers += 1
            state, last = after, now
            now = max(after.due, now) + dt.timedelta(hours=rng.randint(0, 40))
    return answers
