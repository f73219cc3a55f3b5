"""A typed answer: free text, matched leniently or strictly by the grader."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from ...texts import _
from .base import AnswerWidget
from .textbox import AnswerBox


class TypedAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        yield Static(_("Type your answer, then Enter."), classes="instructions")
        yield AnswerBox(placeholder=_("your answer"), id="typed")

    def show_response(self, response: object) -> None:
        self.query_one(Input).value = str(response)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)
