"""End of session: score, time, the cards missed, re-drill them, when the next cards are due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ..widgets.keybutton import KeyButton
from ..when import elapsed, relative

if TYPE_CHECKING:
    from quiz.engine.session import SessionSummary, StudySession

    from ..app import QuizApp


DRILL_NOTE = "Practice only: these answers keep the cards' schedule and are not counted in retention."


def summary_content(summary: SessionSummary, now_text: str) -> Content:
    if not summary.answered:
        return Content("No cards answered in this session.")
    mark = "✓" if summary.right == summary.answered else "✗" if not summary.right else "◐"
    return Content.assemble(
        (f"{mark} {summary.right} of {summary.answered} right", "bold"),
        f" · score {summary.score:.0%} · time {elapsed(summary.elapsed)}\n",
        ("Next review: ", "bold"),
        now_text,
    )


class EndScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "redrill", "Re-drill misses"),
        Binding("s", "statistics", "Statistics"),
        Binding("enter,escape", "home", "Decks"),
    ]

    app: QuizApp

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session
        self.summary = session.summary()

    def compose(self) -> ComposeResult:
        summary = self.summary
        now = self.app.now()
        due = "nothing scheduled" if summary.next_due is None else relative(summary.next_due, now)
        yield Static("Re-drill complete" if self.session.drill else "Session complete", classes="title")
        yield Static(summary_content(summary, due), id="summary")
        if self.session.drill:
            yield Static(DRILL_NOTE, id="drill-note")
        with VerticalScroll(id="missed"):
            if summary.missed:
                yield Static(Content(f"Missed ({len(summary.missed)}):"), classes="subtitle")
                for presented in summary.missed:
                    yield Static(Content.assemble("✗ ", presented.prompt), classes="missed-card")
            elif summary.answered:
                yield Static("Nothing missed. Well done!", classes="subtitle")
        with Horizontal(id="end-actions"):
            if summary.missed:
                yield KeyButton("r  Re-drill the misses", id="redrill")
            yield KeyButton("s  Statistics", id="statistics")
            yield KeyButton("Enter  Decks", id="home")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "redrill":
            return bool(self.summary.missed)
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.run_action(event.button.id or "home")

    def action_redrill(self) -> None:
        if self.summary.missed:
            self.app.start_session(self.session.redrill)

    def action_statistics(self) -> None:
        self.app.show_statistics(self.session.decks)

    def action_home(self) -> None:
        self.app.go_home()
