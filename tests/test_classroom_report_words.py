"""The report for teachers: every sitting shown, missed questions by text, partial credit, German and its CSV."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from classroom_factory import exam, student

from quiz.classroom import results
from quiz.classroom.report import build
from quiz.classroom.report_tables import format_text, write_csv
from quiz.cli import main
from quiz.i18n import use_language

ALL_RIGHT = {"q1": "Paris", "q2": "Y", "q3": "A", "q4": "yes"}
SOME_WRONG = {"q1": "Lyon", "q2": "Y", "q3": "B", "q4": "yes"}


def half_right(record):
    """q3 worth half a mark, as a multi-select with one of two right picks."""
    items = list(record.items)
    items[2] = items[2]._replace(correct=False, score=0.5)
    return dataclasses.replace(record, items=tuple(items))


def test_every_sitting_is_shown_and_a_retake_is_flagged_not_counted() -> None:
    first = exam(SOME_WRONG)
    second = exam(ALL_RIGHT, started=first.started_at + dt.timedelta(hours=1))
    report = build([student("ann", (first, second)), student("ben", (exam(ALL_RIGHT),))])
    (test,) = report.tests
    assert [(s.profile, s.score) for s in test.students] == [("ann", 2), ("ben", 4)]  # the first sitting counts
    assert [(s.profile, s.sitting, s.score) for s in test.retakes] == [("ann", 2, 4)]
    text = format_text(report)
    rows = [line.split() for line in text.splitlines() if line.startswith("ann ")]
    assert [row[:3] for row in rows] == [["ann", "1", "2"], ["ann", "2", "(retake)"]]
    assert any("ann sat capitals version 1, seed class-7b again (sitting 2)" in note for note in report.notes)
    assert test.questions[0].attempts == 2  # the retake is not in the statistics


def test_missed_questions_are_named_by_text_and_partial_credit_is_said() -> None:
    report = build([student("ann", (half_right(exam(SOME_WRONG)),))])
    (row,) = report.tests[0].students
    assert row.score == 2.5
    text = format_text(report)
    assert "1 Question q1?; 3 Question q3? (partly, 0.5)" in text
    assert "q1, q3" not in text


def test_the_german_report_and_its_csv_open_in_a_german_spreadsheet(tmp_path: Path) -> None:
    report_in = tmp_path / "in"
    for name, picks in (("ann", ALL_RIGHT), ("ben", SOME_WRONG), ("cat", ALL_RIGHT)):
        results.write(student(name, (half_right(exam(picks)) if name == "ben" else exam(picks),)), report_in)
    use_language("de")
    report = build([results.read(p) for p in sorted(report_in.iterdir())])
    text = format_text(report)
    assert "Lösungsquote" in text and "Trennschärfe" in text and "Versuch" in text
    assert "0,67" in text and "0.67" not in text
    assert "(teilweise, 0,5)" in text
    out = tmp_path / "report.csv"
    write_csv(report, out, "excel-de")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the umlauts right
    rows = list(csv.reader(out.open(encoding="utf-8-sig"), delimiter=";"))
    header = rows.index(["#", "Karte", "Frage", "Lösungsquote", "Trennschärfe", "Auffällig", "Falsche Antworten"])
    assert rows[header + 1][:4] == ["1", "q1", "Question q1?", "0,6667"]  # a number to the spreadsheet
    student_header = next(i for i, r in enumerate(rows) if r[:2] == ["Name", "Versuch"])
    ben = next(r for r in rows[student_header:] if r[:1] == ["ben"])
    assert ben[2] == "2,5" and ben[6] == "nein"


def test_the_command_line_speaks_german_and_writes_the_german_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results.write(student("ann", (exam(SOME_WRONG),)), tmp_path / "in")
    out = tmp_path / "report.csv"
    assert main(["--lang", "de", "report", str(tmp_path / "in"), "--csv", str(out)]) == 0
    printed = capsys.readouterr()
    assert "Klassenbericht: 1 Schülerin oder Schüler, 1 Test" in printed.out
    assert "Was die Begriffe bedeuten" in printed.out
    assert f"CSV geschrieben: {out}" in printed.err
    assert ";" in out.read_text(encoding="utf-8-sig").splitlines()[2]
    use_language("en")
    assert main(["--lang", "de", "report", str(tmp_path / "in"), "--csv", str(out), "--csv-dialect", "excel"]) == 0
    printed = capsys.readouterr()
    assert "Datei nicht verwendet" not in printed.out, printed.out
    assert out.read_text(encoding="utf-8").splitlines()[2].count(",") >= 8
    (tmp_path / "empty").mkdir()
    assert main(["--lang", "de", "report", str(tmp_path / "empty")]) == 1
    assert "keine Ergebnisdateien" in capsys.readouterr().err


def test_the_command_line_follows_the_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZ_LANG")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert main(["report", str(tmp_path)]) == 1
    assert "keine Ergebnisdateien" in capsys.readouterr().err
