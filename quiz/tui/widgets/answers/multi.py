"""Multiple choice: tick every right option, then check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, OptionList, Static

from ...texts import N_, _
from ..keybutton import KeyButton
from ..options import NumberedOptions, numbered
from .base import AnswerWidget

if TYPE_CHECKING:
    from quiz.engine.presentation import Presented


class ToggleOptions(NumberedOptions):
    """Number keys, space or a click tick an option; Enter checks the answer."""

    BINDINGS = [
        Binding("space", "select", N_("Tick"), show=False),
        Binding("enter", "check", N_("Check"), show=False),
    ]

    def action_check(self) -> None:
        answer = self.parent
        assert isinstance(answer, MultiAnswer)
        # Behind the ticks still queued for it: "1 2 Enter" typed fast (or sent at once by a browser) checks both.
        answer.call_later(answer.check)


class MultiAnswer(AnswerWidget):
    def __init__(self, presented: Presented) -> None:
        super().__init__(presented)
        self.ticked: set[int] = set()

    def compose(self) -> ComposeResult:
        yield Static(_("Tick all that apply: number keys or space; then Enter."), classes="instructions")
        yield ToggleOptions(self.presented.options)
        yield KeyButton(_("Done (Enter)"), id="check")

    def on_mount(self) -> None:
        self._refresh_marks()
        super().on_mount()

    def _refresh_marks(self) -> None:
        options = self.query_one(ToggleOptions)
        for i, text in enumerate(self.presented.options):
            mark = "[x] " if i in self.ticked else "[ ] "
            options.replace_option_prompt_at_index(i, numbered(i + 1, text, mark))

    def show_response(self, response: object) -> None:
        self.ticked = set(self.option_indices(response))
        self._refresh_marks()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.ticked ^= {event.option_index}
        self._refresh_marks()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.check()

    def check(self) -> None:
        self.submit([self.presented.options[i] for i in sorted(self.ticked)])
