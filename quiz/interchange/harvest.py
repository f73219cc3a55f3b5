"""What a reader makes of one file: cards, plus everything it skipped or could not keep, with the place."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import field

from quiz.deck.datarecord import datarecord
from quiz.deck.errors import Problem
from quiz.deck.model import Card


@datarecord(frozen=False)
class Harvest:
    """Cards read from one file, in file order; `places[i]` is where `cards[i]` stands in the source."""

    source: str
    title: str | None = None
    description: str | None = None
    cards: list[Card] = field(default_factory=list)
    places: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def add(self, card: Card, line: int = 0, note: str | None = None) -> None:
        self.cards.append(card)
        self.places.append(self.place(line, note, ""))

    def skip(self, message: str, line: int = 0, note: str | None = None) -> None:
        self.skipped.append(self.place(line, note, message))

    def warn(self, message: str, line: int = 0, note: str | None = None) -> None:
        self.warnings.append(self.place(line, note, message))

    def place(self, line: int, note: str | None, message: str) -> Problem:
        """A place in this file: a line, or (in a package) a note's id."""
        if note is not None:
            message = f"note {note}: {message}" if message else f"note {note}"
        return Problem(self.source, line, 1 if line else 0, message)


def digest(*parts: str, size: int = 5) -> str:
    """A short stable hash of texts (hex), for ids that must survive a re-import."""
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=size).hexdigest()


def slug(text: str, limit: int = 48) -> str:
    """`Grant's Tomb` -> `grants-tomb`: an id made of what a title says ('' when nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.replace("'", "").lower()).strip("-")
    return words[:limit].strip("-")
