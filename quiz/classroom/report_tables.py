"""The report as titled tables of text, shared by the terminal, CSV and the app's report screen."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .report import ClassReport, TestReport


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str  # one letter per column: "l" left, "r" right (numbers)


def duration(seconds: float) -> str:
    total = round(seconds)
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def marks(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def test_title(test: TestReport) -> str:
    n = len(test.students)
    return f"{test.deck_title} (deck {test.deck_id} version {test.deck_version}, seed {test.seed}), {n} student{'s' if n != 1 else ''}"


def _student_table(test: TestReport) -> Table:
    rows = tuple(
        (
            s.profile,
            f"{marks(s.score)}/{s.out_of}",
            f"{s.percent:.0f}%",
            duration(s.seconds) + (" (time up)" if s.timed_out else ""),
            ", ".join(s.missed) or "-",
        )
        for s in test.students
    )
    return Table(f"Students: {test_title(test)}", ("Student", "Score", "%", "Time", "Missed"), rows, "lrrrl")


def _question_table(test: TestReport) -> Table:
    rows = tuple(
        (
            str(i),
            q.card_id,
            q.prompt,
            ratio(q.facility),
            ratio(q.discrimination),
            ", ".join(f"{text} x{count}" for text, count in q.wrong_answers) or "-",
            ", ".join(q.flags) or "-",
        )
        for i, q in enumerate(test.questions, 1)
    )
    return Table(
        f"Questions: {test_title(test)}",
        ("#", "Card", "Question", "Facility", "Discrimination", "Wrong answers", "Flags"),
        rows,
        "rllrrll",
    )


def tables(report: ClassReport) -> list[Table]:
    out: list[Table] = []
    for test in report.tests:
        out.append(_student_table(test))
        out.append(_question_table(test))
    if report.practice:
        out.append(
            Table(
                "Practice",
                ("Student", "Deck", "Answers", "Days", "Time", "Retention", "Leeches"),
                tuple(
                    (
                        p.profile,
                        p.deck_id,
                        str(p.reviews),
                        str(p.days),
                        duration(p.seconds),
                        "n/a" if p.retention is None else f"{100 * p.retention:.0f}%",
                        str(p.leeches),
                    )
                    for p in report.practice
                ),
                "llrrrrr",
            )
        )
    if report.shared_leeches:
        out.append(
            Table(
                "Leeches shared by several students",
                ("Deck", "Card", "Students", "Who"),
                tuple((s.deck_id, s.card_id, str(len(s.profiles)), ", ".join(s.profiles)) for s in report.shared_leeches),
                "llrl",
            )
        )
    return out


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def format_table(table: Table, *, max_width: int = 48) -> str:
    """A plain, aligned table: title, header, rule, rows; cells clipped to `max_width`."""
    rows = [tuple(_clip(cell, max_width) for cell in row) for row in (table.headers, *table.rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.headers))]

    def line(row: Sequence[str]) -> str:
        cells = (cell.rjust(w) if a == "r" else cell.ljust(w) for cell, w, a in zip(row, widths, table.align))
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


def write_csv(report: ClassReport, path: Path) -> None:
    """One CSV for a spreadsheet: each table as a section (title row, header row, rows, blank row)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for table in tables(report):
            writer.writerow([table.title])
            writer.writerow(table.headers)
            writer.writerows(table.rows)
            writer.writerow([])
        for note in report.notes:
            writer.writerow(["Note", note])
        for error in report.errors:
            writer.writerow(["File not used", error.path, error.reason])
