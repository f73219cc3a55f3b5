"""The examples in the teachers' guide are valid decks (or cards)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from quiz.deck.loader import load_text

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "decks.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
CARD_BLOCKS = [b for b in BLOCKS if b.startswith("- id:")]
DECK_BLOCKS = [b for b in BLOCKS if "\ncards:" in b or b.startswith("x-")]


def test_guide_has_an_example_of_every_kind() -> None:
    kinds = {m for b in CARD_BLOCKS for m in re.findall(r"^  kind: (\w+)", b, flags=re.M)}
    assert kinds == {"flashcard", "choice", "multi", "truefalse", "answer", "number", "cloze", "order", "match"}


@pytest.mark.parametrize("block", CARD_BLOCKS, ids=lambda b: b.split("\n")[0])
def test_card_examples_load(block: str) -> None:
    deck = load_text("deck: {id: guide, title: Guide}\ncards:\n" + textwrap.indent(block, "  "))
    assert deck.cards


@pytest.mark.parametrize("block", DECK_BLOCKS, ids=lambda b: b.split("\n")[0])
def test_deck_examples_load(block: str) -> None:
    assert load_text(block).cards
