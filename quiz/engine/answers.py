"""A card's correct answer (and a learner's response) as text to show.

One place, so the feedback after grading and the "show answer" of the UI
always agree.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import assert_never

from quiz.deck.model import (
    GAP_RE,
    Card,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Number,
    Order,
    TrueFalse,
    TypedAnswer,
)

from .numbers import format_number, format_span

ORDER_SEPARATOR = " → "
PAIR_ARROW = " → "
LIST_SEPARATOR = "; "

# "True"/"False" in the deck's language (English when unknown), written as on
# the buttons the learner pressed.
TRUTH_WORDS: dict[str, tuple[str, str]] = {
    "en": ("True", "False"),
    "de": ("Wahr", "Falsch"),
    "es": ("Verdadero", "Falso"),
}

# A unit naming a calendar year labels the input box ("year") but is no measure:
# the answer reads "2022", not "2022 year". Other units follow the number: "65 years".
YEAR_LABELS = frozenset({"year", "jahr", "jahreszahl", "año", "ano", "année", "annee"})


def truth_text(value: bool, language: str | None = None) -> str:
    true, false = TRUTH_WORDS.get((language or "en").split("-")[0].lower(), TRUTH_WORDS["en"])
    return true if value else false


def fill_gaps(card: Cloze, answers: Sequence[str]) -> str:
    """The cloze text with each gap replaced by the given answer (blank if missing)."""
    values = iter(answers)
    return GAP_RE.sub(lambda _m: next(values, "_____"), card.text)


def pairs_text(pairs: Sequence[tuple[str, str]]) -> str:
    return LIST_SEPARATOR.join(f"{left}{PAIR_ARROW}{right}" for left, right in pairs)


def number_value_text(card: Number) -> str:
    """Just the number or range: "2000–2015", "65"."""
    if card.range is not None:
        return format_span(card.range.min, card.range.max)
    return format_number(card.answer) if card.answer is not None else "?"


def number_text(card: Number) -> str:
    """The number with its tolerance and unit: "2000–2015", "65 years", "3.5 (± 0.5) km"."""
    text = number_value_text(card)
    if card.tolerance:
        text += f" (± {format_number(card.tolerance)})"
    if card.unit and card.unit.strip().casefold() not in YEAR_LABELS:
        text += f" {card.unit}"
    return text


def answer_text(card: Card, *, reverse: bool = False, language: str | None = None) -> str:
    """The correct answer of any kind of card, as display text."""
    match card:
        case Flashcard():
            return card.front if reverse else card.back
        case Choice() | TypedAnswer():
            return card.answer
        case Multi():
            return LIST_SEPARATOR.join(card.answers)
        case TrueFalse():
            return truth_text(card.answer, language)
        case Number():
            return number_text(card)
        case Cloze():
            return fill_gaps(card, [alternatives[0] for alternatives in card.gaps])
        case Order():
            return ORDER_SEPARATOR.join(card.items)
        case Match():
            return pairs_text(card.pairs)
        case _:
            assert_never(card)


def response_text(card: Card, response: object, language: str | None = None) -> str:
    """A learner's response as display text, in the same shape as `answer_text`."""
    match card:
        case TrueFalse() if isinstance(response, bool):
            return truth_text(response, language)
        case Cloze() if isinstance(response, Sequence) and not isinstance(response, str):
            return fill_gaps(card, [str(r) for r in response])
        case Match() if isinstance(response, Mapping):
            return pairs_text([(str(left), str(right)) for left, right in response.items()])
        case Order() if isinstance(response, Sequence) and not isinstance(response, str):
            return ORDER_SEPARATOR.join(str(r) for r in response)
        case Multi() if isinstance(response, Collection) and not isinstance(response, str):
            # Picks in the card's order, so a set of picks always reads the same.
            rank = {option.text: i for i, option in enumerate(card.options)}
            picks = sorted((str(r) for r in response), key=lambda text: (rank.get(text, len(rank)), text))
            return LIST_SEPARATOR.join(picks)
    if response is None:
        return ""
    if isinstance(response, str):
        return response
    if isinstance(response, (Sequence, set, frozenset)):
        return LIST_SEPARATOR.join(str(r) for r in response)
    return str(response)
