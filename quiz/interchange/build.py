"""Harvests -> one deck that the deck loader accepts; cards it would refuse are skipped with their source place."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import field, replace
from pathlib import Path

from quiz.deck.datarecord import datarecord
from quiz.deck.errors import DeckError, Problem
from quiz.deck.loader import load_text
from quiz.deck.model import Card, Deck
from quiz.deck.writer import dump

from .harvest import Harvest, slug
from .text import one_line, tidy

IMPORTED_HEADER = "# Imported by `quiz import"


@datarecord(frozen=False)
class Imported:
    """The deck made, its YAML text, and what happened to every source card."""

    deck: Deck
    text: str
    harvests: list[Harvest]
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def kinds(self) -> Counter[str]:
        return Counter(card.kind for card in self.deck.cards)


def make_deck(harvests: list[Harvest], *, deck_id: str | None = None, title: str | None = None) -> Imported:
    """One deck of every harvest's cards, checked by the loader. DeckError when no card is left."""
    first = harvests[0]
    title = one_line(tidy(title or next((h.title for h in harvests if h.title), None) or "")) or Path(first.source).stem
    deck_id = deck_id or slug(title) or slug(Path(first.source).stem) or "imported"
    skipped = [p for h in harvests for p in h.skipped]
    warnings = [p for h in harvests for p in h.warnings]
    cards: list[Card] = []
    where: dict[str, Problem] = {}
    seen: Counter[str] = Counter()
    for harvest in harvests:
        for card, origin in zip(harvest.cards, harvest.places, strict=True):
            seen[card.id] += 1
            if seen[card.id] > 1:
                new_id = f"{card.id}-{seen[card.id]}"
                while new_id in seen:
                    seen[card.id] += 1
                    new_id = f"{card.id}-{seen[card.id]}"
                seen[new_id] += 1
                message = f"the id {card.id} is taken by an earlier card; this one is {new_id}"
                warnings.append(replace(origin, message=_at(origin, message)))
                card = replace(card, id=new_id)
            cards.append(_clean_tags(card))
            where[card.id] = origin
    description = "\n\n".join(h.description for h in harvests if h.description) or None
    deck = Deck(id=deck_id, title=title, cards=tuple(cards), description=description)
    text = dump(deck)
    kept = list(cards)
    while True:
        try:
            checked = load_text(text, "<imported>")
            break
        except DeckError as error:
            bad = _cards_refused(text, error)
            if not bad:  # a problem of the deck itself, not of a card
                raise DeckError([replace(p, path=first.source) for p in error.problems]) from None
            for index, message in bad.items():
                origin = where[kept[index].id]
                skipped.append(replace(origin, message=_at(origin, message)))
            kept = [card for i, card in enumerate(kept) if i not in bad]
            if not kept:
                raise DeckError(skipped or [Problem(first.source, 0, 0, "no cards could be made")]) from None
            deck = replace(deck, cards=tuple(kept))
            text = dump(deck)
    if not checked.cards:
        raise DeckError([Problem(first.source, 0, 0, "no cards could be made")])
    return Imported(checked, text, harvests, sorted(skipped), sorted(warnings))


def _at(origin: Problem, message: str) -> str:
    return f"{origin.message}: {message}" if origin.message else message


def _clean_tags(card: Card) -> Card:
    tags = tuple(dict.fromkeys(t for t in (one_line(tidy(tag)) for tag in card.tags) if t))
    return card if tags == card.tags else replace(card, tags=tags)


def _cards_refused(text: str, error: DeckError) -> dict[int, str]:
    """Which cards (by position) the loader refused, and why: each card of the written YAML starts
    with a `- id:` line, and a problem's line falls inside its card. Empty when a problem is not a card's."""
    starts = [number for number, line in enumerate(text.split("\n"), 1) if line.startswith("- id: ")]
    bad: dict[int, str] = {}
    for problem in error.problems:
        index = bisect.bisect_right(starts, problem.line) - 1
        if index < 0:
            return {}
        bad[index] = f"{bad[index]}; {problem.message}" if index in bad else problem.message
    return bad


def deck_file_text(imported: Imported, sources: list[str]) -> str:
    """The YAML to write: a header that names the sources and lets a later import replace the file."""
    names = " ".join(Path(source).name for source in sources)
    return f"{IMPORTED_HEADER}` from {names}: importing again replaces this file.\n" + imported.text


def was_imported(path: Path) -> bool:
    """Does the file start with the header `quiz import` writes (so it may be replaced)?"""
    try:
        with path.open("rb") as file:
            start = file.read(len(IMPORTED_HEADER.encode()) + 3)
    except OSError:
        return False
    return start.decode("utf-8", errors="replace").lstrip("\ufeff").startswith(IMPORTED_HEADER)
