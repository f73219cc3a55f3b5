"""What a student hands in: exam attempts and a summary of their practice.

These are the records stored for a profile, written to results files and read
back by the teacher's report. They hold plain text (prompts, options, answers)
rather than references into a deck, so a report never needs the deck file.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from quiz.deck.datarecord import datarecord


class ExamItem(NamedTuple):
    """One question of an attempt, as it was shown and answered.

    A named tuple: a class's results files hold tens of thousands, each made in one step from the
    values read (`tuple.__new__`, as `_make` does) and a fraction of the size of a dataclass with its dict.
    """

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
_prompt = attrgetter("prompt")
_answered = attrgetter("answered")
_correct = attrgetter("correct")
_wrong = attrgetter("wrong")


@datarecord
class ExamColumns:
    """An attempt's questions a field at a time, in their order: what the class report reads of every sitting.

    A class of 300 has 60,000 questions; a column is read in one pass, where an
    attribute of each question is a lookup in each one's own memory.
    """

    card_ids: tuple[str, ...]
    prompts: tuple[str, ...]
    scores: tuple[float, ...]
    answered: tuple[bool, ...]
    correct: tuple[bool, ...]
    wrong: tuple[tuple[str, ...], ...]


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
        return self.columns.card_ids

    @cached_property
    def columns(self) -> ExamColumns:
        """The questions' fields as columns; the results reader, which has them from checking a file, sets them."""
        items = self.items
        return ExamColumns(
            tuple(map(_card_id, items)),
            tuple(map(_prompt, items)),
            tuple(map(_score, items)),
            tuple(map(_answered, items)),
            tuple(map(_correct, items)),
            tuple(map(_wrong, items)),
        )


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


def with_columns(exam: ExamRecord, columns: ExamColumns) -> ExamRecord:
    """`exam` with its columns known already (they must be its items' own), so they are not read from the items again."""
    exam.__dict__["columns"] = columns  # where `cached_property` keeps them
    return exam
