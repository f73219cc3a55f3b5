"""Single choice: one of the shown options."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import OptionList, Static

from ...texts import _
from ..options import NumberedOptions
from .base import AnswerWidget


class ChoiceAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        yield Static(_("Pick one: number keys, or arrows and Enter."), classes="instructions")
        yield NumberedOptions(self.presented.options)

    def show_response(self, response: object) -> None:
        for i in self.option_indices(response):
            self.query_one(NumberedOptions).highlighted = i  # Enter picks it again

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(self.presented.options[event.option_index])
