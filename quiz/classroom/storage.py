"""The classroom's part of the progress database: exam records in, a profile's results out.

Exams live in their own tables (`exams`, `exam_answers`) and never touch
`card_states`, so taking a test leaves the spaced-repetition schedule exactly
as it was. A test is stored while it is taken: the sitting's row is written
when it starts (every question blank), each answer as it is given, and the
sitting is marked handed in at the end. A sitting whose process is gone (the
window closed, a kill, a crash, a power cut) is handed in as it stood the next
time the profile's results are read: not offered to continue, so closing the
window never buys extra time. The practice summary is read from the answers
practice recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import uuid
from collections.abc import Iterable
from pathlib import Path

from quiz.engine.clock import from_micros, to_micros, utc_now
from quiz.engine.scheduler import LEECH_LAPSES
from quiz.store import Store
from quiz.store.stats import RECALL

from .records import ExamItem, ExamRecord, PracticeRecord
from .results import StudentResults

MACHINE_ID_FILE = "machine-id"
STALE_AFTER = dt.timedelta(hours=12)  # a sitting untouched this long is over, even if its process cannot be checked
TIME_UP_GRACE = dt.timedelta(minutes=1)  # past its time limit (and this), a timed sitting is handed in by anyone


def _put_items(conn: sqlite3.Connection, row_id: int, items: Iterable[tuple[int, ExamItem]]) -> None:
    """Write questions of a sitting, replacing what was stored for the same positions."""
    conn.executemany(
        "INSERT OR REPLACE INTO exam_answers (exam_id, position, card_id, kind, prompt, options, expected, given, "
        "answered, correct, score, seconds, wrong, distractors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row_id,
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
            for position, item in items
        ],
    )


def _insert(conn: sqlite3.Connection, pid: int, exam: ExamRecord, *, handed_in: bool, now: dt.datetime) -> int:
    cursor = conn.execute(
        "INSERT INTO exams (uid, profile_id, deck_id, deck_version, deck_title, seed, started_us, seconds, "
        "time_limit, timed_out, handed_in, host, pid, updated_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            int(handed_in),
            socket.gethostname(),
            os.getpid(),
            to_micros(now),
        ),
    )
    assert cursor.lastrowid is not None
    _put_items(conn, cursor.lastrowid, enumerate(exam.items))
    return cursor.lastrowid


def save_exam(store: Store, profile: str, exam: ExamRecord) -> None:
    """Keep a finished exam for the profile; committed when this returns."""
    pid = store.profile_id(profile)
    assert pid is not None  # created on first use
    with store.transaction() as conn:  # one transaction: a sitting is stored whole or not at all
        _insert(conn, pid, exam, handed_in=True, now=utc_now())


class Sitting:
    """A test being taken, kept in the database answer by answer so that nothing given is lost."""

    def __init__(self, store: Store, profile: str, opening: ExamRecord, *, now: dt.datetime | None = None):
        """Store the sitting as it starts: every question there, blank. `opening` is the unfinished record."""
        self.store = store
        self.exam_id = opening.exam_id
        pid = store.profile_id(profile)
        assert pid is not None  # created on first use
        with store.transaction() as conn:
            self._row = _insert(conn, pid, opening, handed_in=False, now=now or utc_now())

    def answered(self, position: int, item: ExamItem, seconds: float, *, now: dt.datetime | None = None) -> None:
        """Store one question as it now stands (answered, changed or skipped); committed when this returns."""
        with self.store.transaction() as conn:
            _put_items(conn, self._row, [(position, item)])
            conn.execute(
                "UPDATE exams SET seconds = ?, updated_us = ? WHERE id = ?",
                (round(seconds, 3), to_micros(now or utc_now()), self._row),
            )

    def hand_in(self, record: ExamRecord) -> None:
        """The finished record replaces what was stored; from now on it counts as handed in."""
        with self.store.transaction() as conn:
            _put_items(conn, self._row, enumerate(record.items))
            conn.execute(
                "UPDATE exams SET seconds = ?, timed_out = ?, handed_in = 1, updated_us = ? WHERE id = ?",
                (record.seconds, int(record.timed_out), to_micros(utc_now()), self._row),
            )

    def discard(self) -> None:
        """A test left before a single answer was given leaves nothing behind (as if never started)."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM exam_answers WHERE exam_id = ?", (self._row,))
            conn.execute("DELETE FROM exams WHERE id = ? AND handed_in = 0", (self._row,))


