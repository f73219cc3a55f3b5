"""Schedule keys: what progress is stored under, and which cards are siblings.

A card is scheduled under its id; a flashcard with `reverse: true` has a
second side asked back->front, scheduled under `<id>::reverse`. Siblings (the
two sides of a flashcard, or cards sharing a `fact`) are never asked on the
same day: one would give the other away.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from quiz.deck.model import Card, Deck, Flashcard

from .presentation import REVERSE_SUFFIX

_CACHE_SIZE = 16


@dataclass(frozen=True)
class Entry:
    """One askable side of a card."""

    key: str
    card: Card
    reverse: bool
    position: int  # in the deck's entries


@dataclass(frozen=True)
class DeckIndex:
    """A deck's askable sides in deck order, looked up by key; `signature` changes whenever the keys do."""

    entries: tuple[Entry, ...]
    by_key: dict[str, Entry]
    signature: str


_cache: dict[int, tuple[Deck, DeckIndex]] = {}


def sibling_group(card: Card) -> str:
    """Cards with the same group are not shown on the same day."""
    return f"fact:{card.fact}" if card.fact else f"card:{card.id}"


def deck_index(deck: Deck) -> DeckIndex:
    """The deck's index, computed once per deck object (decks are immutable)."""
    hit = _cache.get(id(deck))
    if hit is not None and hit[0] is deck:
        return hit[1]
    entries: list[Entry] = []
    for card in deck.cards:
        entries.append(Entry(card.id, card, False, len(entries)))
        if isinstance(card, Flashcard) and card.reverse:
            entries.append(Entry(card.id + REVERSE_SUFFIX, card, True, len(entries)))
    digest = hashlib.blake2b("\n".join(e.key for e in entries).encode(), digest_size=16).hexdigest()
    index = DeckIndex(tuple(entries), {e.key: e for e in entries}, digest)
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[id(deck)] = (deck, index)
    return index


def deck_keys(deck: Deck) -> dict[str, Entry]:
    """Every schedule key of the deck (a mapping, so `key in deck_keys(deck)` is fast)."""
    return deck_index(deck).by_key
