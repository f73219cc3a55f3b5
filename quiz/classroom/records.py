"""What a student hands in: exam attempts and a summary of their practice.

These are the records stored for a profile, written to results files and read
back by the teacher's report. They hold plain text (prompts, options, answers)
rather than references into a deck, so a report never needs the deck file.
"""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

from quiz.deck.datarecord import datarecord


@datarecord
class ExamItem:
    """One question of an attempt, as it was shown and answered."""

    card_id: str
    kind: str
    prompt: str
    options: tuple[str, ...]  # choice/multi/order/match: as shown, in the shown order
    expected: str  # the correct answer as text
    given: str  # the student's answer as text; "" when left blank
    answered: bool
    correct: bool
    score: float  # 0..1, partial credit
    seconds: float  # time spent on the question
    wrong: tuple[str, ...] = ()  # wrong options picked (choice/multi/truefalse) or the wrong text typed
    distractors: tuple[str, ...] = ()  # the wrong options on offer, so unpicked ones count as 0


_score = attrgetter("score")
_card_id = attrgetter("card_id")


@datarecord
class ExamRecord:
    """One attempt at a test: a question set drawn from a deck with a seed."""

    exam_id: str
    deck_id: str
    deck_version: str
    deck_title: str
    seed: str
    started_at: dt.datetime  # UTC
    seconds: float  # time taken, in total
    time_limit: float | None  # seconds, None when untimed
    timed_out: bool  # submitted automatically when the time ran out
    items: tuple[ExamItem, ...]

    @property
    def score(self) -> float:
        return sum(map(_score, self.items))

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(map(_card_id, self.items))


@datarecord
class PracticeRecord:
    """A profile's spaced-repetition practice on one deck, summed up."""

    deck_id: str
    reviews: int  # answers given while practising
    right: int  # of those, right
    recall_reviews: int  # answers on cards that were already learned (in review)
    recalled: int  # of those, right: the measured retention is recalled / recall_reviews
    days: int  # distinct days with practice
    seconds: float  # time spent answering
    last: dt.datetime | None  # UTC
    leeches: tuple[str, ...] = ()  # card ids the student keeps failing

    @property
    def retention(self) -> float | None:
        return self.recalled / self.recall_reviews if self.recall_reviews else None
