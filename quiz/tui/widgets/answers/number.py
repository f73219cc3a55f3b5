"""A number, exact (with a tolerance) or within a range; the unit is shown next to the field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from ...texts import _
from .base import AnswerWidget
from .textbox import AnswerBox


class NumberAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        ranged = getattr(self.presented.card, "range", None) is not None
        ask = _("Type the range, from–to (e.g. 1990-1995), then Enter.") if ranged else _("Type a number, then Enter.")
        yield Static(ask, classes="instructions")
        with Horizontal(classes="number-row"):
            yield AnswerBox(placeholder=_("from–to") if ranged else _("number"), id="typed")
            unit = getattr(self.presented.card, "unit", None)
            if unit:
                yield Label(unit, classes="unit", markup=False)

    def show_response(self, response: object) -> None:
        self.query_one(Input).value = str(response)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if problem := self.presented.unreadable(event.value):
            self.query_one(".instructions", Static).update(problem)  # said in the learner's language; the box stays open
            return
        self.submit(event.value)
