"""Deck model -> YAML, in the same shape a teacher writes by hand.

Default values are left out so generated decks stay short and diff well;
`loader.load_text(dump(deck)) == deck` holds for every valid deck.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, fields
from typing import Any

import yaml

from .durations import format_duration
from .format import COMMON_NAMES, FORMATS
from .model import CardBase, Deck, Settings, Source, written_fields


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line strings as literal blocks for readable diffs."""


WHOLE_NUMBER_RE = re.compile(r"0|[1-9][0-9]{0,14}")  # exact as a number in any editor


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Multi-line texts as literal blocks; a text that is a whole number written plain.

    The loader keeps every text as written, so `version: 1` and `answer: 2000`
    read back as the texts "1" and "2000": the quotes YAML would add are noise
    (and the docs show such values without them).
    """
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    if WHOLE_NUMBER_RE.fullmatch(data):
        return dumper.represent_scalar("tag:yaml.org,2002:int", data)
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_presenter)


def settings_data(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if f.name.endswith("_steps"):
            value = [format_duration(step) for step in value]
        out[f.name] = value
    return out


def _source_data(source: Source) -> dict[str, Any]:
    return {f.name: getattr(source, f.name) for f in fields(source) if getattr(source, f.name) is not None}


def card_data(card: CardBase) -> dict[str, Any]:
    """One card as a plain mapping, as its fields are declared: id and kind first, the fields every card has last.

    A field left at its default is not written.
    """
    out: dict[str, Any] = {"id": card.id, "kind": card.kind}
    common: dict[str, Any] = {}
    for f, how in written_fields(type(card)):
        if f.name == "id":
            continue
        value = getattr(card, f.name)
        if value is None or (f.default is not MISSING and value == f.default):
            continue
        dumped = FORMATS[how.format].dump(value)
        if dumped == {}:  # settings with nothing set
            continue
        (common if f.name in COMMON_NAMES else out)[f.name] = dumped
    return {**out, **common}


def deck_data(deck: Deck) -> dict[str, Any]:
    head: dict[str, Any] = {"id": deck.id, "title": deck.title, "version": deck.version}
    for name in ("language", "description", "author"):
        if getattr(deck, name) is not None:
            head[name] = getattr(deck, name)
    if deck.source is not None:
        head["source"] = _source_data(deck.source)
    if deck.tags:
        head["tags"] = list(deck.tags)
    settings = settings_data(deck.settings)
    if settings:
        head["settings"] = settings
    return {"deck": head, "cards": [card_data(card) for card in deck.cards]}


def dump(deck: Deck) -> str:
    """The deck as YAML text."""
    return yaml.dump(
        deck_data(deck), Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
