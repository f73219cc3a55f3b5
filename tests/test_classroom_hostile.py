"""Hostile results files: the class report names each one with its reason and reports everybody else.

The corpus in `broken_results/` (see `results_corpus.py`) sits beside three good
files; a pipe, a 16 MB file and a file named with terminal escapes are added at
test time. No file may crash the report, stall it or reach the terminal raw.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from classroom_factory import exam, student
from results_corpus import CORPUS, EIGHT, GOOD, good_files, kept_reasons, make_unkeepable

from quiz.classroom import results
from quiz.classroom.report import build, build_from_paths
from quiz.classroom.report_tables import format_text, write_csv
from quiz.shown import shown

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def class_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Three good files, every kept hostile file and the ones made here; file name -> expected reason."""
    folder = tmp_path / "stick"
    folder.mkdir()
    good_files(folder)
    expected = kept_reasons()
    for name in expected:
        shutil.copy(CORPUS / name, folder / name)
    expected.update(make_unkeepable(folder))
    return folder, expected


def test_the_corpus_is_kept_as_the_generator_writes_it(tmp_path: Path) -> None:
    from results_corpus import write_kept

    write_kept(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in CORPUS.iterdir())
    assert (tmp_path / "reasons.txt").read_text(encoding="utf-8") == (CORPUS / "reasons.txt").read_text(encoding="utf-8")
    assert len(kept_reasons()) >= 25


def test_every_hostile_file_is_named_with_its_reason_and_the_three_pupils_are_reported(
    class_folder: tuple[Path, dict[str, str]],
) -> None:
    folder, expected = class_folder
    report = build_from_paths([folder])
    assert report.students == 3
    assert [s.profile for s in report.tests[0].students] == sorted(GOOD)
    by_name = {Path(e.path).name: e.reason for e in report.errors}
    assert sorted(by_name) == sorted(expected)
    for name, reason in expected.items():
        assert reason in by_name[name], (name, by_name[name])
    assert all(0 <= s.percent <= 100 for s in report.tests[0].students)


def test_quiz_report_on_the_folder_names_every_file_and_nothing_reaches_the_terminal_raw(
    class_folder: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, expected = class_folder
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "report.csv"
    run = subprocess.run(
        [sys.executable, "-m", "quiz", "report", str(folder), "--csv", str(out)],
        capture_output=True, timeout=60, env=env, check=False,
    )  # a pipe that blocked would time out here instead of stalling the suite
    assert run.returncode == 1  # some files could not be used
    text = run.stdout.decode("utf-8")
    assert "Traceback" not in run.stderr.decode("utf-8")
    assert "Class report: 3 students, 1 test" in text
    assert not any(ch in text for ch in "\x1b\x07\x9b\u202e"), "a control character reached the terminal"
    for name in expected:
        assert shown(name) in text, name
    assert "x_\\x1b]0;PWNED\\x07\\x1b]52;c;cHduZWQ=\\x07.quiz-results.jsonl" in text
    with out.open(encoding="utf-8", newline="") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert not any(ch in cell for cell in cells for ch in "\x1b\x07")


def test_a_forged_copy_of_a_sitting_is_flagged_and_never_preferred(tmp_path: Path) -> None:
    """A copy of Ann's sitting under another name with other answers: counted for neither, and said so."""
    import dataclasses

    ann_exam = exam(EIGHT)
    forged = dataclasses.replace(ann_exam, items=tuple(i._replace(seconds=1.0) for i in ann_exam.items))
    files = [
        results.write(student("ann", (ann_exam,)), tmp_path),
        results.write(student("Aaron", (forged,)), tmp_path),  # sorts first: the old rule counted it for Aaron
        results.write(student("ben", (exam({**EIGHT, "q3": "B"}),)), tmp_path),
    ]
    report = build_from_paths(files)
    assert [s.profile for s in report.tests[0].students] == ["ben"]
    [note] = [n for n in report.notes if "same test sitting" in n]
    assert "Aaron" in note and "ann" in note and "counted for neither" in note


def test_an_identical_copy_still_counts_once() -> None:
    sitting = exam(EIGHT)
    report = build([student("ann", (sitting,)), student("anna", (sitting,))])
    assert [s.profile for s in report.tests[0].students] == ["ann"]
    assert any("counted once, for ann" in n for n in report.notes)


def test_formulas_in_names_and_answers_are_plain_text_in_the_csv(tmp_path: Path) -> None:
    """OWASP's CSV injection: a cell starting with = + - @ (or a tab or return) is prefixed with '."""
    import dataclasses

    sitting = exam(EIGHT)
    item = sitting.items[0]._replace(prompt="+1+1", card_id="@SUM(A1)")
    sitting = dataclasses.replace(sitting, items=(item, *sitting.items[1:]), deck_title="-2+3")
    report = build([student('=HYPERLINK("http://evil.example","pwn")', (sitting,))])
    out = tmp_path / "report.csv"
    write_csv(report, out)
    with out.open(encoding="utf-8", newline="") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"pwn\")" in cells
    assert "'+1+1" in cells and "'@SUM(A1)" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [cell for cell in cells if cell.startswith("-") and not _is_number(cell)]
    assert "=HYPERLINK" in format_text(report)  # the terminal shows the name as it is


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links needed")
def test_unreadable_folders_and_link_loops_are_named_not_skipped(tmp_path: Path) -> None:
    good_files(tmp_path)
    (tmp_path / "loop").symlink_to(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        report = build_from_paths([tmp_path])
    finally:
        locked.chmod(0o700)
    assert report.students == 3
    reasons = {Path(e.path).name: e.reason for e in report.errors}
    assert "loop" in reasons and "a loop" in reasons["loop"]
    if os.geteuid() != 0:  # root reads every folder
        assert "locked" in reasons and "cannot be searched" in reasons["locked"]
