"""Asks where the students' results files are, for the class report."""

from __future__ import annotations

import shlex
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..texts import N_, _


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
