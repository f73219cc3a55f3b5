"""The corpus of broken decks: every file names the problems the loader must report.

Each file in `broken_decks/` starts with comment lines:
`# expect: LINE:COLUMN: message` (one per problem) and `# schema: rejects`,
`accepts` (a rule beyond what JSON Schema can say) or `cannot read` (not YAML at all).
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.deck.errors import DeckError
from quiz.deck.loader import load_deck
from quiz.deck.schema import build_schema, editor_view

CORPUS = Path(__file__).with_name("broken_decks")
FILES = sorted(CORPUS.glob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(build_schema())


def header(path: Path, key: str) -> list[str]:
    prefix = f"# {key}: ".encode()
    return [line[len(prefix) :].decode() for line in path.read_bytes().splitlines() if line.startswith(prefix)]


def test_corpus_is_large_enough() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_loader_reports_expected_problems(path: Path) -> None:
    expected = header(path, "expect")
    assert expected, f"{path.name} states no expected problem"
    with pytest.raises(DeckError) as info:
        load_deck(path)
    assert [f"{p.line}:{p.column}: {p.message}" for p in info.value.problems] == expected
    assert {p.path for p in info.value.problems} == {str(path)}
    assert str(info.value).splitlines() == [f"{path}:{line}" for line in expected]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_schema_agrees_with_loader(path: Path) -> None:
    (verdict,) = header(path, "schema")
    if verdict == "cannot read":
        # PyYAML's constructor fails on some tagged scalars (`!!bool maybe`, a bare `!!int`) with plain exceptions
        with pytest.raises((yaml.YAMLError, UnicodeDecodeError, ValueError, LookupError, AttributeError)):
            editor_view(path.read_bytes().decode("utf-8"))
        return
    # the first error is enough to reject (the alias bomb has billions of nodes to check after it)
    error = next(VALIDATOR.iter_errors(editor_view(path.read_text(encoding="utf-8"))), None)
    assert verdict in ("rejects", "accepts")
    assert (error is not None) == (verdict == "rejects"), error and error.message[:500]
