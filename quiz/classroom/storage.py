"""The classroom's part of the progress database: exam records in, a profile's results out.

Exams live in their own tables (`exams`, `exam_answers`); they are written in
one transaction and never touch `card_states`, so taking a test leaves the
spaced-repetition schedule exactly as it was. The practice summary is read
from the answers practice recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import socket

from quiz.engine.clock import from_micros, to_micros, utc_now
from quiz.engine.scheduler import LEECH_LAPSES, REVIEW
from quiz.store import Store

from .records import ExamItem, ExamRecord, PracticeRecord
from .results import StudentResults


def save_exam(store: Store, profile: str, exam: ExamRecord) -> None:
    """Keep a finished exam for the profile; committed when this returns."""
    pid = store.profile_id(profile)
    with store.transaction() as conn:  # one transaction: a sitting is stored whole or not at all
        cursor = conn.execute(
            "INSERT INTO exams (uid, profile_id, deck_id, deck_version, deck_title, seed, started_us, seconds, "
            "time_limit, timed_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                exam.exam_id,
                pid,
                exam.deck_id,
                exam.deck_version,
                exam.deck_title,
                exam.seed,
                to_micros(exam.started_at),
                exam.seconds,
                exam.time_limit,
                int(exam.timed_out),
            ),
        )
        conn.executemany(
            "INSERT INTO exam_answers (exam_id, position, card_id, kind, prompt, options, expected, given, "
            "answered, correct, score, seconds, wrong, distractors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cursor.lastrowid,
                    position,
                    item.card_id,
                    item.kind,
                    item.prompt,
                    json.dumps(item.options, ensure_ascii=False),
                    item.expected,
                    item.given,
                    int(item.answered),
                    int(item.correct),
                    item.score,
                    item.seconds,
                    json.dumps(item.wrong, ensure_ascii=False),
                    json.dumps(item.distractors, ensure_ascii=False),
                )
                for position, item in enumerate(exam.items)
            ],
        )


def exams(store: Store, profile: str) -> list[ExamRecord]:
    """The profile's exams, oldest first."""
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return []
    rows = store.query(
        "SELECT id, uid, deck_id, deck_version, deck_title, seed, started_us, seconds, time_limit, timed_out "
        "FROM exams WHERE profile_id = ? ORDER BY started_us, id",
        (pid,),
    )
    out = []
    for row_id, uid, deck_id, version, title, seed, started_us, seconds, limit, timed_out in rows:
        items = store.query(
            "SELECT card_id, kind, prompt, options, expected, given, answered, correct, score, seconds, wrong, "
            "distractors FROM exam_answers WHERE exam_id = ? ORDER BY position",
            (row_id,),
        )
        out.append(
            ExamRecord(
                exam_id=uid,
                deck_id=deck_id,
                deck_version=version,
                deck_title=title,
                seed=seed,
                started_at=from_micros(started_us),
                seconds=seconds,
                time_limit=limit,
                timed_out=bool(timed_out),
                items=tuple(
                    ExamItem(
                        card_id=c,
                        kind=k,
                        prompt=p,
                        options=tuple(json.loads(o)),
                        expected=e,
                        given=g,
                        answered=bool(a),
                        correct=bool(r),
                        score=s,
                        seconds=t,
                        wrong=tuple(json.loads(w)),
                        distractors=tuple(json.loads(d)),
                    )
                    for c, k, p, o, e, g, a, r, s, t, w, d in items
                ),
            )
        )
    return out


def practice(store: Store, profile: str) -> list[PracticeRecord]:
    """The profile's practice per deck: answers, right answers, days, time, leeches, and retention
    counted as the statistics screen counts it (right answers on cards in review)."""
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return []
    rows = store.query(
        "SELECT deck_id, count(*), sum(correct), sum(prev_state = ?), sum(prev_state = ? AND correct), "
        "count(DISTINCT date(time_us / 1000000, 'unixepoch', 'localtime')), sum(duration), max(time_us) "
        "FROM answers WHERE profile_id = ? GROUP BY deck_id ORDER BY deck_id",
        (REVIEW, REVIEW, pid),
    )
    leeches: dict[str, list[str]] = {}
    for deck_id, key in store.query(
        "SELECT deck_id, card_key FROM card_states WHERE profile_id = ? AND lapses >= ? ORDER BY deck_id, card_key",
        (pid, LEECH_LAPSES),
    ):
        leeches.setdefault(deck_id, []).append(key)
    return [
        PracticeRecord(
            deck_id=deck_id,
            reviews=reviews,
            right=right,
            recall_reviews=recall,
            recalled=recalled,
            days=days,
            seconds=round(seconds, 3),
            last=from_micros(last),
            leeches=tuple(leeches.get(deck_id, ())),
        )
        for deck_id, reviews, right, recall, recalled, days, seconds, last in rows
    ]


def student_results(store: Store, profile: str, *, now: dt.datetime | None = None) -> StudentResults:
    """Everything a profile hands in: its exams and its practice."""
    return StudentResults(
        profile=profile,
        machine=socket.gethostname(),
        exported_at=now or utc_now(),
        exams=tuple(exams(store, profile)),
        practice=tuple(practice(store, profile)),
    )
