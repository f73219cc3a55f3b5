"""True or false: a statement to judge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from ..options import NumberedOptions

from .base import AnswerWidget

CHOICES: tuple[tuple[str, bool], ...] = (("True", True), ("False", False))


class TrueFalseAnswer(AnswerWidget):
    BINDINGS = [Binding("t", "answer(True)", "True", show=False), Binding("f", "answer(False)", "False", show=False)]

    def compose(self) -> ComposeResult:
        yield Static("True or false? 1/t or 2/f, or arrows and Enter.", classes="instructions")
        yield NumberedOptions([label for label, _ in CHOICES])

    def show_response(self, response: object) -> None:
        values = [value for _, value in CHOICES]
        if response in values:
            self.query_one(NumberedOptions).highlighted = values.index(response)  # Enter picks it again

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(CHOICES[event.option_index][1])

    def action_answer(self, value: bool) -> None:
        self.submit(value)
