"""Schedule keys: what progress is stored under, and which cards are siblings.

A card is scheduled under its id; a flashcard with `reverse: true` has a
second side asked back->front, scheduled under `<id>::reverse`
(`quiz.deck.sides`). Siblings (the two sides of a flashcard, or cards sharing
a `fact`) are never asked on the same day: one would give the other away.

A deck read from the compiled cache keeps its keys on disk, indexed; its index
here asks for the few a session needs (`CompiledIndex`), so building a queue
costs the same at 100,000 cards as at 15.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import NamedTuple, Protocol, overload

from quiz.deck.compiled import CompiledCards
from quiz.deck.datarecord import datarecord
from quiz.deck.model import Card, Deck, Flashcard
from quiz.deck.sides import sides
from quiz.deck.sides import signature as keys_signature

_CACHE_SIZE = 16


class Entry(NamedTuple):
    """One askable side of a card."""

    key: str
    card: Card
    reverse: bool
    position: int  # in the deck's keys


class Side(NamedTuple):
    """An askable side as a queue first needs it: where it is and who its siblings are, its card read when asked."""

    key: str
    position: int  # in the deck's keys
    card_id: str
    fact: str | None

    @property
    def group(self) -> str:
        return _group(self.card_id, self.fact)


class DeckIndex(Protocol):
    """A deck's askable sides in deck order; `signature` changes whenever the keys do."""

    @property
    def keys(self) -> Sequence[str]: ...
    @property
    def signature(self) -> str: ...
    @property
    def positions(self) -> dict[str, int]: ...
    def __len__(self) -> int: ...
    def entry(self, position: int) -> Entry: ...
    def get(self, key: str) -> Entry | None: ...
    def sides_of(self, keys: Sequence[str]) -> dict[str, Side]:
        """The sides of those of `keys` the deck has, their cards not yet read."""
        ...


@datarecord
class MemoryIndex:
    """The index of a deck held in memory.

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

    def sides_of(self, keys: Sequence[str]) -> dict[str, Side]:
        found = {}
        for key in keys:
            position = self.positions.get(key)
            if position is not None:
                card = self.cards[position]
                found[key] = Side(key, position, card.id, card.fact)
        return found


class _CompiledKeys(Sequence[str]):
    """A compiled deck's keys, read from its file a slice at a time."""

    def __init__(self, cards: CompiledCards):
        self._cards = cards

    def __len__(self) -> int:
        return self._cards.side_count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            keys = self._cards.side_keys(start, stop) if start < stop else []
            return keys if step == 1 else keys[::step]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("key position out of range")
        return self._cards.side(position)[0]

    def __iter__(self) -> Iterator[str]:
        return self._cards.all_side_keys()


class CompiledIndex:
    """The index of a deck read from the compiled cache: one indexed query per key or slice asked."""

    def __init__(self, cards: CompiledCards):
        self._cards = cards
        self.keys: Sequence[str] = _CompiledKeys(cards)
        self.signature = cards.signature

    def __len__(self) -> int:
        return self._cards.side_count

    @cached_property
    def positions(self) -> dict[str, int]:
        """Every key with its position, read whole the first time it is asked for (counts over the whole deck)."""
        return self._cards.side_positions()

    def entry(self, position: int) -> Entry:
        key, card = self._cards.side(position)
        return Entry(key, card, key != card.id, position)

    def get(self, key: str) -> Entry | None:
        position = self._cards.side_position(key)
        return None if position is None else self.entry(position)

    def sides_of(self, keys: Sequence[str]) -> dict[str, Side]:
        return {key: Side(key, *found) for key, found in self._cards.sides_of(keys).items()}


_cache: dict[int, tuple[Deck, DeckIndex]] = {}


def sibling_group(card: Card) -> str:
    """Cards with the same group are not shown on the same day."""
    return _group(card.id, card.fact)


def _group(card_id: str, fact: str | None) -> str:
    return f"fact:{fact}" if fact else f"card:{card_id}"


def deck_index(deck: Deck) -> DeckIndex:
    """The deck's index, computed once per deck object (decks are immutable)."""
    hit = _cache.get(id(deck))
    if hit is not None and hit[0] is deck:
        return hit[1]
    cards = deck.cards
    index: DeckIndex = CompiledIndex(cards) if isinstance(cards, CompiledCards) else _memory_index(cards)
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[id(deck)] = (deck, index)
    return index


def _memory_index(cards: tuple[Card, ...]) -> MemoryIndex:
    keys = [card.id for card in cards]
    if any(isinstance(card, Flashcard) and card.reverse for card in cards):
        pairs = [(side, card) for card in cards for side in sides(card)]
        keys, cards = [key for key, _ in pairs], tuple(card for _, card in pairs)
    return MemoryIndex(tuple(keys), cards, {key: i for i, key in enumerate(keys)}, keys_signature(keys))


def deck_keys(deck: Deck) -> dict[str, int]:
    """Every schedule key of the deck, with its position (a mapping, so `key in deck_keys(deck)` is fast)."""
    return deck_index(deck).positions
