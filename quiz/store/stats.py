"""Statistics over a learner's stored progress, in local calendar days.

Counts come straight from SQL (indexed by profile and time), so they stay
fast on years of answers. Days are the learner's local days, like the daily
limits, starting at the learner's rollover hour when the caller gives it.
Retention is "true retention": the share of answers to cards in the review state that were right, which is what the desired retention aims at.
Re-drill answers (given right after seeing the answer) are activity, counted
in the answers per day, but never in retention.
"""

from __future__ import annotations

import datetime as dt

from quiz.deck.datarecord import datarecord
from quiz.engine.clock import day_start, learner_day, to_micros, utc_now
from quiz.engine.scheduler import LEARNING, RELEARNING, REVIEW, STATE_NAMES

from .database import Store

_LOCAL_DAY = "date({column} / 1000000, 'unixepoch', 'localtime', '-{rollover} hours')"
RECALL = f"(prev_state = {REVIEW} AND NOT drill)"
"""SQL: an answer that measured memory, on a card already learned and not in a re-drill; retention counts these."""


@datarecord
class DayCount:
    """Answers given on a day (and how many were right), or cards falling due on a day."""

    day: dt.date
    count: int
    correct: int = 0


def _deck_filter(deck_id: str | None) -> tuple[str, tuple[str, ...]]:
    return ("", ()) if deck_id is None else (" AND deck_id = ?", (deck_id,))


def state_counts(store: Store, profile: str) -> dict[str, dict[str, int]]:
    """deck id -> state name ("learning", "review", "relearning") -> cards, for every deck the learner touched.

    Cards never answered are not in the store; `Store.deck_counts` counts them against a deck.
    """
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return {}
    out: dict[str, dict[str, int]] = {}
    for deck_id, state, n in store.query(
        "SELECT deck_id, state, count(*) FROM card_states WHERE profile_id = ? GROUP BY deck_id, state", (pid,)
    ):
        out.setdefault(deck_id, {})[STATE_NAMES[state]] = n
    return out


def reviews_per_day(
    store: Store, profile: str, days: int, *, deck_id: str | None = None, now: dt.datetime | None = None,
    rollover: int = 0,
) -> list[DayCount]:
    """Answers (and right answers) on each of the last `days` learner's days (starting at `rollover` o'clock).

    Oldest first, today last. Re-drill answers are practice too, so they are counted here.
    """
    today = learner_day(now or utc_now(), rollover)
    first = today - dt.timedelta(days=days - 1)
    since = day_start(first, rollover)
    counts: dict[str, tuple[int, int]] = {}
    pid = store.profile_id(profile, create=False)
    if pid is not None:
        where, params = _deck_filter(deck_id)
        day = _LOCAL_DAY.format(column="time_us", rollover=int(rollover))
        for text, n, right in store.query(
            f"SELECT {day} AS day, count(*), sum(correct) FROM answers "
            f"WHERE profile_id = ? AND time_us >= ?{where} GROUP BY day",
            (pid, to_micros(since), *params),
        ):
            counts[text] = (n, right or 0)
    return [
        DayCount(day, *counts.get(day.isoformat(), (0, 0)))
        for day in (first + dt.timedelta(days=i) for i in range(days))
    ]


def due_per_day(
    store: Store, profile: str, days: int, *, deck_id: str | None = None, now: dt.datetime | None = None,
    rollover: int = 0,
) -> list[DayCount]:
    """Cards falling due on each of the next `days` learner's days, today first (today includes overdue cards)."""
    today = learner_day(now or utc_now(), rollover)
    counts: dict[str, int] = {}
    overdue = 0
    pid = store.profile_id(profile, create=False)
    if pid is not None:
        where, params = _deck_filter(deck_id)
        day = _LOCAL_DAY.format(column="due_us", rollover=int(rollover))
        end = day_start(today + dt.timedelta(days=days), rollover)
        for text, n in store.query(
            f"SELECT {day} AS day, count(*) FROM card_states WHERE profile_id = ?{where} "
            "AND state IN (?, ?, ?) AND due_us < ? GROUP BY day",  # a range per state on the queue index
            (pid, *params, LEARNING, REVIEW, RELEARNING, to_micros(end)),
        ):
            if dt.date.fromisoformat(text) < today:
                overdue += n
            else:
                counts[text] = n
    out = [DayCount(day, counts.get(day.isoformat(), 0)) for day in (today + dt.timedelta(days=i) for i in range(days))]
    if out:
        out[0] = DayCount(today, out[0].count + overdue)
    return out


def retention(
    store: Store,
    profile: str,
    *,
    deck_id: str | None = None,
    days: int | None = None,
    now: dt.datetime | None = None,
) -> float | None:
    """Share of review-state answers that were right (over the last `days` days if given); None without any.

    Re-drill answers are left out: the learner had just seen the answer.
    """
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return None
    where, params = _deck_filter(deck_id)
    since = 0
    if days is not None:
        since = to_micros((now or utc_now()) - dt.timedelta(days=days))
    [(n, right)] = store.query(
        "SELECT count(*), sum(correct) FROM answers "
        f"WHERE profile_id = ? AND {RECALL} AND time_us >= ?{where}",
        (pid, since, *params),
    )
    return None if not n else right / n
