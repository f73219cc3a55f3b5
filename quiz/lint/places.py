"""Where a card's fields stand in its deck file, so a warning can name line and column.

The deck model keeps one line per card; a warning about a card's hint or its
third option should point there instead, as a teacher's editor would.
"""

from __future__ import annotations

from dataclasses import field

from quiz.deck.datarecord import datarecord
from quiz.deck.yamlnodes import MappingNode, Node, ScalarNode, SequenceNode, compose


@datarecord
class Places:
    """Card id -> field name -> (line, column), both counted from 1; an option is `option:<its text>`."""

    fields: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    cards: dict[str, tuple[int, int]] = field(default_factory=dict)

    def of(self, card_id: str, field_name: str | None = None) -> tuple[int, int]:
        """The place of a card's field; the card itself if the field is not written out; (1, 1) if unknown."""
        if field_name is not None and field_name in self.fields.get(card_id, {}):
            return self.fields[card_id][field_name]
        return self.cards.get(card_id, (1, 1))


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def places_of(text: str, path: str) -> Places:
    """The places of every card's fields in a deck's text (the text is known to load)."""
    root = compose(text, path)
    places = Places()
    if not isinstance(root, MappingNode):
        return places
    cards = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "cards"), None)
    if not isinstance(cards, SequenceNode):
        return places
    for card in cards.value:
        if not isinstance(card, MappingNode):
            continue
        by_key = {k.value: v for k, v in card.value if isinstance(k, ScalarNode)}
        ident = by_key.get("id")
        if not isinstance(ident, ScalarNode):
            continue
        places.cards[ident.value] = _mark(card)
        found = {key: _mark(value) for key, value in by_key.items()}
        for key in ("distractors", "options"):
            options = by_key.get(key)
            for option in options.value if isinstance(options, SequenceNode) else ():
                label: Node = option
                if isinstance(option, MappingNode):
                    label = next((v for k, v in option.value if isinstance(k, ScalarNode) and k.value == "text"), option)
                if isinstance(label, ScalarNode):
                    found[f"option:{label.value}"] = _mark(option)
        places.fields[ident.value] = found
    return places
