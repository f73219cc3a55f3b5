"""Every per-kind table of the code knows every card kind, and no other.

Dispatches written as `match card:` end in `assert_never`, so mypy finds a
forgotten kind there; the tables below are walked here instead.
"""

from __future__ import annotations

import typing

import pytest

from quiz.deck import cards, format, schema
from quiz.deck.model import CARD_TYPES, Card
from quiz.deck.schema import build_schema


def card_schema() -> dict[str, typing.Any]:
    card: dict[str, typing.Any] = build_schema()["$defs"]["card"]
    return card


def test_the_schemas_own_rules_are_for_kinds_that_exist() -> None:
    assert set(schema._RULES) <= set(CARD_TYPES)


def test_the_card_union_is_the_kinds_registry() -> None:
    assert set(typing.get_args(Card)) == set(CARD_TYPES.values())
    assert all(cls.kind == kind for kind, cls in CARD_TYPES.items())


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(lambda: format.CARDS, id="format.CARDS"),
        pytest.param(lambda: cards.BUILDERS, id="cards.BUILDERS"),
        pytest.param(lambda: {rule["if"]["properties"]["kind"]["const"]: rule for rule in card_schema()["allOf"]}, id="schema"),
        pytest.param(lambda: __import__("quiz.tui.widgets.answers", fromlist=["WIDGETS"]).WIDGETS, id="tui WIDGETS"),
    ],
)
def test_a_per_kind_table_knows_every_kind(table: typing.Callable[[], typing.Mapping[str, object]]) -> None:
    assert set(table()) == set(CARD_TYPES)
