"""How long a learner who knows a card needs to answer it.

The automatic rating calls an answer fast or slow relative to this estimate,
so a long question or a long answer to type is not punished as "slow".
The constants are deliberately modest: learners read questions in a
language they are learning, and type on whatever keyboard the classroom has.
"""

from __future__ import annotations

from typing import assert_never

from quiz.deck.model import Card, Choice, Cloze, Flashcard, Match, Multi, Number, Order, TrueFalse, TypedAnswer

from .answers import number_value_text

THINK_SECONDS = 3.0
"""Recalling an answer one knows, before reading and typing."""
READ_CHARS_PER_SECOND = 15.0
"""Reading the question and the options (about 150 words a minute)."""
TYPE_CHARS_PER_SECOND = 3.0
"""Typing the answer (about 35 words a minute)."""
PICK_SECONDS = 1.0
"""Weighing and selecting one option of a choice or multiple-choice card."""
ARRANGE_SECONDS = 2.0
"""Moving one item of an order card or pairing one item of a match card."""


def _reading(text: str) -> float:
    return len(text) / READ_CHARS_PER_SECOND


def _typing(text: str) -> float:
    return len(text) / TYPE_CHARS_PER_SECOND


def expected_seconds(card: Card) -> float:
    """Seconds a learner who knows the answer typically needs for this card."""
    seconds = THINK_SECONDS + _reading(card.prompt)
    match card:
        case Choice() | Multi():
            seconds += sum(_reading(o.text) + PICK_SECONDS for o in card.options)
        case TypedAnswer():
            seconds += _typing(card.answer)
        case Number():
            seconds += _typing(number_value_text(card))
        case Cloze():
            seconds += sum(_typing(alternatives[0]) + PICK_SECONDS for alternatives in card.gaps)
        case Order():
            seconds += sum(_reading(item) + ARRANGE_SECONDS for item in card.items)
        case Match():
            seconds += sum(_reading(left) + _reading(right) + ARRANGE_SECONDS for left, right in card.pairs)
        case Flashcard():
            seconds += _reading(card.back)
        case TrueFalse():
            pass
        case _:
            assert_never(card)
    return seconds
