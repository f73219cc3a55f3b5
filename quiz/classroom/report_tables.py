"""The report as titled tables, shared by the terminal, CSV and the app's report screen.

Rows hold raw values (numbers, text, None); each column says how to show a
value to a reader. The terminal and the app show that text; the CSV keeps
the raw numbers so a spreadsheet can sort and sum them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from quiz.deck.datarecord import datarecord
from quiz.i18n import N_, _, language, ngettext, number
from quiz.i18n import percent as share

from ..shown import csv_cell, plain, shown
from .report import (
    HIGH_FACILITY,
    LOW_DISCRIMINATION,
    LOW_FACILITY,
    SMALL_CLASS,
    ClassReport,
    MissedQuestion,
    TestReport,
)


def duration(seconds: float) -> str:
    total = round(seconds)
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def ratio(value: float | None) -> str:
    return _("n/a") if value is None else number(value, ".2f")


def percent(value: float | None) -> str:
    return _("n/a") if value is None else share(value)


def marks(value: float) -> str:
    return number(value) if value == int(value) else number(value, ".2f")


def listed(value: Sequence[str]) -> str:
    return ", ".join(value) or "-"


FLAG_WORDS = {
    "hard": N_("hard"),
    "easy": N_("easy"),
    "low discrimination": N_("low discrimination"),
    "negative discrimination": N_("negative discrimination"),
}
"""The report's flags (`report.flags`) as a reader sees them."""


def flag_list(value: Sequence[str]) -> str:
    return listed([_(FLAG_WORDS.get(flag, flag)) for flag in value])


def missed_list(value: Sequence[MissedQuestion]) -> str:
    """`2 Who wrote Faust?; 4 Capitals of… (partly, 0.5)`: by number and text, partial credit said as such."""
    return "; ".join(map(_missed, value)) or "-"


def missed_start(value: Sequence[MissedQuestion], chars: int) -> str:
    """The start of `missed_list(value)`, at least `chars` characters of it (all of it when shorter).

    A terminal cell shows some forty characters; a student of a class of 300 misses a hundred questions.
    """
    parts: list[str] = []
    length = -2  # "; " goes between two
    for q in value:
        if length >= chars:
            break
        parts.append(_missed(q))
        length += 2 + len(parts[-1])
    return "; ".join(parts) or "-"


def _missed(q: MissedQuestion) -> str:
    text = f"{q.number} {_one_line(q.prompt)}"
    if q.score > 0:
        text += " " + _("(partly, {marks})").format(marks=number(q.score, ".2g"))
    return text


@lru_cache(maxsize=4096)
def _one_line(text: str) -> str:
    """`text` on one line, its runs of spaces and line breaks one space (every student misses the same questions)."""
    return " ".join(text.split())


def sitting(value: int) -> str:
    return "1" if value == 1 else _("{sitting} (retake)").format(sitting=value)


@datarecord
class Column:
    name: str
    align: str = "l"  # "l" left, "r" right (numbers)
    show: Callable[[Any], str] = str
    start: Callable[[Any, int], str] | None = None
    """The start of `show(value)`, at least so many characters of it (all when shorter): what a clipped
    terminal cell needs of a long text, without making the rest."""


@datarecord
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]  # raw values
    note: str = ""  # a warning the reader needs beside the table (a class too small for its statistics)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def align(self) -> str:
        return "".join(c.align for c in self.columns)

    def shown(self) -> list[tuple[str, ...]]:
        """The rows as text for a reader, outside text escaped (see `quiz.shown`)."""
        return [tuple(shown(c.show(v)) for c, v in zip(self.columns, row, strict=True)) for row in self.rows]


def exam_heading(test: TestReport) -> str:
    students = ngettext("{count} student", "{count} students", len(test.students)).format(count=len(test.students))
    return shown(
        _("{title} (deck {deck} version {version}, seed {seed}), {students}").format(
            title=test.deck_title, deck=test.deck_id, version=test.deck_version, seed=test.seed, students=students
        )
    )


