"""The deck writer: texts that are whole numbers are written plain, as a teacher writes them, and read back as texts."""

from __future__ import annotations

import jsonschema

from quiz.deck.loader import load_text
from quiz.deck.model import Choice, Deck, Match, Option, Order, Source, TypedAnswer
from quiz.deck.schema import build_schema, editor_view
from quiz.deck.writer import dump

CARDS = (
    Choice(id="1", question="In which year?", answer="2000", distractors=(Option("1999"), Option("0", "zero"))),
    Match(id="2", question="Pairs", pairs=(("1", "one"), ("2", "two"))),
    Order(id="3", question="Smallest first", items=("2", "10", "02")),
    TypedAnswer(id="4", question="How many?", answer="7", alternatives=("seven", "1234567890123456")),
)
DECK = Deck(id="123", title="Numbers", version="1", cards=CARDS, source=Source(title="1984"))


def test_whole_numbers_are_written_plain_and_read_back_as_the_same_texts() -> None:
    text = dump(DECK)
    lines = text.splitlines()
    for line in ("  id: 123", "  version: 1", "    title: 1984", "  answer: 2000", "  - 1999", "  - text: 0", "    1: one", "  - 10"):
        assert line in lines, line
    # Not whole numbers as YAML reads them plainly: kept in quotes.
    assert "  - '02'" in lines and "  - '1234567890123456'" in lines
    assert load_text(text) == DECK
    assert list(jsonschema.Draft202012Validator(build_schema()).iter_errors(editor_view(text))) == []
