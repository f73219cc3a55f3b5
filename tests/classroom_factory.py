"""Small builders of exam and practice records for the classroom tests."""

from __future__ import annotations

import datetime as dt
import itertools

from quiz.classroom.records import ExamItem, ExamRecord, PracticeRecord
from quiz.classroom.results import StudentResults

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
EXAM_IDS = itertools.count(1)

# card id -> (options as shown, correct option)
QUESTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "q1": (("Lyon", "Paris", "Nice"), "Paris"),
    "q2": (("X", "Y", "Z"), "Y"),
    "q3": (("A", "B", "C"), "A"),
    "q4": (("yes", "no"), "yes"),
}

PICKS_EXAMPLE: dict[str, str | None] = {"q1": "Paris", "q2": "X", "q3": None, "q4": "yes"}


def item(card_id: str, picked: str | None, seconds: float = 10.0) -> ExamItem:
    """A choice question answered with `picked` (None: left blank)."""
    options, answer = QUESTIONS[card_id]
    correct = picked == answer
    return ExamItem(
        card_id=card_id,
        kind="choice",
        prompt=f"Question {card_id}?",
        options=options,
        expected=answer,
        given=picked or "",
        answered=picked is not None,
        correct=correct,
        score=1.0 if correct else 0.0,
        seconds=seconds,
        wrong=() if correct or picked is None else (picked,),
        distractors=tuple(o for o in options if o != answer),
    )


def exam(
    picks: dict[str, str | None],
    *,
    version: str = "1",
    seed: str = "class-7b",
    seconds: float = 300.0,
    started: dt.datetime = T0,
) -> ExamRecord:
    return ExamRecord(
        exam_id=f"exam-{next(EXAM_IDS)}",  # each sitting has its own id, as ExamSession gives it
        deck_id="capitals",
        deck_version=version,
        deck_title="Capitals",
        seed=seed,
        started_at=started,
        seconds=seconds,
        time_limit=900.0,
        timed_out=False,
        items=tuple(item(card_id, picked) for card_id, picked in picks.items()),
    )


def practice(reviews: int, recall_reviews: int, recalled: int, leeches: tuple[str, ...] = ()) -> PracticeRecord:
    return PracticeRecord(
        deck_id="capitals",
        reviews=reviews,
        right=reviews - (recall_reviews - recalled),
        recall_reviews=recall_reviews,
        recalled=recalled,
        days=3,
        seconds=reviews * 6.0,
        last=T0,
        leeches=leeches,
    )


def student(profile: str, exams: tuple[ExamRecord, ...] = (), prac: tuple[PracticeRecord, ...] = ()) -> StudentResults:
    return StudentResults(profile=profile, exported_at=T0 + dt.timedelta(days=1), exams=exams, practice=prac)