def sittings_of(store: Store, profile: str, deck_id: str, deck_version: str, seed: str) -> list[dt.datetime]:
    """When the profile started this test before (same deck version and seed), oldest first.

    A sitting still open in another window counts: taking one test twice at once is a retake too.
    """
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return []
    rows = store.query(
        "SELECT started_us FROM exams WHERE profile_id = ? AND deck_id = ? AND deck_version = ? AND seed = ? "
        "ORDER BY started_us",
        (pid, deck_id, deck_version, seed),
    )
    return [from_micros(started_us) for (started_us,) in rows]


def _process_gone(host: str | None, pid: int | None) -> bool:
    """True when the sitting's process surely no longer runs (only this computer's processes can be checked)."""
    if host != socket.gethostname() or pid is None or os.name != "posix":
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def hand_in_abandoned(store: Store, *, now: dt.datetime | None = None) -> int:
    """Hand in, as they stood, the sittings nobody is taking any more; the number handed in.

    A sitting is abandoned when its process has gone, when it has not changed
    for `STALE_AFTER`, or when its time limit ran out. Time counts up to the
    last stored answer (or the limit); a sitting without a single answer is
    dropped, like a test quit before answering.
    """
    now = now or utc_now()
    handed = 0
    rows = store.query(
        "SELECT id, started_us, seconds, time_limit, host, pid, updated_us, "
        "(SELECT count(*) FROM exam_answers a WHERE a.exam_id = exams.id AND a.answered) "
        "FROM exams WHERE handed_in = 0"
    )
    for row_id, started_us, seconds, limit, host, pid, updated_us, answered in rows:
        started = from_micros(started_us)
        updated = from_micros(updated_us) if updated_us is not None else started
        time_up = limit is not None and now >= started + dt.timedelta(seconds=limit) + TIME_UP_GRACE
        if not (time_up or now - updated >= STALE_AFTER or _process_gone(host, pid)):
            continue
        timed_out = limit is not None and now >= started + dt.timedelta(seconds=limit)
        total = max(seconds, (updated - started).total_seconds())
        if limit is not None:
            total = limit if timed_out else min(total, limit)
        with store.transaction() as conn:
            if not answered:
                conn.execute("DELETE FROM exam_answers WHERE exam_id = ?", (row_id,))
                conn.execute("DELETE FROM exams WHERE id = ? AND handed_in = 0", (row_id,))
                continue
            conn.execute(
                "UPDATE exams SET handed_in = 1, timed_out = ?, seconds = ? WHERE id = ? AND handed_in = 0",
                (int(timed_out), round(total, 3), row_id),
            )
        handed += 1
    return handed


def exams(store: Store, profile: str) -> list[ExamRecord]:
    """The profile's handed-in exams, oldest first."""
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return []
    rows = store.query(
        "SELECT id, uid, deck_id, deck_version, deck_title, seed, started_us, seconds, time_limit, timed_out "
        "FROM exams WHERE profile_id = ? AND handed_in ORDER BY started_us, id",
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
    counted as the statistics screen counts it (right answers on cards in review, re-drills left out).

    Answers, right answers, days and time include re-drills: they are time spent practising.
    """
    pid = store.profile_id(profile, create=False)
    if pid is None:
        return []
    rows = store.query(
        f"SELECT deck_id, count(*), sum(correct), sum({RECALL}), sum({RECALL} AND correct), "
        "count(DISTINCT date(time_us / 1000000, 'unixepoch', 'localtime')), sum(duration), max(time_us) "
        "FROM answers WHERE profile_id = ? GROUP BY deck_id ORDER BY deck_id",
        (pid,),
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


def machine_id(data_dir: Path) -> str:
    """A random id kept in the data folder: PCs cloned from one image share a host name, not this.

    Empty when the folder cannot be written (the host name then stands alone).
    """
    path = data_dir / MACHINE_ID_FILE
    for _ in range(2):
        try:
            text = path.read_text(encoding="ascii").strip()
            if text:
                return text
        except (OSError, UnicodeDecodeError):
            pass
        try:
            with path.open("x", encoding="ascii") as file:  # two exports at once: the first one's id stays
                text = uuid.uuid4().hex
                file.write(text + "\n")
            return text
        except FileExistsError:
            continue
        except OSError:
            return ""
    return ""


def student_results(store: Store, profile: str, *, now: dt.datetime | None = None) -> StudentResults:
    """Everything a profile hands in: its exams (an abandoned test handed in first) and its practice."""
    hand_in_abandoned(store, now=now)
    return StudentResults(
        profile=profile,
        machine=socket.gethostname(),
        machine_id=machine_id(store.path.parent),
        exported_at=now or utc_now(),
        exams=tuple(exams(store, profile)),
        practice=tuple(practice(store, profile)),
    )
