"""True or false: a statement to judge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from quiz.engine.answers import truth_text

from ...texts import _
from ..options import NumberedOptions
from .base import AnswerWidget

VALUES = (True, False)


class TrueFalseAnswer(AnswerWidget):
    BINDINGS = [
        Binding("t,w", "answer(True)", show=False),  # true, wahr
        Binding("f", "answer(False)", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("True or false? 1/t or 2/f, or arrows and Enter."), classes="instructions")
        # In the deck's language, as the feedback and the results name them.
        yield NumberedOptions([truth_text(value, self.presented.deck.language) for value in VALUES])

    def show_response(self, response: object) -> None:
        if response in VALUES:
            self.query_one(NumberedOptions).highlighted = VALUES.index(response)  # Enter picks it again

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(VALUES[event.option_index])

    def action_answer(self, value: bool) -> None:
        self.submit(value)
