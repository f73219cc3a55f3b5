"""What an export kept: the file's content and, per card, what the format could not hold."""

from __future__ import annotations

from dataclasses import field

from quiz.deck.datarecord import datarecord


@datarecord(frozen=False)
class Exported:
    """An export's bytes, with the cards left out and the parts lost, each naming the card id."""

    data: bytes
    cards: int = 0
    left_out: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
