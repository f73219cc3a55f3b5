"""Every per-kind table of the code knows every card kind, and no other.

Dispatches written as `match card:` end in `assert_never`, so mypy finds a
forgotten kind there; the tables below are walked here instead.
"""

from __future__ import annotations

import dataclasses
import typing

import pytest

from quiz.deck import cards, format, schema
from quiz.deck.model import CARD_TYPES, Card, written_fields
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
        pytest.param(lambda: format.KIND_FIELDS, id="format.KIND_FIELDS"),
        pytest.param(lambda: {rule["if"]["properties"]["kind"]["const"]: rule for rule in card_schema()["allOf"]}, id="schema"),
        pytest.param(lambda: __import__("quiz.tui.widgets.answers", fromlist=["WIDGETS"]).WIDGETS, id="tui WIDGETS"),
    ],
)
def test_a_per_kind_table_knows_every_kind(table: typing.Callable[[], typing.Mapping[str, object]]) -> None:
    assert set(table()) == set(CARD_TYPES)


def test_every_field_of_every_kind_says_how_it_is_written() -> None:
    """A field without a declaration could be neither read from a deck file nor written to one."""
    for card_type in CARD_TYPES.values():
        declared = {f.name for f, _ in written_fields(card_type)}
        assert {f.name for f in dataclasses.fields(card_type)} - declared == {"line"}, card_type.kind
        assert all(how.format in format.FORMATS for _, how in written_fields(card_type)), card_type.kind


def test_the_cross_field_checks_are_for_kinds_that_exist() -> None:
    assert set(cards.CHECKS) <= set(CARD_TYPES)
    assert set(format.ALSO_WRITTEN) <= set(CARD_TYPES)
