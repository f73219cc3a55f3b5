"""The JSON Schema of deck files, generated from the format declarations.

`deck.schema.json` beside this module is the generated file that ships with
the package (editors point at it); a test keeps it equal to `build_schema()`.
Regenerate it with `quiz schema > quiz/deck/deck.schema.json`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .format import CARD_SETTINGS, CARDS, COMMON, DECK_SETTINGS, OPTION, RANGE, SOURCE, TEXT_SCHEMA, TOP
from .model import GAP_RE, KINDS

if TYPE_CHECKING:
    from .format import JSON

SCHEMA_FILE = Path(__file__).with_name("deck.schema.json")
SCHEMA_ID = "https://quiz.invalid/deck.schema.json"

# What the field-by-field declarations cannot say, per kind.
_RULES: dict[str, list[JSON]] = {
    "choice": [
        {"oneOf": [{"required": ["distractors"]}, {"required": ["options"]}]},
        {"properties": {"distractors": {"minItems": 1}, "options": {"minItems": 2}}},
    ],
    "multi": [{"not": {"required": ["distractors", "options"]}}],
    "number": [{"oneOf": [{"required": ["answer"]}, {"required": ["range"]}]}],
    "cloze": [{"properties": {"text": {"pattern": GAP_RE.pattern.replace(".*?", "[^{}|]*[^{}|\\s][^{}]*")}}}],
}


def build_schema() -> JSON:
    """Draft 2020-12 schema: the file's shape, then one definition per card kind chosen by `kind`."""
    defs: JSON = {"text": TEXT_SCHEMA}
    for record in (OPTION, RANGE, SOURCE, DECK_SETTINGS, CARD_SETTINGS):
        assert record.def_name is not None
        defs[record.def_name] = record.definition()
    for kind, record in CARDS.items():
        definition = record.schema()
        definition["title"] = f"{kind} card"
        if kind in _RULES:
            definition["allOf"] = _RULES[kind]
        defs[kind] = definition
    common = {f.name: {"description": f.description, **f.type.schema()} for f in COMMON[:2]}
    defs["card"] = {
        "type": "object",
        "description": "A card; its 'kind' decides the other fields.",
        "required": ["id", "kind"],
        "properties": common,
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": f"#/$defs/{kind}"},
            }
            for kind in KINDS
        ],
    }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "quiz deck",
        "description": "A deck of quiz cards. See docs/decks.md, the teachers' guide.",
        **TOP.schema(),
        "$defs": defs,
    }
    return schema


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema() -> JSON:
    """The schema file as shipped."""
    shipped: JSON = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return shipped


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML the way a YAML language server hands it to JSON Schema: dates stay text."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_view(text: str) -> Any:
    """The data of a YAML document as an editor validates it against the schema."""
    return yaml.load(text, Loader=_EditorLoader)