def _student_table(test: TestReport) -> Table:
    columns = (
        Column(_("Student")),
        Column(_("Sitting"), "l", sitting),
        Column(_("Score"), "r", marks),
        Column(_("Out of"), "r"),
        Column("%", "r", lambda v: share(v / 100)),
        Column(_("Time"), "r", duration),
        Column(_("Time up"), "l", lambda v: _("yes") if v else "-"),
        Column(_("Blank"), "r", lambda v: str(v) if v else "-"),
        Column(_("Missed"), "l", missed_list, missed_start),
    )
    rows = tuple(
        (s.profile, s.sitting, s.score, s.out_of, s.percent, s.seconds, s.timed_out, s.blank, s.missed_questions)
        for s in (*test.students, *test.retakes)
    )
    return Table(_("Students: {test}").format(test=exam_heading(test)), columns, rows)


def _question_table(test: TestReport) -> Table:
    columns = (
        Column("#", "r"),
        Column(_("Card")),
        Column(_("Question")),
        Column(_("Facility"), "r", ratio),
        Column(_("Discrimination"), "r", ratio),
        Column(_("Flags"), "l", flag_list),
        Column(_("Wrong answers"), "l", lambda v: ", ".join(f"{text} x{count}" for text, count in v) or "-"),
    )
    rows = tuple(
        (i, q.card_id, q.prompt, q.facility, q.discrimination, q.flags, q.wrong_answers)
        for i, q in enumerate(test.questions, 1)
    )
    return Table(_("Questions: {test}").format(test=exam_heading(test)), columns, rows, test.small_class_warning())


def tables(report: ClassReport) -> list[Table]:
    out: list[Table] = []
    for test in report.tests:
        out.append(_student_table(test))
        out.append(_question_table(test))
    if report.practice:
        columns: tuple[Column, ...] = (
            Column(_("Student")),
            Column(_("Deck")),
            Column(_("Answers"), "r"),
            Column(_("Days"), "r"),
            Column(_("Time"), "r", duration),
            Column(_("Retention"), "r", percent),
            Column(_("Leeches"), "r"),
        )
        rows: tuple[tuple[Any, ...], ...] = tuple(
            (p.profile, p.deck, p.reviews, p.days, p.seconds, p.retention, p.leeches) for p in report.practice
        )
        out.append(Table(_("Practice"), columns, rows))
    if report.shared_leeches:
        columns = (Column(_("Deck")), Column(_("Card")), Column(_("Students"), "r"), Column(_("Who"), "l", listed))
        rows = tuple((s.deck_id, s.card_id, len(s.profiles), s.profiles) for s in report.shared_leeches)
        out.append(Table(_("Leeches shared by several students"), columns, rows))
    return out


def legend() -> list[str]:
    """What the report's words mean, for a teacher who does not do item analysis every day."""
    return [
        _("Facility: the share of the marks the class got on a question, 0 (nobody right) to 1 (everybody right)."),
        _(
            "Discrimination: whether the students who did well on the rest of the test also got this question "
            "right, -1 to 1; above {good} a question tells stronger from weaker students well. It needs about "
            "{least} students or more to mean much; n/a when everybody scored the same."
        ).format(least=SMALL_CLASS, good=number(0.3)),
        _("Flags: hard, facility below {low}; easy, facility above {high}.").format(
            low=number(LOW_FACILITY), high=number(HIGH_FACILITY)
        ),
        _(
            "Low discrimination (below {low}): the question hardly tells stronger from weaker students. "
            "Negative discrimination: weaker students did better on it than stronger ones; check the question "
            "and its answer key."
        ).format(low=number(LOW_DISCRIMINATION)),
        _(
            "Missed: the questions not fully right, by number and text; partial credit is marked partly. "
            "Sitting: 1 is the sitting that counts; a retake is listed and flagged, never counted."
        ),
    ]


def _clip(text: str, width: int) -> str:
    text = shown(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 3] + "..."


