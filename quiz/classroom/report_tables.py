"""The report as titled tables, shared by the terminal, CSV and the app's report screen.

Rows hold raw values (numbers, text, None); each column says how to show a
value to a reader. The terminal and the app show that text; the CSV keeps
the raw numbers so a spreadsheet can sort and sum them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .report import ClassReport, TestReport


def duration(seconds: float) -> str:
    total = round(seconds)
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


def marks(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def listed(value: Sequence[str]) -> str:
    return ", ".join(value) or "-"


@dataclass(frozen=True)
class Column:
    name: str
    align: str = "l"  # "l" left, "r" right (numbers)
    show: Callable[[Any], str] = str


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]  # raw values

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def align(self) -> str:
        return "".join(c.align for c in self.columns)

    def shown(self) -> list[tuple[str, ...]]:
        """The rows as text for a reader."""
        return [tuple(c.show(v) for c, v in zip(self.columns, row, strict=False)) for row in self.rows]


def exam_heading(test: TestReport) -> str:
    n = len(test.students)
    return f"{test.deck_title} (deck {test.deck_id} version {test.deck_version}, seed {test.seed}), {n} student{'s' if n != 1 else ''}"


def _student_table(test: TestReport) -> Table:
    columns = (
        Column("Student"),
        Column("Score", "r", marks),
        Column("Out of", "r"),
        Column("%", "r", lambda v: f"{v:.0f}%"),
        Column("Time", "r", duration),
        Column("Time up", "l", lambda v: "yes" if v else "-"),
        Column("Blank", "r", lambda v: str(v) if v else "-"),
        Column("Missed", "l", listed),
    )
    rows = tuple(
        (s.profile, s.score, s.out_of, s.percent, s.seconds, s.timed_out, s.blank, s.missed) for s in test.students
    )
    return Table(f"Students: {exam_heading(test)}", columns, rows)


def _question_table(test: TestReport) -> Table:
    columns = (
        Column("#", "r"),
        Column("Card"),
        Column("Question"),
        Column("Facility", "r", ratio),
        Column("Discrimination", "r", ratio),
        Column("Flags", "l", listed),
        Column("Wrong answers", "l", lambda v: ", ".join(f"{text} x{count}" for text, count in v) or "-"),
    )
    rows = tuple(
        (i, q.card_id, q.prompt, q.facility, q.discrimination, q.flags, q.wrong_answers)
        for i, q in enumerate(test.questions, 1)
    )
    return Table(f"Questions: {exam_heading(test)}", columns, rows)


def tables(report: ClassReport) -> list[Table]:
    out: list[Table] = []
    for test in report.tests:
        out.append(_student_table(test))
        out.append(_question_table(test))
    if report.practice:
        columns: tuple[Column, ...] = (
            Column("Student"),
            Column("Deck"),
            Column("Answers", "r"),
            Column("Days", "r"),
            Column("Time", "r", duration),
            Column("Retention", "r", percent),
            Column("Leeches", "r"),
        )
        rows: tuple[tuple[Any, ...], ...] = tuple((p.profile, p.deck, p.reviews, p.days, p.seconds, p.retention, p.leeches) for p in report.practice)
        out.append(Table("Practice", columns, rows))
    if report.shared_leeches:
        columns = (Column("Deck"), Column("Card"), Column("Students", "r"), Column("Who", "l", listed))
        rows = tuple((s.deck_id, s.card_id, len(s.profiles), s.profiles) for s in report.shared_leeches)
        out.append(Table("Leeches shared by several students", columns, rows))
    return out


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def format_table(table: Table, *, max_width: int = 48) -> str:
    """A plain, aligned table: title, header, rule, rows; cells clipped to `max_width`."""
    rows = [tuple(_clip(cell, max_width) for cell in row) for row in (table.headers, *table.shown())]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.columns))]

    def line(row: Sequence[str]) -> str:
        cells = (cell.rjust(w) if a == "r" else cell.ljust(w) for cell, w, a in zip(row, widths, table.align, strict=False))
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([table.title, "", line(rows[0]), rule, *(line(r) for r in rows[1:])])


def format_text(report: ClassReport) -> str:
    """The whole report for the terminal."""
    parts = [
        f"Class report: {report.students} student{'s' if report.students != 1 else ''}, "
        f"{len(report.tests)} test{'s' if len(report.tests) != 1 else ''}"
    ]
    if report.errors:
        parts.append("Files not used:\n" + "\n".join(f"  {e}" for e in report.errors))
    if report.notes:
        parts.append("Notes:\n" + "\n".join(f"  {n}" for n in report.notes))
    parts.extend(format_table(t) for t in tables(report))
    if not report.tests and not report.practice:
        parts.append("No exam or practice results to report.")
    return "\n\n".join(parts) + "\n"


def _csv_value(value: Any) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, tuple):
        return ", ".join(f"{v[0]} x{v[1]}" if isinstance(v, tuple) else str(v) for v in value)
    return value


def write_csv(report: ClassReport, path: Path) -> None:
    """One CSV for a spreadsheet: each table as a section (title row, header row, rows, blank row).

    Numbers stay numbers: seconds for times, fractions for facility and retention.
    """
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for table in tables(report):
            writer.writerow([table.title])
            writer.writerow([f"{c.name} (s)" if c.show is duration else c.name for c in table.columns])
            writer.writerows([_csv_value(v) for v in row] for row in table.rows)
            writer.writerow([])
        for note in report.notes:
            writer.writerow(["Note", note])
        for error in report.errors:
            writer.writerow(["File not used", error.path, error.reason])
