"""How a card is shown: its options in a shuffled order, which side is asked.

Shuffling uses the caller's `random.Random`, so the same seed always shows the
same thing (exams rely on that).
"""

from __future__ import annotations

import random
import re
from dataclasses import field
from typing import TYPE_CHECKING, assert_never

from quiz.deck.datarecord import datarecord
from quiz.deck.model import (
    Card,
    Choice,
    Cloze,
    Deck,
    Flashcard,
    Match,
    Multi,
    Number,
    Order,
    Settings,
    TrueFalse,
    TypedAnswer,
)
from quiz.deck.sides import REVERSE_SUFFIX

if TYPE_CHECKING:
    from .grading import Grade

# Grading (and the answer texts it shares) is imported on the first answer, not to show the first question.

__all__ = ["REVERSE_SUFFIX", "Presented", "present"]


@datarecord
class Presented:
    """One card as asked: the deck it belongs to, the options in shown order, the side."""

    deck: Deck = field(repr=False)
    card: Card
    options: tuple[str, ...] = ()  # choice/multi: options; order: items shuffled; match: right-hand items shuffled
    reverse: bool = False  # flashcard asked back -> front

    @property
    def prompt(self) -> str:
        """The question text as shown."""
        return self.front

    @property
    def key(self) -> str:
        """The schedule key: each side of a flashcard has its own."""
        return f"{self.card.id}{REVERSE_SUFFIX}" if self.reverse else self.card.id

    @property
    def front(self) -> str:
        """What is shown first: the question (for a reversed flashcard, its back)."""
        if isinstance(self.card, Flashcard):
            return self.card.back if self.reverse else self.card.front
        return self.card.prompt

    @property
    def back(self) -> str:
        """What is revealed: the answer (for a reversed flashcard, its front)."""
        return self.answer_text

    @property
    def answer_text(self) -> str:
        """The correct answer as display text ("2000–2015", "Bogotá", "a → b → c")."""
        from .answers import answer_text

        return answer_text(self.card, reverse=self.reverse, language=self.deck.language)

    @property
    def left(self) -> tuple[str, ...]:
        """Match cards: the left-hand items, in the deck's order."""
        return tuple(left for left, _ in self.card.pairs) if isinstance(self.card, Match) else ()

    @property
    def settings(self) -> Settings:
        """The card's effective settings (card over deck over defaults)."""
        return self.deck.settings_for(self.card)

    def grade(self, response: object) -> Grade:
        """Grade a response to this card with its effective settings; parts follow the shown order."""
        from .grading import grade

        return grade(self.card, response, self.settings, shown=self.options)

    def unreadable(self, response: object) -> str | None:
        """Why `response` cannot be graded at all (text in a number box), to ask again instead; else None."""
        if isinstance(self.card, Number) and isinstance(response, str):
            from .numbers import unreadable

            return unreadable(response, ranged=self.card.range is not None)
        return None


def _shuffled(items: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    order = list(items)
    rng.shuffle(order)
    return tuple(order)


def _scrambled(items: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """Shuffled, but never in the given order (when there are two different items)."""
    if len(set(items)) < 2:
        return items
    while (order := _shuffled(items, rng)) == items:
        pass
    return order


def _natural_key(text: str) -> tuple[tuple[int, float | str], ...]:
    """Numbers by value, words alphabetically: 9 before 10, "Bogotá" near "Bogota"."""
    parts = re.split(r"(\d+(?:[.,]\d+)?)", text.casefold())
    return tuple((0, float(p.replace(",", "."))) if p[0].isdecimal() else (1, p) for p in parts if p)


def _sorted(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Unshuffled options in a neutral order: the answer is stored first, and showing it first would give it away."""
    return tuple(sorted(texts, key=_natural_key))


def present(deck: Deck, card: Card, rng: random.Random, *, reverse: bool = False) -> Presented:
    """Prepare `card` for showing; `reverse` asks a flashcard's back first."""
    if reverse and not isinstance(card, Flashcard):
        raise ValueError(f"card {card.id!r} is a {card.kind} card; only flashcards can be asked reversed")
    match card:
        case Choice() | Multi():
            texts = tuple(o.text for o in card.options)
            options = _shuffled(texts, rng) if deck.settings_for(card).shuffle else _sorted(texts)
        case Order():
            options = _scrambled(card.items, rng)
        case Match():
            options = _scrambled(tuple(right for _, right in card.pairs), rng)
        case Flashcard() | TrueFalse() | TypedAnswer() | Number() | Cloze():
            options = ()
        case _:
            assert_never(card)
    return Presented(deck=deck, card=card, options=options, reverse=reverse)
