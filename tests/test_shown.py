"""Every control character and terminal sequence from outside text is shown escaped, wherever it is printed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.shown import UNSAFE_RE, csv_cell, shown

C0 = [chr(c) for c in range(0x20)]
C1 = [chr(c) for c in range(0x7F, 0xA0)]
BIDI = ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
INVISIBLE = ["\u200b", "\u2060", "\ufeff", "\u2028", "\u2029"]
SEQUENCES = [
    "\x1b[31mred\x1b[0m",  # SGR colour
    "\x1b[2J\x1b[H",  # clear screen
    "\x1b]0;PWNED\x07",  # window title (OSC 0)
    "\x1b]52;c;cHduZWQ=\x07",  # clipboard (OSC 52)
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "\x9b31m",  # C1 CSI
    "\x9d0;x\x9c",  # C1 OSC ... ST
    "\x1bP+q\x1b\\",  # DCS
]
EVERYTHING = C0 + C1 + BIDI + INVISIBLE + SEQUENCES
RAW = set(C0 + C1 + BIDI + INVISIBLE) - {"\n"}


def raw_controls(text: str) -> set[str]:
    return {ch for ch in text if ch in RAW}


@pytest.mark.parametrize("text", EVERYTHING, ids=lambda t: repr(t)[1:-1][:20])
def test_shown_leaves_no_control_and_says_which_it_was(text: str) -> None:
    out = shown(f"a{text}b")
    assert not raw_controls(out) and "\t" not in out
    assert out.startswith("a") and out.endswith("b")
    first = UNSAFE_RE.search(text)
    assert first is not None and (f"\\x{ord(first.group()):02x}" in out or f"\\u{ord(first.group()):04x}" in out)


def test_shown_keeps_ordinary_text_and_lines_when_asked() -> None:
    text = "Zoë 🙂 O'Brien — ½ · العربية · 日本語 · emoji\u200dsequence"
    assert shown(text) is text
    assert shown("two\nlines\tand a tab", lines=True) == "two\nlines\tand a tab"
    assert shown("two\nlines") == "two\\x0alines"
    assert shown("\udcff") == "\\udcff"  # an undecodable byte of a file name


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝"])
def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote(start: str) -> None:
    cell = csv_cell(f"{start}HYPERLINK(\"http://evil.example\")")
    assert isinstance(cell, str) and cell.startswith("'") and not raw_controls(cell)
    assert csv_cell(-3) == -3 and csv_cell(2.5) == 2.5 and csv_cell("Anna") == "Anna"


def _deck(value: str) -> str:
    """A deck with the value in every place that once reached the terminal raw, written as YAML escapes."""
    escaped = "".join(f"\\u{ord(ch):04x}" for ch in value)
    return (
        "deck:\n  id: d\n  title: T\n"
        "cards:\n"
        f'  - {{id: a, kind: flashcard, front: f, back: b, reverse: "{escaped}"}}\n'
        f'  - {{id: b, kind: "{escaped}", question: q}}\n'
        f'  - {{id: c, kind: answer, question: q, answer: a, "x{escaped}": 1}}\n'
        f'  - {{id: d, kind: answer, question: "q{escaped}", answer: a}}\n'
        f'  - {{id: e, kind: truefalse, statement: s, answer: "{escaped}"}}\n'
        f'  - {{id: f, kind: choice, question: q, answer: a, distractors: [b], settings: {{matching: "{escaped}"}}}}\n'
    )


def test_quiz_validate_prints_every_control_character_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, value in enumerate(EVERYTHING):
        name = "".join(ch for ch in value if ch not in "\x00/") or "x"
        path = tmp_path / f"{i}-{name}.yaml"
        path.write_text(_deck(value), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        captured = capsys.readouterr()
        out = captured.out + captured.err
        assert "problem" in out
        assert not raw_controls(out), (value, out)


def test_quiz_play_prints_a_bad_decks_values_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck\x1b]0;x\x07.yaml"
    path.write_text(_deck("\x1b]52;c;cHduZWQ=\x07"), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "play", str(path)]) == 1
    captured = capsys.readouterr()
    assert "must be true or false, not" in captured.err
    assert not raw_controls(captured.out + captured.err)


def test_quiz_report_prints_file_names_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, value in enumerate(EVERYTHING):
        name = "".join(ch for ch in value if ch not in "\x00/")
        (tmp_path / f"{i}-{name}.quiz-results.jsonl").write_text("[" * 1000, encoding="utf-8")
    assert main(["report", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("this line cannot be read") == len(EVERYTHING)
    assert not raw_controls(captured.out + captured.err)


@pytest.mark.skipif(os.name != "posix", reason="file names of raw bytes are a POSIX thing")
def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad-\xff\x1b.quiz-results.jsonl"), "w") as file:
        file.write("[")
    assert main(["report", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "bad-\\udcff\\x1b.quiz-results.jsonl" in captured.out
