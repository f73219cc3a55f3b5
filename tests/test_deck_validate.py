"""`quiz validate`: every problem as file:line:column: message, a summary, and the exit status."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.paths import bundled_decks_dir

TOUR = bundled_decks_dir() / "tour.en.yaml"
BROKEN = Path(__file__).with_name("broken_decks")
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args])
    return code, capsys.readouterr().out.splitlines()


def test_good_deck_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(TOUR))
    assert code == 0
    assert out == ["all good: 1 file, 14 cards in 1 good deck"]


def test_folder_with_broken_decks_reports_each_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(TOUR, tmp_path / "tour.yaml")
    shutil.copy(BROKEN / "unknown-field-typo.yaml", tmp_path / "typo.yaml")
    shutil.copy(BROKEN / "settings-bad-matching.yaml", tmp_path / "settings.yml")
    code, out = run(capsys, str(tmp_path))
    assert code == 1
    assert out[0].startswith(f"{tmp_path / 'settings.yml'}:10:15: 'matching' must be one of")
    assert out[3] == f"{tmp_path / 'typo.yaml'}:10:5: unknown field 'quesiton' in an answer card; did you mean 'question'?"
    assert out[-1] == "4 problems in 2 files (3 files, 14 cards in 1 good deck)"


def test_same_deck_id_twice_is_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(TOUR, tmp_path / "a.yaml")
    shutil.copy(TOUR, tmp_path / "b.yaml")
    code, out = run(capsys, str(tmp_path))
    assert code == 1
    line = next(i for i, text in enumerate(TOUR.read_text(encoding="utf-8").splitlines(), 1) if text == "  id: tour-en")
    assert out[0] == f"{tmp_path / 'b.yaml'}:{line}:7: deck id 'tour-en' is also used by {tmp_path / 'a.yaml'}; deck ids must be unique"
    assert out[-1] == "1 problem in 1 file (2 files, 14 cards in 1 good deck)"


def test_a_file_named_twice_is_checked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(TOUR, tmp_path / "one.yaml")
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys, str(tmp_path), "one.yaml", str(tmp_path / "one.yaml"), "./one.yaml")
    assert (code, out) == (0, ["all good: 1 file, 14 cards in 1 good deck"])


def test_missing_paths_and_empty_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == 1
    assert out[:2] == [
        f"{tmp_path}:1:1: no deck files (*.yaml, *.yml) in this folder",
        f"{tmp_path / 'nope.yaml'}:1:1: no such file",
    ]


def test_whole_corpus_never_tracebacks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(BROKEN))
    assert code == 1
    files = sorted(BROKEN.glob("*.yaml"))
    assert out[-1].endswith(f"in {len(files)} files ({len(files)} files, 0 cards in 0 good decks)")


def test_facts_files_are_checked_as_facts_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("schwebebahn.facts.yaml", "schwebebahn.de.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    good = tmp_path / "schwebebahn.facts.yaml"
    code, out = run(capsys, str(good))
    assert (code, out) == (0, ["all good: 1 file, 0 cards in 0 good decks, 1 good facts file"])
    # Folders hold facts files too; one found by its content, not its name, is read the same way.
    shutil.copy(TOUR, tmp_path / "tour.yaml")
    renamed = tmp_path / "sub" / "facts.yaml"
    renamed.parent.mkdir()
    renamed.write_text(good.read_text(encoding="utf-8").replace("file: schwebebahn.de.txt", "file: ../schwebebahn.de.txt"), encoding="utf-8")
    code, out = run(capsys, str(tmp_path))
    assert (code, out) == (0, ["all good: 3 files, 14 cards in 1 good deck, 2 good facts files"])
    text = good.read_text(encoding="utf-8")
    good.write_text(text.replace("relation: jumped_into", "relation: jumpd_into", 1), encoding="utf-8")
    code, out = run(capsys, str(good))
    line = next(i for i, t in enumerate(good.read_text(encoding="utf-8").splitlines(), 1) if "jumpd_into" in t)
    assert code == 1
    assert out[0] == f"{good}:{line}:15: fact 'tuffi': unknown relation 'jumpd_into'"
    assert out[-1].endswith("(1 file, 0 cards in 0 good decks)")
