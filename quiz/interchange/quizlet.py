"""Quizlet exports -> flashcards: term and definition split by tab, comma or a string of your choice, cards by
newline, semicolon or a string of your choice (the two choices of Quizlet's export dialog)."""

from __future__ import annotations

from quiz.deck.model import Flashcard

from .harvest import Harvest, digest
from .text import tidy

TERM_SEPARATORS = {"tab": "\t", "comma": ","}
CARD_SEPARATORS = {"newline": "\n", "semicolon": ";"}


def read(text: str, name: str, term_separator: str | None = None, card_separator: str | None = None) -> Harvest:
    """Flashcards of a Quizlet export: term in front, definition on the back; the term keeps the card's id."""
    harvest = Harvest(name)
    terms = TERM_SEPARATORS.get(term_separator or "tab", term_separator or "\t")
    cards_by = CARD_SEPARATORS.get(card_separator or "newline", card_separator or "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    line = 1
    for chunk in text.split(cards_by):
        start = line + len(chunk) - len(chunk.lstrip("\n"))
        line += chunk.count("\n") + cards_by.count("\n")
        if not chunk.strip():
            continue
        if terms not in chunk:
            harvest.skip(f"no {_name(terms)} between term and definition", start)
            continue
        term, definition = (tidy(part) for part in chunk.split(terms, 1))
        if not term or not definition:
            harvest.skip("the term or the definition is empty", start)
            continue
        harvest.add(Flashcard(id=f"quizlet-{digest(term)}", front=term, back=definition), start)
    return harvest


def _name(separator: str) -> str:
    return {"\t": "tab", ",": "comma"}.get(separator, repr(separator))
