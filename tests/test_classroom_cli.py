"""The classroom commands on bad input: clear messages, no tracebacks, a non-zero status."""

from __future__ import annotations

from pathlib import Path

import pytest
from classroom_factory import PICKS_EXAMPLE, exam, student

from quiz.classroom import results
from quiz.cli import main
from quiz.deck.model import Deck, Flashcard
from quiz.deck.writer import dump


def test_export_with_nothing_to_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "results", "export", "--out", str(tmp_path / "out")]) == 1
    assert "no results to export" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "--profile", "zed", "results", "export"]) == 1
    assert "no profile named 'zed'" in capsys.readouterr().err


def test_report_without_results_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path)]) == 1
    assert f"no results files (*.quiz-results.jsonl) in {tmp_path}" in capsys.readouterr().err


def test_report_names_a_file_that_is_not_results_and_reports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results.write(student("ann", (exam(PICKS_EXAMPLE),)), tmp_path)
    stray = tmp_path / "notes.quiz-results.jsonl"
    stray.write_text("shopping list\n")
    assert main(["report", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert f"{stray}:1: is damaged or was edited: this line cannot be read" in out.out
    assert "JSON" not in out.out and "Expecting" not in out.out
    assert "Class report: 1 student, 1 test" in out.out


def test_exam_on_a_deck_without_gradable_cards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "flash.yaml"
    deck.write_text(dump(Deck(id="flash", title="Flash", cards=(Flashcard(id="a", front="a", back="b"),))))
    assert main(["--data-dir", str(tmp_path), "exam", str(deck), "--seed", "1"]) == 1
    assert "no questions that can be graded" in capsys.readouterr().err


def test_exam_options_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for bad in (["--time", "soon"], ["--questions", "0"], ["--questions", "many"]):
        with pytest.raises(SystemExit) as raised:
            main(["--data-dir", str(tmp_path), "exam", "tour-en", *bad])
        assert raised.value.code == 2
    err = capsys.readouterr().err
    assert "'soon' is not a time limit" in err and "needs at least one question" in err and "'many' is not a whole number" in err


def test_exam_on_a_missing_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "exam", str(tmp_path / "nope.yaml")]) == 1
    assert "nope.yaml" in capsys.readouterr().err
