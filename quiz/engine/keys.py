"""Schedule keys: what progress is stored under, and which cards are siblings.

A card is scheduled under its id; a flashcard with `reverse: true` has a
second side asked back->front, scheduled under `<id>::reverse`. Siblings (the
two sides of a flashcard, or cards sharing a `fact`) are never asked on the
same day: one would give the other away.
"""

from __future__ import annotations

from quiz.deck.model import Card, Deck, Flashcard

from .presentation import REVERSE_SUFFIX

_cache: dict[int, tuple[Deck, tuple[tuple[str, Card, bool], ...]]] = {}
_CACHE_SIZE = 16


def sibling_group(card: Card) -> str:
    """Cards with the same group are not shown on the same day."""
    return f"fact:{card.fact}" if card.fact else f"card:{card.id}"


def deck_entries(deck: Deck) -> tuple[tuple[str, Card, bool], ...]:
    """(key, card, reverse) for every askable side of every card, in deck order; cached per deck object."""
    hit = _cache.get(id(deck))
    if hit is not None and hit[0] is deck:
        return hit[1]
    entries: list[tuple[str, Card, bool]] = []
    for card in deck.cards:
        entries.append((card.id, card, False))
        if isinstance(card, Flashcard) and card.reverse:
            entries.append((card.id + REVERSE_SUFFIX, card, True))
    result = tuple(entries)
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[id(deck)] = (deck, result)
    return result


def deck_keys(deck: Deck) -> frozenset[str]:
    return frozenset(key for key, _, _ in deck_entries(deck))
