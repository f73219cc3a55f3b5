"""Each learner's scheduling options and fitted FSRS parameters, kept with the profile (`learner_options`)."""

from __future__ import annotations

import datetime as dt
import math

from quiz.deck.datarecord import datarecord
from quiz.engine.clock import from_micros, to_micros
from quiz.engine.options import DEFAULT_ROLLOVER, MAXIMUM_INTERVAL, LearnerOptions

from .errors import StoreError
from .profile_rows import ProfileRows

PARAMETER_COUNT = 21
"""FSRS-6 has 21 weights."""


@datarecord
class FitRecord:
    """The last fit of a learner's parameters: when, on how many reviews, and how well each set predicted them."""

    when: dt.datetime
    reviews: int
    through: int  # the last answer id it saw: the next automatic fit waits for enough answers after it
    log_loss: float | None
    rmse: float | None
    default_log_loss: float | None
    default_rmse: float | None


def _parameters(text: str | None, where: str) -> tuple[float, ...] | None:
    if text is None:
        return None
    import json  # only for a learner with fitted parameters: opening anyone else's progress needs no JSON

    try:
        values = json.loads(text)
    except ValueError:
        values = None
    if (
        not isinstance(values, list)
        or len(values) != PARAMETER_COUNT
        or not all(isinstance(v, int | float) and math.isfinite(v) for v in values)
    ):
        raise StoreError(f"{where}: the stored FSRS parameters are damaged; reset them with `quiz optimize --reset`")
    return tuple(float(v) for v in values)


def load_options(store: ProfileRows, profile: str, *, strict: bool = True) -> LearnerOptions:
    """The learner's options; the defaults for a learner who never set any (or is not in the store yet).

    A value no quiz writes (edited by hand, damaged) raises `StoreError` naming the file, the learner and
    the way out; with `strict=False` such values are read as the defaults instead (to reset them).
    """
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return LearnerOptions()
    rows = store.query(
        "SELECT retention, rollover, maximum_interval, parameters FROM learner_options WHERE profile_id = ?", (pid,)
    )
    if not rows:
        return LearnerOptions()
    retention, rollover, maximum, parameters = rows[0]
    where = f"{store.path} (profile {profile!r})"
    if not (retention is None or (isinstance(retention, int | float) and 0.5 <= retention < 1)):
        _damaged(where, "desired retention", "--retention deck", strict)
        retention = None
    if not (rollover is None or (isinstance(rollover, int) and 0 <= rollover <= 23)):
        _damaged(where, "day start", f"--day-starts {DEFAULT_ROLLOVER}", strict)
        rollover = None
    if not (maximum is None or (isinstance(maximum, int) and 1 <= maximum <= MAXIMUM_INTERVAL)):
        _damaged(where, "maximum interval", f"--max-interval {MAXIMUM_INTERVAL}", strict)
        maximum = None
    try:
        weights = _parameters(parameters, where)
    except StoreError:
        if strict:
            raise
        weights = None
    return LearnerOptions(
        retention=None if retention is None else float(retention),
        rollover=DEFAULT_ROLLOVER if rollover is None else int(rollover),
        maximum_interval=MAXIMUM_INTERVAL if maximum is None else int(maximum),
        parameters=weights,
    )


def _damaged(where: str, what: str, fix: str, strict: bool) -> None:
    if strict:
        raise StoreError(f"{where}: the stored {what} is damaged; set it again with `quiz optimize {fix}`")
    return None


def _stored(parameters: tuple[float, ...] | None) -> str | None:
    """Parameters as the store keeps them: a JSON list."""
    if parameters is None:
        return None
    import json

    return json.dumps(list(parameters))


def save_options(store: ProfileRows, profile: str, options: LearnerOptions) -> None:
    """Keep the learner's retention, day start, maximum interval and parameters (the fit record is left alone)."""
    pid = store.profile_id(profile)
    values = (
        options.retention,
        None if options.rollover == DEFAULT_ROLLOVER else options.rollover,
        None if options.maximum_interval == MAXIMUM_INTERVAL else options.maximum_interval,
        _stored(options.parameters),
    )
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO learner_options (profile_id) VALUES (?)", (pid,))
        conn.execute(
            "UPDATE learner_options SET retention = ?, rollover = ?, maximum_interval = ?, parameters = ? "
            "WHERE profile_id = ?",
            (*values, pid),
        )


def save_fit(store: ProfileRows, profile: str, parameters: tuple[float, ...] | None, record: FitRecord) -> None:
    """Keep the outcome of a fit: the parameters now in use (None: the defaults) and how the fit went."""
    pid = store.profile_id(profile)
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO learner_options (profile_id) VALUES (?)", (pid,))
        conn.execute(
            "UPDATE learner_options SET parameters = ?, fitted_us = ?, fitted_reviews = ?, fitted_through = ?, "
            "log_loss = ?, rmse = ?, default_log_loss = ?, default_rmse = ? WHERE profile_id = ?",
            (
                _stored(parameters),
                to_micros(record.when),
                record.reviews,
                record.through,
                record.log_loss,
                record.rmse,
                record.default_log_loss,
                record.default_rmse,
                pid,
            ),
        )


def last_fit(store: ProfileRows, profile: str) -> FitRecord | None:
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return None
    rows = store.query(
        "SELECT fitted_us, fitted_reviews, fitted_through, log_loss, rmse, default_log_loss, default_rmse "
        "FROM learner_options "
        "WHERE profile_id = ? AND fitted_us IS NOT NULL",
        (pid,),
    )
    if not rows:
        return None
    when, reviews, through, log_loss, rmse, default_log_loss, default_rmse = rows[0]
    return FitRecord(from_micros(when), int(reviews or 0), int(through or 0), log_loss, rmse, default_log_loss, default_rmse)


def answers_since(store: ProfileRows, profile: str, answer_id: int) -> int:
    """Reviews (re-drill answers left out) this learner gave after answer `answer_id`: cheap, it reads only those."""
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return 0
    rows = store.query("SELECT count(*) FROM answers WHERE id > ? AND profile_id = ? AND NOT drill", (answer_id, pid))
    return int(rows[0][0])
