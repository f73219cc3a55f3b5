"""`quiz generate -o`: a teacher's facts file, article and hand-written decks are never written over."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_generate_facts import FACTS, write

from quiz.cli import main
from quiz.deck.loader import load_deck
from quiz.generate import load_facts, render_deck
from quiz.generate.output import write_atomically
from quiz.paths import bundled_decks_dir


def generate(*args: str) -> int:
    return main(["generate", *args])


def test_the_facts_file_and_its_article_are_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = write(tmp_path, FACTS)
    article = tmp_path / "article.txt"
    kept = {path: path.read_bytes() for path in (facts, article)}
    for target in (facts, article):
        for force in ((), ("--force",)):
            assert generate(str(facts), "-o", str(target), *force) == 1
            err = capsys.readouterr().err.strip()
            assert err.startswith(f"{target}: is the ")
            assert f"e.g. -o {tmp_path / 'small.de.yaml'}" in err
    # The same files reached by another spelling of their path.
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert generate(str(facts), "-o", "../sub/../article.txt") == 1
    assert "is the article the facts file quotes" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in kept} == kept


def test_a_hand_written_file_is_kept_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = write(tmp_path, FACTS)
    mine = tmp_path / "small.de.yaml"
    mine.write_text("deck: {id: mine, title: Mine}\ncards: []\n", encoding="utf-8")
    assert generate(str(facts), "-o", str(mine)) == 1
    assert capsys.readouterr().err.strip() == (
        f"{mine}: already exists and was not written by `quiz generate`; choose another file, or add --force to replace it"
    )
    assert mine.read_text(encoding="utf-8").startswith("deck: {id: mine")
    assert generate(str(facts), "-o", str(mine), "--force") == 0
    assert load_deck(mine).id == "small-de"


def test_a_generated_deck_is_regenerated_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = write(tmp_path, FACTS)
    deck = tmp_path / "small.en.yaml"
    assert generate(str(facts), "--language", "en", "-o", str(deck)) == 0
    deck.write_text(deck.read_text(encoding="utf-8") + "# a stale line\n", encoding="utf-8")
    assert generate(str(facts), "--language", "en", "-o", str(deck)) == 0
    assert deck.read_text(encoding="utf-8") == render_deck(load_facts(facts), "en", deck)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_folder_is_no_deck_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = write(tmp_path, FACTS)
    assert generate(str(facts), "-o", str(tmp_path)) == 1
    assert capsys.readouterr().err.startswith(f"{tmp_path}: is a folder; name the deck file")


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("old\n", encoding="utf-8")

    with pytest.raises(TypeError):
        write_atomically(target, 42)  # type: ignore[arg-type]  # fails after the temporary file is made
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml"]
    write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_deck_given_as_facts_file_is_named_so(capsys: pytest.CaptureFixture[str]) -> None:
    deck = bundled_decks_dir() / "tour.en.yaml"
    assert generate(str(deck)) == 1
    assert capsys.readouterr().err.strip() == (
        f"{deck}: this is a deck, not a facts file (*.facts.yaml, see docs/facts.md); check a deck with `quiz validate`"
    )