def _clip_shown(text: str, width: int) -> str:
    """`_clip` of a text `shown` already (it has nothing left to escape, and joining its words adds nothing)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _cells(column: Column, values: Sequence[Any], width: int) -> list[str]:
    """`_clip_shown(shown(column.show(value)), width)` of each value, a pass over the column at a time.

    A long text is shown from its start (`Column.start`): escaped and its spaces joined, a start that still
    fills the cell is clipped as the whole would be; one that no longer does is made again from the whole.
    """
    enough = 4 * width
    texts = list(map(column.show, values) if column.start is None else map(column.start, values, repeat(enough)))
    if not plain(" ".join(texts)):
        texts = list(map(shown, texts))
    cells = list(map(" ".join, map(str.split, texts)))
    if column.start is None and max(map(len, cells), default=0) <= width:
        return cells
    for i, cell in enumerate(cells):
        if len(cell) > width:
            cells[i] = cell[: width - 3] + "..."
        elif column.start is not None and len(texts[i]) >= enough:
            cells[i] = _clip_shown(shown(column.show(values[i])), width)
    return cells


def format_table(table: Table, *, max_width: int = 48) -> str:
    """A plain, aligned table: title, header, rule, rows; cells clipped to `max_width`.

    Made a column at a time (shown, clipped, padded in passes over it): a class's tables have thousands of cells.
    """
    values = zip(*table.rows, strict=True) if table.rows else [()] * len(table.columns)
    columns: list[list[str]] = []
    widths: list[int] = []
    for column, column_values in zip(table.columns, values, strict=True):
        cells = [_clip(column.name, max_width), *_cells(column, column_values, max_width)]
        widths.append(max(map(len, cells)))
        columns.append(list(map(str.rjust if column.align == "r" else str.ljust, cells, repeat(widths[-1]))))
    header, *rows = map(str.rstrip, map("  ".join, zip(*columns, strict=True)))
    rule = "  ".join("-" * w for w in widths)
    note = [table.note] if table.note else []
    return "\n".join([table.title, *note, "", header, rule, *rows])


def format_text(report: ClassReport) -> str:
    """The whole report for the terminal, with a footer saying what its words mean."""
    students = ngettext("{count} student", "{count} students", report.students).format(count=report.students)
    tests = ngettext("{count} test", "{count} tests", len(report.tests)).format(count=len(report.tests))
    parts = [_("Class report: {students}, {tests}").format(students=students, tests=tests)]
    if report.errors:
        parts.append(_("Files not used") + ":\n" + "\n".join(f"  {e}" for e in report.errors))
    if report.notes:
        parts.append(_("Notes") + ":\n" + "\n".join(f"  {n}" for n in report.notes))
    parts.extend(format_table(t) for t in tables(report))
    if not report.tests and not report.practice:
        parts.append(_("No exam or practice results to report."))
    if report.tests:
        parts.append(_("What the words mean") + ":\n" + "\n".join(f"  {line}" for line in legend()))
    return shown("\n\n".join(parts), lines=True) + "\n"


@datarecord
class CsvDialect:
    """How a spreadsheet program reads a CSV: the separator, the decimal mark, the encoding it opens directly."""

    delimiter: str
    decimal: str
    encoding: str


CSV_DIALECTS = {
    "excel": CsvDialect(",", ".", "utf-8"),
    "excel-de": CsvDialect(";", ",", "utf-8-sig"),  # German Excel and LibreOffice: `;`, `0,5`, a BOM for UTF-8
}
"""`quiz report --csv-dialect`; without it, `excel-de` when the report is in German, else `excel`."""


def default_dialect() -> str:
    return "excel-de" if language() == "de" else "excel"


def _csv_value(value: Any, column: Column, dialect: CsvDialect) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        text = repr(round(value, 4))
        return text.replace(".", dialect.decimal)
    if isinstance(value, tuple):
        return csv_cell(column.show(value)) if value else ""
    return csv_cell(value) if isinstance(value, str) else value


def write_csv(report: ClassReport, path: Path, dialect: str = "excel") -> None:
    """One CSV for a spreadsheet: each table as a section (title row, header row, rows, blank row).

    Numbers stay numbers: seconds for times, fractions for facility and retention,
    written with the dialect's decimal mark so that the spreadsheet reads them as numbers.
    """
    chosen = CSV_DIALECTS[dialect]
    with path.open("w", newline="", encoding=chosen.encoding) as f:
        writer = csv.writer(f, delimiter=chosen.delimiter)
        for table in tables(report):
            writer.writerow([csv_cell(table.title)])
            if table.note:
                writer.writerow([csv_cell(table.note)])
            writer.writerow([csv_cell(f"{c.name} (s)" if c.show is duration else c.name) for c in table.columns])
            writer.writerows(
                [_csv_value(v, c, chosen) for v, c in zip(row, table.columns, strict=True)] for row in table.rows
            )
            writer.writerow([])
        for note in report.notes:
            writer.writerow([_("Note"), csv_cell(note)])
        for error in report.errors:
            writer.writerow([_("File not used"), csv_cell(error.path), csv_cell(error.reason)])
