"""One answer widget per card kind, chosen by `answer_widget_for`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import AnswerWidget
from .choice import ChoiceAnswer
from .cloze import ClozeAnswer
from .flashcard import FlashcardAnswer
from .match import MatchAnswer
from .multi import MultiAnswer
from .number import NumberAnswer
from .order import OrderAnswer
from .truefalse import TrueFalseAnswer
from .typed import TypedAnswer

if TYPE_CHECKING:
    from quiz.engine.presentation import Presented

WIDGETS: dict[str, type[AnswerWidget]] = {
    "flashcard": FlashcardAnswer,
    "choice": ChoiceAnswer,
    "multi": MultiAnswer,
    "truefalse": TrueFalseAnswer,
    "answer": TypedAnswer,
    "number": NumberAnswer,
    "cloze": ClozeAnswer,
    "order": OrderAnswer,
    "match": MatchAnswer,
}


def answer_widget_for(presented: Presented) -> AnswerWidget:
    return WIDGETS[presented.card.kind](presented)


__all__ = ["AnswerWidget", "FlashcardAnswer", "answer_widget_for", "WIDGETS"]
