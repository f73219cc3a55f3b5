"""A card's explanation and its source quote, credited with the article's title and date."""

from __future__ import annotations

from textual.content import Content

from quiz.deck.model import Card, Deck, Source

from ..texts import _


def citation(source: Source | None) -> str | None:
    """`Title, 2024-05-01` (`Title, 1.5.2024` in German; whatever of the two is known)."""
    if source is None:
        return None
    day = _("{date:%Y-%m-%d}").format(date=source.date) if source.date else None
    parts = [p for p in (source.title, day) if p]
    return ", ".join(parts) or None


def notes_content(deck: Deck, card: Card) -> Content | None:
    """Explanation, then the quote and where it comes from; None when the card has neither."""
    lines: list[Content] = []
    if card.explain:
        lines.append(Content(card.explain))
    if card.quote:
        lines.append(Content.assemble((_("“"), "italic"), (card.quote, "italic"), (_("”"), "italic")))
        cite = citation(deck.source)
        if cite:
            lines.append(Content.assemble(("— ", "dim"), (cite, "dim")))
    return Content("\n").join(lines) if lines else None
