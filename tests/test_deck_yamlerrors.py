"""YAML mistakes beyond the broken-deck corpus: each told in plain words at the place to edit."""

from __future__ import annotations

import pytest

from quiz.deck.errors import DeckError
from quiz.deck.loader import load_text

CASES = [
    ("deck:\n  id: d\n  title: @home\n", "3:10", "a text cannot start with '@'; put it in quotes"),
    ("deck:\n  id: d\n  title: *star\n", "3:10", "a text starting with '*' must be in quotes"),
    ("deck:\n  id: d\n%title: T\n", "3:1", "a line cannot start with '%'; put the text in quotes"),
    ("cards:\n  -\tid: c\n", "2:4", "there is a tab here; YAML needs spaces, not tabs, between its parts"),
    ("deck:\n  id: d\n  title: 'It''s open\n", "3:10", "a quote opened on line 3 is never closed; end the text with a matching '"),
    ("deck:\n  id: d\n  title: {de: T\ncards: []\n", "3:10", "the '{' on line 3 is never closed with '}' (or a ',' is missing)"),
    ("deck: " + "[" * 20000 + "]" * 20000, "1:", "the brackets or indented parts are nested too deeply"),
]


@pytest.mark.parametrize(("text", "place", "message"), CASES, ids=[c[2][:30] for c in CASES])
def test_yaml_mistakes_in_plain_words(text: str, place: str, message: str) -> None:
    with pytest.raises(DeckError) as info:
        load_text(text, "d.yaml")
    (problem,) = info.value.problems
    assert f"{problem.line}:{problem.column}".startswith(place)
    assert problem.message.startswith(f"YAML syntax error: {message}")
    for jargon in ("scalar", "stream", "token"):
        assert jargon not in problem.message
