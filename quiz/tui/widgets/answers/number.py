"""A number, exact (with a tolerance) or within a range; the unit is shown next to the field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from .base import AnswerWidget
from .textbox import AnswerBox


class NumberAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        ranged = getattr(self.presented.card, "range", None) is not None
        what = "the range, from–to (e.g. 1990-1995)" if ranged else "a number"
        yield Static(f"Type {what}, then Enter.", classes="instructions")
        with Horizontal(classes="number-row"):
            yield AnswerBox(placeholder="from–to" if ranged else "number", id="typed")
            unit = getattr(self.presented.card, "unit", None)
            if unit:
                yield Label(unit, classes="unit", markup=False)

    def show_response(self, response: object) -> None:
        self.query_one(Input).value = str(response)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if problem := self.presented.unreadable(event.value):
            self.query_one(".instructions", Static).update(problem)  # not graded: the box stays open
            return
        self.submit(event.value)
