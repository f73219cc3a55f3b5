"""A number, exact (with a tolerance) or within a range; the unit is shown next to the field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from .base import AnswerWidget

NUMBER_CHARS = r"[-+0-9.,' ]*"


class NumberAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        yield Static("Type a number, Enter to check.", classes="instructions")
        with Horizontal(classes="number-row"):
            yield Input(placeholder="number", id="typed", restrict=NUMBER_CHARS)
            unit = getattr(self.presented.card, "unit", None)
            if unit:
                yield Label(unit, classes="unit", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)
