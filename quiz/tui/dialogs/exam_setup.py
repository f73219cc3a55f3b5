"""Setting a test from the deck list: how many questions, the class's seed, the time allowed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quiz.deck.datarecord import datarecord
from quiz.deck.model import Deck

from ..texts import N_, _


@datarecord
class ExamSettings:
    questions: int
    seed: str
    time_limit: float | None


class ExamSetupScreen(ModalScreen["ExamSettings | None"]):
    """Sets a test from the deck list: how many questions, the class's seed, the time allowed."""

    DEFAULT_CSS = """
    ExamSetupScreen { align: center middle; }
    #exam-setup { width: 64; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 1 2; }
    .setup-row { height: 3; }
    .setup-row Static { width: 22; padding: 1 0; }
    .setup-row Input { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Back"))]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-setup"):
            yield Static(Content(_("Test: {deck}").format(deck=self.deck.title)), classes="title")
            yield Static(
                _(
                    "The same seed gives every student the same test. No feedback until the test is handed in. "
                    "Enter starts the test, Escape goes back."
                ),
                classes="instructions",
            )
            with Horizontal(classes="setup-row"):
                yield Static(_("Questions"))
                yield Input(value="20", id="exam-questions", type="integer")
            with Horizontal(classes="setup-row"):
                yield Static(_("Seed (blank: new)"))
                yield Input(placeholder=_("e.g. class-7b"), id="exam-seed")
            with Horizontal(classes="setup-row"):
                yield Static(_("Time (blank: untimed)"))
                yield Input(placeholder=_("e.g. 15m"), id="exam-time")
            yield Static("", id="exam-setup-problem", classes="problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from quiz.classroom.exam import new_seed
        from quiz.classroom.time_limit import parse_time_limit

        event.stop()
        problem = self.query_one("#exam-setup-problem", Static)
        text = self.query_one("#exam-questions", Input).value.strip()
        if not text.isdigit() or int(text) < 1:
            problem.update(_("Questions: a whole number, at least 1."))
            return
        limit_text = self.query_one("#exam-time", Input).value.strip()
        try:
            limit = parse_time_limit(limit_text) if limit_text else None
        except ValueError as error:
            problem.update(Content(_("Time: {problem}").format(problem=error)))
            return
        seed = self.query_one("#exam-seed", Input).value.strip() or new_seed()
        self.dismiss(ExamSettings(int(text), seed, limit or None))

    def action_cancel(self) -> None:
        self.dismiss(None)
