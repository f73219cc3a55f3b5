"""The class report in the app: the same tables as `quiz report`, one per section, for a teacher's folder."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static

from ..texts import N_, _, ngettext
from ..widgets.keybar import KeyBar
from ..widgets.tables import READING_HELP, FullRowsTable

if TYPE_CHECKING:
    from quiz.classroom.report import ClassReport

    from ..app import QuizApp


MAX_COLUMN = 40  # long questions and lists are cut short here; Enter on a row and the CSV have them in full

class ReportPathScreen(ModalScreen["list[Path] | None"]):
    """Asks where the collected results files are (a folder, a USB stick, or several files)."""

    DEFAULT_CSS = """
    ReportPathScreen { align: center middle; }
    #report-path { width: 80; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 1 2; }
    #report-path Input { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Back"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="report-path"):
            yield Static(_("Class report"), classes="title")
            yield Static(
                _(
                    "Folder (or files) with the students' results files, as written by `quiz results export`. "
                    "Enter to read them; Enter on an empty box reads the current folder."
                ),
                classes="instructions",
            )
            yield Input(placeholder=str(Path.cwd()), id="report-paths")
            yield Static("", id="report-path-problem", classes="problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        whole = Path(event.value.strip()).expanduser()
        try:  # a folder with a space in its name ("USB DISK") is one path; else several, split like a shell
            if event.value.strip() and whole.exists():
                paths = [whole]
            else:
                paths = [Path(p).expanduser() for p in shlex.split(event.value)] or [Path.cwd()]
        except ValueError as error:
            self.query_one("#report-path-problem", Static).update(_("Cannot read that: {problem}").format(problem=error))
            return
        missing = [str(p) for p in paths if not p.exists()]
        if not paths or missing:
            self.query_one("#report-path-problem", Static).update(
                Content(_("Not found: {paths}").format(paths=", ".join(missing)) if missing else _("Type a folder or a file."))
            )
            return
        self.dismiss(paths)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LegendScreen(ModalScreen[None]):
    """What facility, discrimination and each flag mean, in plain words (`?` on the report)."""

    DEFAULT_CSS = """
    LegendScreen { align: center middle; }
    #legend { width: 78; max-width: 100%; height: auto; max-height: 100%; border: round $primary;
              background: $surface; padding: 0 1; }
    #legend Static { height: auto; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape,enter,q,question_mark", "dismiss", N_("Close"))]

    def compose(self) -> ComposeResult:
        from quiz.classroom.report_tables import legend

        with VerticalScroll(id="legend") as box:
            box.border_title = _("What the words mean")
            box.border_subtitle = _("Esc closes")
            for line in legend():
                yield Static(Content(line))

    def on_click(self) -> None:
        self.dismiss()


class ReportScreen(Screen[None]):
    DEFAULT_CSS = """
    #report-status { padding: 0 1; }
    #report-body { padding: 0 1; }
    #report-body DataTable { height: auto; max-height: 24; margin-bottom: 1; }
    .report-heading { text-style: bold; margin-top: 1; }
    .report-notes { color: $text-warning; }
    .report-warning { color: $text-warning; }
    .report-legend { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("question_mark", "legend", N_("What the words mean")),
    ]

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
        from quiz.classroom.report import build_from_sources

        report = build_from_sources(self.paths)
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
            title, headers = table.title, table.headers
            widgets.append(Static(Content(title), classes="report-heading"))
            if table.note:
                widgets.append(Static(Content(table.note), classes="report-warning"))
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
        if report.tests:
            from quiz.classroom.report_tables import legend

            widgets.append(Static(_("What the words mean"), classes="report-heading"))
            widgets.extend(Static(Content(line), classes="report-legend") for line in legend())
        body.mount_all(widgets)
        if any(isinstance(w, DataTable) for w in widgets):
            body.query(DataTable).first().focus()

    def action_legend(self) -> None:
        self.app.push_screen(LegendScreen())

    def action_back(self) -> None:
        self.app.pop_screen()


def open_report(app: QuizApp) -> None:
    """From the deck list: ask for the folder, then show the report."""

    def chosen(paths: list[Path] | None) -> None:
        if paths:
            app.push_screen(ReportScreen(paths))

    app.push_screen(ReportPathScreen(), chosen)
