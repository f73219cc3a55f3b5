"""Schedule keys: what progress is stored under, and which cards are siblings.

A card is scheduled under its id; a flashcard with `reverse: true` has a
second side asked back->front, scheduled under `<id>::reverse`. Siblings (the
two sides of a flashcard, or cards sharing a `fact`) are never asked on the
same day: one would give the other away.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

from quiz.deck.model import Card, Deck, Flashcard

from .presentation import REVERSE_SUFFIX

_CACHE_SIZE = 16


class Entry(NamedTuple):
    """One askable side of a card."""

    key: str
    card: Card
    reverse: bool
    position: int  # in the deck's keys


@dataclass(frozen=True)
class DeckIndex:
    """A deck's askable sides in deck order; `signature` changes whenever the keys do.

    Kept as parallel tuples rather than one object per side: a big deck has
    100,000 of them, and the index is built when a deck is first studied.
    """

    keys: tuple[str, ...]
    cards: tuple[Card, ...]  # the card behind each key
    positions: dict[str, int]
    signature: str

    def __len__(self) -> int:
        return len(self.keys)

    def entry(self, position: int) -> Entry:
        card = self.cards[position]
        key = self.keys[position]
        return Entry(key, card, key != card.id, position)

    def get(self, key: str) -> Entry | None:
        position = self.positions.get(key)
        return None if position is None else self.entry(position)


_cache: dict[int, tuple[Deck, DeckIndex]] = {}


def sibling_group(card: Card) -> str:
    """Cards with the same group are not shown on the same day."""
    return f"fact:{card.fact}" if card.fact else f"card:{card.id}"


def deck_index(deck: Deck) -> DeckIndex:
    """The deck's index, computed once per deck object (decks are immutable)."""
    hit = _cache.get(id(deck))
    if hit is not None and hit[0] is deck:
        return hit[1]
    cards: tuple[Card, ...] = deck.cards
    keys = [card.id for card in cards]
    if any(isinstance(card, Flashcard) and card.reverse for card in cards):
        sides = [(side, card) for card in cards for side in _sides(card)]
        keys, cards = [key for key, _ in sides], tuple(card for _, card in sides)
    signature = hashlib.blake2b("\n".join(keys).encode(), digest_size=16).hexdigest()
    index = DeckIndex(tuple(keys), cards, {key: i for i, key in enumerate(keys)}, signature)
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[id(deck)] = (deck, index)
    return index


def _sides(card: Card) -> tuple[str, ...]:
    if isinstance(card, Flashcard) and card.reverse:
        return (card.id, card.id + REVERSE_SUFFIX)
    return (card.id,)


def deck_keys(deck: Deck) -> dict[str, int]:
    """Every schedule key of the deck, with its position (a mapping, so `key in deck_keys(deck)` is fast)."""
    return deck_index(deck).positions
