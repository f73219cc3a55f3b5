"""The class report in the app: the same tables as `quiz report`, one per section, for a teacher's folder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..texts import N_, _, ngettext
from ..widgets.keybar import KeyBar
from ..widgets.tables import READING_HELP, FullRowsTable

if TYPE_CHECKING:
    from quiz.classroom.report import ClassReport

    from ..app import QuizApp


MAX_COLUMN = 40  # long questions and lists are cut short here; Enter on a row and the CSV have them in full

REPORT_WORDS = {
    word: word
    for word in (
        N_("Students"), N_("Questions"), N_("Practice"), N_("Leeches shared by several students"),
        N_("Student"), N_("Score"), N_("Out of"), N_("Time"), N_("Time up"), N_("Blank"), N_("Missed"),
        N_("Card"), N_("Question"), N_("Facility"), N_("Discrimination"), N_("Flags"), N_("Wrong answers"),
        N_("Deck"), N_("Answers"), N_("Days"), N_("Retention"), N_("Leeches"), N_("Who"),
    )
}
"""The table titles and column names of `quiz.classroom.report_tables` (shared with `quiz report` and the CSV),
translated where the app shows them."""
EXAM_TITLE = re.compile(
    r"(?P<kind>Students|Questions): (?P<title>.*) \(deck (?P<deck>\S+) version (?P<version>\S+), seed (?P<seed>.*)\), "
    r"(?P<count>\d+) students?"
)
"""A test's table title as `report_tables` words it."""


def report_word(word: str) -> str:
    return _(REPORT_WORDS[word]) if word in REPORT_WORDS else word


def table_title(title: str) -> str:
    """A report table's title in the learner's language; as written when it reads otherwise."""
    found = EXAM_TITLE.fullmatch(title)
    if found is None:
        return report_word(title)
    count = int(found["count"])
    students = ngettext("{count} student", "{count} students", count).format(count=count)
    return _("{kind}: {title} (deck {deck} version {version}, seed {seed}), {students}").format(
        kind=report_word(found["kind"]),
        title=found["title"],
        deck=found["deck"],
        version=found["version"],
        seed=found["seed"],
        students=students,
    )




class ReportScreen(Screen[None]):
    DEFAULT_CSS = """
    #report-status { padding: 0 1; }
    #report-body { padding: 0 1; }
    #report-body DataTable { height: auto; max-height: 24; margin-bottom: 1; }
    .report-heading { text-style: bold; margin-top: 1; }
    .report-notes { color: $text-warning; }
    """
    BINDINGS = [Binding("escape", "back", N_("Back"))]

    app: QuizApp

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths
        self.report: ClassReport | None = None

    def compose(self) -> ComposeResult:
        yield Static(_("Class report"), classes="title")
        reading = _("Reading {paths}…").format(paths=", ".join(map(str, self.paths)))
        yield Static(Content(reading), id="report-status", classes="instructions")
        yield VerticalScroll(id="report-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="report")
    def load(self) -> None:
        from quiz.classroom.report import build_from_paths

        report = build_from_paths(self.paths)
        self.app.call_from_thread(self.show, report)

    def show(self, report: ClassReport) -> None:
        from quiz.classroom.report_tables import tables

        self.report = report
        status = self.query_one("#report-status", Static)
        students = ngettext("{count} student", "{count} students", report.students).format(count=report.students)
        tests = ngettext("{count} test", "{count} tests", len(report.tests)).format(count=len(report.tests))
        unused = len(report.errors)
        files = ngettext(", {count} file not used", ", {count} files not used", unused).format(count=unused) if unused else ""
        status.update(f"{students}, {tests}{files}\n{_(READING_HELP)}")
        body = self.query_one("#report-body", VerticalScroll)
        widgets: list[Static | DataTable] = []
        if report.errors:
            widgets.append(Static(_("Files not used"), classes="report-heading"))
            widgets.extend(Static(Content(str(e)), classes="problem") for e in report.errors)
        if report.notes:
            widgets.append(Static(_("Notes"), classes="report-heading"))
            widgets.extend(Static(Content(n), classes="report-notes") for n in report.notes)
        for table in tables(report):
            title, headers = table_title(table.title), tuple(report_word(name) for name in table.headers)
            widgets.append(Static(Content(title), classes="report-heading"))
            grid = FullRowsTable(title)
            widgets.append(grid)
            shown = table.shown()
            grid.keep_rows(headers, shown)
            for i, name in enumerate(headers):
                grid.add_column(name, width=min(MAX_COLUMN, max(len(r[i]) for r in [headers, *shown])))
            grid.add_rows(
                [
                    tuple(
                        Text(cell, justify="right" if a == "r" else "left", no_wrap=True, overflow="ellipsis")
                        for cell, a in zip(row, table.align, strict=False)
                    )
                    for row in shown
                ]
            )
        if not report.tests and not report.practice and not report.errors:
            widgets.append(Static(_("No exam or practice results to report.")))
        body.mount_all(widgets)
        if any(isinstance(w, DataTable) for w in widgets):
            body.query(DataTable).first().focus()

    def action_back(self) -> None:
        self.app.pop_screen()


def open_report(app: QuizApp) -> None:
    """From the deck list: ask for the folder, then show the report."""

    def chosen(paths: list[Path] | None) -> None:
        if paths:
            app.push_screen(ReportScreen(paths))

    from ..dialogs.report_path import ReportPathScreen

    app.push_screen(ReportPathScreen(), chosen)
