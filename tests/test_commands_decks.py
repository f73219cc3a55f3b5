"""`quiz play` and `quiz exam` given a deck that cannot be used: one clear line, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main


@pytest.mark.parametrize("command", ["play", "exam"])
def test_a_name_that_is_no_deck_has_no_file_position(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), command, "nonexistent"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nonexistent: no such deck file or bundled deck (bundled decks: ")
    assert "tour-en" in err and ":1:1:" not in err


@pytest.mark.parametrize("command", ["play", "exam"])
def test_a_missing_or_broken_file_keeps_its_position(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "x.yaml"
    assert main(["--data-dir", str(tmp_path), command, str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"{missing}:1:1: no such file"
    broken = tmp_path / "broken.yaml"
    broken.write_text("deck: {id: b, title: B}\ncards:\n  - id: c\n    kind: choise\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), command, str(broken)]) == 1
    assert capsys.readouterr().err.startswith(f"{broken}:4:11: unknown kind 'choise'")


@pytest.mark.parametrize("command", ["play", "exam"])
def test_a_facts_file_is_no_deck(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = Path(__file__).resolve().parent.parent / "decks" / "sources" / "petro-in-washington.facts.yaml"
    assert main(["--data-dir", str(tmp_path), command, str(facts)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{facts}: this is a facts file, not a deck: run `quiz generate {facts} -o DECK.yaml` to make a deck from it"
    )
    renamed = tmp_path / "petro.yaml"
    renamed.write_bytes(facts.read_bytes())
    assert main(["--data-dir", str(tmp_path), command, str(renamed)]) == 1
    err = capsys.readouterr().err  # found by its content: pointed at where the facts file's data starts
    assert err.startswith(f"{renamed}:") and ": this is a facts file, not a deck: run `quiz generate" in err
