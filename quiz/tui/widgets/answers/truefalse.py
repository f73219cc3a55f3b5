"""True or false: a statement to judge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from ...texts import N_, _
from ..options import NumberedOptions
from .base import AnswerWidget

CHOICES: tuple[tuple[str, bool], ...] = ((N_("True"), True), (N_("False"), False))
"""The buttons, in the learner's language; the feedback names the answers with the same words."""


def in_button_words(text: str) -> str:
    """The grader's "True" or "False" (`quiz.engine.answers`) as the buttons say it; other text as it is."""
    return _(text) if text in (label for label, _value in CHOICES) else text


class TrueFalseAnswer(AnswerWidget):
    BINDINGS = [
        Binding("t,w", "answer(True)", show=False),  # true, wahr
        Binding("f", "answer(False)", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("True or false? 1/t or 2/f, or arrows and Enter."), classes="instructions")
        yield NumberedOptions([_(label) for label, _value in CHOICES])

    def show_response(self, response: object) -> None:
        values = [value for _label, value in CHOICES]
        if response in values:
            self.query_one(NumberedOptions).highlighted = values.index(response)  # Enter picks it again

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(CHOICES[event.option_index][1])

    def action_answer(self, value: bool) -> None:
        self.submit(value)
