"""`quiz lint`: every warning is found where the guide says, and nowhere in its fixed example or the bundled decks."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.files import bundled_decks
from quiz.deck.loader import load_text
from quiz.lint import CHECKS, lint_deck, places_of

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "decks.md").read_text(encoding="utf-8")
SECTIONS = dict(re.findall(r"^### `([a-z-]+)`: .*?\n(.*?)(?=^##)", GUIDE, flags=re.S | re.M))
HEAD = "deck: {id: lint, title: Lint}\ncards:\n"


def _deck_text(block: str) -> str:
    return HEAD + textwrap.indent(block, "  ")


def _examples(code: str) -> tuple[str, str]:
    before, after = re.findall(r"```yaml\n(.*?)```", SECTIONS[code], flags=re.S)[:2]
    return before, after


def test_the_guide_explains_every_warning() -> None:
    assert set(SECTIONS) == set(CHECKS)


@pytest.mark.parametrize("code", list(CHECKS))
def test_the_guides_before_example_warns_and_its_after_example_does_not(code: str) -> None:
    before, after = _examples(code)
    assert {f.code for f in lint_deck(load_text(_deck_text(before)))} == {code}
    assert lint_deck(load_text(_deck_text(after))) == []


def test_the_bundled_decks_lint_clean() -> None:
    decks = bundled_decks()
    assert {d.id for d in decks} >= {"petro-in-washington-de", "petro-in-washington-en", "tour-en"}
    for deck in decks:
        assert lint_deck(deck) == [], deck.id


WEAK = """\
deck: {id: weak, title: Weak}
cards:
  - id: capital
    kind: choice
    question: What is the capital of Colombia?
    answer: Bogotá
    distractors:
      - Medellín
      - Bogota
      - Cali
  - id: who
    kind: answer
    question: Who was mayor of Bogotá from 2012?
    answer: Gustavo Petro
"""


def test_warnings_point_at_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "weak.yaml"
    path.write_text(WEAK, encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{path}:9:9: warning: card 'capital': options 'Bogotá' and 'Bogota' are the same answer written twice [similar-options]",
        f"{path}:14:13: warning: card 'who': 'Gustavo Petro' is asked as a full name; add surname: true so 'Petro' counts too [no-surname]",
        "2 warnings (1 file, 2 cards); docs/decks.md explains each",
    ]
    assert main(["lint", "--strict", str(path)]) == 1


def test_places_fall_back_to_the_card() -> None:
    places = places_of(WEAK, "weak.yaml")
    assert places.of("capital") == (3, 5)
    assert places.of("capital", "hint") == (3, 5)
    assert places.of("capital", "option:Cali") == (10, 9)
    assert places.of("nowhere", "question") == (1, 1)


def test_clean_decks_exit_zero_even_when_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--strict", str(ROOT / "decks")]) == 0
    assert capsys.readouterr().out.startswith("no warnings: 4 files")  # the facts file too


def test_a_broken_deck_is_reported_not_linted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("deck: {id: b, title: B}\ncards:\n  - id: x\n    kind: answer\n    question: Q?\n", encoding="utf-8")
    facts = tmp_path / "x.facts.yaml"
    facts.write_text("languages: [de]\nfacts: []\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["lint", str(broken), str(facts), str(empty)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:3:5: an answer card is missing the required field 'answer'" in out
    assert f"{facts}:1:1: the facts file is missing the required field 'source'" in out
    assert f"{empty}:1:1: no deck files" in out
    assert "Traceback" not in out


def test_a_cloze_translated_from_its_quote_is_not_checked_against_it() -> None:
    deck = load_text(
        HEAD
        + "  - id: honour\n    kind: cloze\n    text: I love {{Colombia}}, he wrote.\n"
        + "    quote: „Eine große Ehre. Ich liebe Kolumbien.“\n"
    )
    assert lint_deck(deck) == []


def test_a_typed_answers_rivals_are_the_options_of_the_same_question() -> None:
    deck = load_text(
        HEAD
        + "  - {id: motto-answer, kind: answer, question: 'Make ... Great Again?', answer: Americas}\n"
        + "  - {id: motto-choice, kind: choice, question: 'Make ... Great Again!', answer: Americas,"
        + " distractors: [America, Colombia, Latin America]}\n"
    )
    found = lint_deck(deck)
    assert [(f.card, f.code) for f in found] == [("motto-answer", "typo-rival"), ("motto-choice", "similar-options")]


def test_a_facts_file_is_linted_through_the_decks_it_makes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning on a generated card points at the fact that makes it."""
    source = ROOT / "decks" / "sources"
    article = (source / "petro-in-washington.de.txt").read_text(encoding="utf-8")
    (tmp_path / "petro-in-washington.de.txt").write_text(article, encoding="utf-8")
    text = (source / "petro-in-washington.facts.yaml").read_text(encoding="utf-8")
    # A European city swapped for an American one: the options never mix the two.
    weak = text.replace("    avoid: [washington]\n", "    false: {city: new-york}\n")
    assert weak != text
    path = tmp_path / "petro.facts.yaml"
    path.write_text(weak, encoding="utf-8")
    assert main(["lint", "--strict", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    line = next(n for n, row in enumerate(weak.splitlines(), 1) if row == "  - id: paris")
    assert out[0] == (
        f"{path}:{line}:5: warning: de card 'paris-false': false only by swapping 'Paris' for 'New York',"
        " which is not the same kind of thing (see 'paris-true') [swapped-type]"
    )
    assert out[1].startswith(f"{path}:{line}:5: warning: en card 'paris-false'")
    assert out[2].startswith("2 warnings (1 file, 396 cards)")
