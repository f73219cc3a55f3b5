"""The shipped JSON Schema: generated from the format, valid, and passed by every bundled deck."""

from __future__ import annotations

import json

import jsonschema
import pytest

from quiz.cli import main
from quiz.deck.files import find_deck_files
from quiz.deck.model import KINDS
from quiz.deck.schema import SCHEMA_FILE, build_schema, editor_view, shipped_schema
from quiz.paths import bundled_decks_dir

BUNDLED = find_deck_files([bundled_decks_dir()])


def test_shipped_schema_is_the_generated_one() -> None:
    assert shipped_schema() == build_schema(), "regenerate with: quiz schema > quiz/deck/deck.schema.json"


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(shipped_schema())
    assert shipped_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_offers_every_kind_with_descriptions() -> None:
    schema = shipped_schema()
    card = schema["$defs"]["card"]
    assert card["properties"]["kind"]["enum"] == list(KINDS)
    assert [rule["if"]["properties"]["kind"]["const"] for rule in card["allOf"]] == list(KINDS)
    for kind in KINDS:
        for name, prop in schema["$defs"][kind]["properties"].items():
            assert prop["description"], f"{kind}.{name} has no description"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_deck_passes_schema(path) -> None:  # type: ignore[no-untyped-def]
    validator = jsonschema.Draft202012Validator(shipped_schema())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(editor_view(path.read_text("utf-8")))]
    assert errors == []


def test_there_are_bundled_decks() -> None:
    assert any(p.name == "tour.en.yaml" for p in BUNDLED)


def test_schema_rejects_wrong_kind_fields() -> None:
    validator = jsonschema.Draft202012Validator(shipped_schema())
    deck = {
        "deck": {"id": "d", "title": "T"},
        "cards": [{"id": "c", "kind": "truefalse", "statement": "S", "answer": "yes"}],
    }
    assert not validator.is_valid(deck)
    deck["cards"][0]["answer"] = True
    assert validator.is_valid(deck)
    deck["cards"][0]["question"] = "Q"
    assert not validator.is_valid(deck)


def test_quiz_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == build_schema()
    assert main(["schema", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(SCHEMA_FILE)
