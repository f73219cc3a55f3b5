"""The teacher's live view of a class test: who has joined, how far each pupil is, each question's running marks.

Pupils' answers are committed by their own app processes as they are given;
this screen reads the shared database every second and ends with the class
report (`quiz report`'s tables) when the teacher asks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..texts import N_, _, ngettext, number, percent
from ..when import elapsed
from ..widgets.keybar import KeyBar
from ..widgets.tables import MarkedTable

if TYPE_CHECKING:
    from quiz.classroom.live import LiveTest, TestId

    from ..app import QuizApp


REFRESH_S = 1.0


class TeacherScreen(Screen[None]):
    DEFAULT_CSS = """
    #teacher-status { padding: 0 1; }
    .teacher-heading { text-style: bold; padding: 1 1 0 1; }
    #teacher-pupils, #teacher-questions { height: auto; max-height: 50%; margin: 0 1; }
    """
    BINDINGS = [Binding("ctrl+e", "report", N_("End: class report"), priority=True)]

    app: QuizApp

    def __init__(self, test: TestId | None) -> None:
        super().__init__()
        self.test = test
        """The test watched; None: the one most recently started, as soon as there is one."""
        self.live: LiveTest | None = None

    def compose(self) -> ComposeResult:
        yield Static(_("Class test: live view"), id="teacher-title", classes="title")
        yield Static(_("Waiting for the first pupil to start the test…"), id="teacher-status", classes="instructions")
        yield Static(_("Pupils"), classes="teacher-heading")
        yield MarkedTable(id="teacher-pupils")
        yield Static(_("Questions so far"), classes="teacher-heading")
        yield MarkedTable(id="teacher-questions")
        yield KeyBar()

    def on_mount(self) -> None:
        pupils = self.query_one("#teacher-pupils", DataTable)
        pupils.add_column(_("Pupil"), key="pupil")
        pupils.add_column(_("Answered"), key="answered")
        pupils.add_column(_("Score"), key="score")
        pupils.add_column(_("Time"), key="time")
        pupils.add_column(_("State"), key="state")
        questions = self.query_one("#teacher-questions", DataTable)
        questions.add_column("#", key="number")
        questions.add_column(_("Answered"), key="answered")
        questions.add_column(_("Right"), key="right")
        questions.add_column(_("Facility"), key="facility")
        questions.add_column(_("Question"), key="question")
        pupils.focus()
        self.refresh_data()
        self.set_interval(REFRESH_S, self.refresh_data)

    @work(thread=True, exclusive=True, group="teacher")
    def refresh_data(self) -> None:
        """Read where the class stands (off the UI thread: the pupils' processes write meanwhile)."""
        from quiz.classroom.live import latest_test, live_test
        from quiz.store import StoreError

        store = self.app.store
        if store is None:
            return
        try:
            test = self.test or latest_test(store)
            live = live_test(store, test) if test is not None else None
        except StoreError as error:
            self.app.call_from_thread(self._problem, str(error))
            return
        if live is not None:
            self.app.call_from_thread(self.show, live)

    def _problem(self, problem: str) -> None:
        self.query_one("#teacher-status", Static).update(Content(_("Cannot read the answers: {problem}").format(problem=problem)))

    def show(self, live: LiveTest) -> None:
        self.live = live
        test = live.test
        self.query_one("#teacher-title", Static).update(
            Content(_("Class test: {title} · seed {seed}").format(title=live.title, seed=test.seed))
        )
        joined = ngettext("{count} pupil joined", "{count} pupils joined", len(live.pupils)).format(count=len(live.pupils))
        handed = _("{count} handed in").format(count=live.handed_in)
        clock = dt.datetime.now().strftime("%H:%M:%S")
        self.query_one("#teacher-status", Static).update(
            Content(_("{joined}, {handed} · as of {clock}").format(joined=joined, handed=handed, clock=clock))
        )
        pupils = self.query_one("#teacher-pupils", DataTable)
        rows = [
            (
                Text(p.profile),
                Text(f"{p.answered}/{p.questions}", justify="right"),
                Text(number(p.score), justify="right"),
                Text(elapsed(p.seconds), justify="right"),
                Text(_("handed in") if p.handed_in else _("taking the test")),
            )
            for p in live.pupils
        ]
        _replace_rows(pupils, rows)
        questions = self.query_one("#teacher-questions", DataTable)
        _replace_rows(
            questions,
            [
                (
                    Text(str(q.position), justify="right"),
                    Text(str(q.answered), justify="right"),
                    Text(str(q.right), justify="right"),
                    Text(percent(q.facility) if q.facility is not None else "–", justify="right"),
                    Text(q.prompt, no_wrap=True, overflow="ellipsis"),
                )
                for q in live.questions
            ],
        )

    def action_report(self) -> None:
        """The class report over the whole data directory, as `quiz report --data-dir DIR` prints it."""
        from .report import ReportScreen

        self.app.push_screen(ReportScreen([self.app.data_dir]))


def _replace_rows(table: DataTable[Text], rows: Sequence[tuple[Text, ...]]) -> None:
    """New contents, the highlighted row kept where it was."""
    cursor = table.cursor_row
    table.clear()
    table.add_rows(rows)
    if rows:
        table.move_cursor(row=min(cursor, len(rows) - 1), animate=False)
