"""Schedule keys: the sides of a deck that are asked, each scheduled under its own key.

A card is scheduled under its id; a flashcard with `reverse: true` has a
second side asked back->front, scheduled under `<id>::reverse`. These keys are
part of what a checked deck is, so the compiled deck cache (`compiled.py`)
stores them, and the engine's deck index (`quiz.engine.keys`) reads them here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Card, Flashcard

REVERSE_SUFFIX = "::reverse"


def sides(card: Card) -> tuple[str, ...]:
    """The keys the card is scheduled under, in the order they are asked."""
    if isinstance(card, Flashcard) and card.reverse:
        return (card.id, card.id + REVERSE_SUFFIX)
    return (card.id,)


def signature(keys: Iterable[str]) -> str:
    """Changes whenever a deck's keys (or their order) do: it names the deck's new-card cursor in the store."""
    import hashlib  # here, not at the top: a deck read from the cache has its signature, and OpenSSL costs start-up

    digest = hashlib.blake2b(digest_size=16)
    first = True
    for key in keys:
        digest.update(key.encode() if first else b"\n" + key.encode())
        first = False
    return digest.hexdigest()
