"""A learner's review history card by card: what fitting FSRS to the learner reads."""

from __future__ import annotations

import datetime as dt

from quiz.deck.datarecord import datarecord
from quiz.engine.clock import from_micros
from quiz.engine.scheduler import NEW

from .database import Store


@datarecord
class CardHistory:
    """One card's answers in order: (rating, when). Re-drill answers are not reviews and are left out."""

    deck_id: str
    card_key: str
    answers: tuple[tuple[int, dt.datetime], ...]


def card_histories(store: Store, profile: str) -> tuple[list[CardHistory], int]:
    """Every card's review history, and the highest answer id read (0 without any).

    A card whose first stored answer was not to a new card (its earlier history
    is not in this database) is left out: its memory cannot be replayed from the start.
    """
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return [], 0
    rows = store.query(
        "SELECT id, deck_id, card_key, rating, time_us, prev_state FROM answers WHERE profile_id = ? AND NOT drill "
        "ORDER BY deck_id, card_key, time_us, id",
        (pid,),
    )
    out: list[CardHistory] = []
    last_id = 0
    current: tuple[str, str] | None = None
    answers: list[tuple[int, dt.datetime]] = []
    complete = False

    def flush() -> None:
        if current is not None and complete and answers:
            out.append(CardHistory(current[0], current[1], tuple(answers)))

    for answer_id, deck_id, key, rating, time_us, prev_state in rows:
        last_id = max(last_id, answer_id)
        if (deck_id, key) != current:
            flush()
            current, answers, complete = (deck_id, key), [], prev_state == NEW
        answers.append((int(rating), from_micros(time_us)))
    flush()
    return out, last_id
