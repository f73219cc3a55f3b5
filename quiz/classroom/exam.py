"""Test mode: a question set drawn from a deck by a seed, answered without feedback, graded at the end.

The same deck and seed give the same questions in the same order with the
same option order on every machine, so a whole class can take one test.
An exam never touches the spaced-repetition schedule: its answers are kept
as an exam record, apart from practice.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import uuid
from collections.abc import Callable

from quiz.deck.datarecord import datarecord
from quiz.deck.model import Card, Choice, Deck, Flashcard, Multi, TrueFalse
from quiz.engine.answers import response_text
from quiz.engine.clock import utc_now
from quiz.engine.grading import Grade
from quiz.engine.keys import sibling_group
from quiz.engine.presentation import Presented, present

from .records import ExamItem, ExamRecord


class ExamError(Exception):
    """An exam that cannot be set (e.g. a deck with nothing to grade)."""


@datarecord
class ExamPaper:
    """The questions of one test, in the order and with the options every student sees."""

    deck: Deck
    seed: str
    questions: tuple[Presented, ...]


def new_seed() -> str:
    """A short seed to read out to a class when the teacher did not choose one."""
    return str(secrets.randbelow(900_000) + 100_000)


def gradable(card: Card) -> bool:
    """Flashcards are rated by the learner, so they have no place in a test."""
    return not isinstance(card, Flashcard)


def draw(deck: Deck, questions: int, seed: str) -> ExamPaper:
    """Draw `questions` cards (all of them if the deck has fewer) and fix their option order.

    Cards that share a `fact` would give each other away, so at most one of
    them is drawn.
    """
    if questions < 1:
        raise ExamError("an exam needs at least one question")
    rng = random.Random(seed)
    pool = [card for card in deck.cards if gradable(card)]
    if not pool:
        raise ExamError(f"deck {deck.id!r} has no questions that can be graded (flashcards are not used in exams)")
    chosen: list[Card] = []
    groups: set[str] = set()
    for card in rng.sample(pool, len(pool)):
        if sibling_group(card) in groups:
            continue
        groups.add(sibling_group(card))
        chosen.append(card)
        if len(chosen) == questions:
            break
    return ExamPaper(deck, seed, tuple(present(deck, card, rng) for card in chosen))


def blank(response: object) -> bool:
    """An answer with nothing in it (no text, no tick, no pick): the question counts as not answered."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, (list, tuple)):
        return all(blank(part) for part in response)
    if isinstance(response, dict):
        return not response
    return False


def _wrong_picks(card: Card, response: object, grade: Grade) -> tuple[str, ...]:
    """What a wrong answer consisted of, for counting distractors: the options picked, or the text typed."""
    if grade.correct or response is None:
        return ()
    if isinstance(card, Multi):
        picked = [response] if isinstance(response, str) else list(response)  # type: ignore[call-overload]
        return tuple(str(p) for p in picked if str(p) not in card.answers)
    return (grade.given,) if grade.given else ()


def _distractors(card: Card) -> tuple[str, ...]:
    if isinstance(card, (Choice, Multi)):
        return tuple(option.text for option in card.distractors)
    if isinstance(card, TrueFalse):
        return (response_text(card, not card.answer),)
    return ()


def exam_item(presented: Presented, response: object, seconds: float) -> ExamItem:
    """Grade one answer (None: left blank) the way practice grades it, and keep what the report needs."""
    grade = presented.grade(response)
    card = presented.card
    return ExamItem(
        card_id=card.id,
        kind=card.kind,
        prompt=presented.prompt,
        options=presented.options,
        expected=grade.expected,
        given=grade.given if response is not None else "",
        answered=response is not None,
        correct=grade.correct and response is not None,
        score=grade.score if response is not None else 0.0,
        seconds=round(seconds, 3),
        wrong=_wrong_picks(card, response, grade),
        distractors=_distractors(card),
    )


class ExamSession:
    """One student's sitting: answers are collected, not judged, until `finish`."""

    def __init__(
        self,
        paper: ExamPaper,
        *,
        time_limit: float | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ):
        self.paper = paper
        self.time_limit = time_limit
        self._clock = clock
        self.exam_id = str(uuid.uuid4())  # fixed from the start: the sitting is stored under it as it goes
        self.started_at = clock()
        self.index = 0
        self._responses: list[object] = [None] * len(paper.questions)
        self._seconds: list[float] = [0.0] * len(paper.questions)
        self._record: ExamRecord | None = None

    @property
    def current(self) -> Presented | None:
        """The question to show, or None when every question has been passed."""
        if self._record is not None or self.index >= len(self.paper.questions):
            return None
        return self.paper.questions[self.index]

    @property
    def progress(self) -> tuple[int, int]:
        """(questions answered, questions in the test)."""
        return sum(r is not None for r in self._responses), len(self.paper.questions)

    @property
    def finished(self) -> bool:
        return self._record is not None

    def elapsed(self) -> float:
        return (self._clock() - self.started_at).total_seconds()

    def remaining(self) -> float | None:
        """Seconds left when timed (never below 0), else None."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.elapsed())

    def response(self, index: int | None = None) -> object:
        """The answer given so far to a question (None: not answered), to show it again when going back."""
        return self._responses[self.index if index is None else index]

    def _spend(self, duration: float) -> None:
        if self.current is None:
            raise ExamError("the exam is over: there is no current question")
        self._seconds[self.index] += max(0.0, duration)

    def answer(self, response: object, *, duration: float) -> None:
        """Keep the answer to the current question (no verdict yet) and move on; an empty one leaves it blank."""
        self._spend(duration)
        self._responses[self.index] = None if blank(response) else response
        self.index += 1

    def skip(self, *, duration: float) -> None:
        """Leave the current question as it is for now and move on."""
        self._spend(duration)
        self.index += 1

    def back(self, *, duration: float) -> bool:
        """Return to the previous question; False when already at the first."""
        if self.current is not None:
            self._spend(duration)
        if self.index == 0 or self._record is not None:
            return False
        self.index -= 1
        return True

    def item(self, index: int) -> ExamItem:
        """One question as answered so far (graded, though nobody is shown the verdict), to store it now."""
        return exam_item(self.paper.questions[index], self._responses[index], self._seconds[index])

    def items(self) -> tuple[ExamItem, ...]:
        return tuple(self.item(i) for i in range(len(self.paper.questions)))

    def unanswered(self) -> list[int]:
        """Positions of questions without an answer (to warn before submitting)."""
        return [i for i, r in enumerate(self._responses) if r is None]

    def finish(self, *, timed_out: bool = False, duration: float = 0.0) -> ExamRecord:
        """Grade every answer and close the sitting; blank answers score 0.

        `duration` is the time spent on the question on screen, if any. Calling
        it again returns the same record.
        """
        if self._record is not None:
            return self._record
        if self.current is not None:
            self._spend(duration)
        seconds = self.elapsed()
        if self.time_limit is not None:
            seconds = min(seconds, self.time_limit) if timed_out else seconds
        self._record = self.so_far(seconds=seconds, timed_out=timed_out)
        return self._record

    def so_far(self, *, seconds: float | None = None, timed_out: bool = False) -> ExamRecord:
        """The sitting as it stands, not closed: what is stored while the test is taken."""
        deck = self.paper.deck
        return ExamRecord(
            exam_id=self.exam_id,
            deck_id=deck.id,
            deck_version=deck.version,
            deck_title=deck.title,
            seed=self.paper.seed,
            started_at=self.started_at,
            seconds=round(self.elapsed() if seconds is None else seconds, 3),
            time_limit=self.time_limit,
            timed_out=timed_out,
            items=self.items(),
        )
