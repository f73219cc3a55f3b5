"""Answers built by picking options one after another (order, match).

Numbers stay attached to their option while picking (a picked option gets a
neutral • and is greyed out, not removed: ✓ and ✗ only ever mean right and
wrong), so the learner never has to re-read shifted labels.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, OptionList, Static

from ...texts import N_, _
from ..keybutton import KeyButton
from ..options import NumberedOptions, numbered
from .base import AnswerWidget


class PickingAnswer(AnswerWidget):
    BINDINGS = [Binding("backspace", "take_back", N_("Take back"))]
    INSTRUCTIONS = ""

    picked: list[int]

    def on_mount(self) -> None:
        self.picked = []
        self._refresh()
        super().on_mount()

    def compose(self) -> ComposeResult:
        yield Static(_(self.INSTRUCTIONS), classes="instructions")
        yield Static(id="picked", classes="picked")
        yield NumberedOptions(self.presented.options)
        yield KeyButton(_("Done (Enter)"), id="check", disabled=True)

    def picked_content(self) -> Content:
        """What has been picked so far, and what is still open."""
        raise NotImplementedError

    def response(self) -> object:
        raise NotImplementedError

    def picks_for(self, response: object) -> list[int]:
        """The option positions picked, in order, that give `response`."""
        raise NotImplementedError

    def show_response(self, response: object) -> None:
        self.picked = self.picks_for(response)
        self._refresh()

    def focus_main(self) -> None:
        """The check button once everything is picked (Enter checks), else the options."""
        self.query_one("#check" if self.complete else "NumberedOptions").focus()

    @property
    def complete(self) -> bool:
        return len(self.picked) == len(self.presented.options)

    def _refresh(self) -> None:
        options = self.query_one(NumberedOptions)
        for i, text in enumerate(self.presented.options):
            picked = i in self.picked
            options.replace_option_prompt_at_index(i, numbered(i + 1, text, "• " if picked else ""))
            if picked:
                options.disable_option_at_index(i)
            else:
                options.enable_option_at_index(i)
        self.query_one("#picked", Static).update(self.picked_content())
        check = self.query_one("#check", Button)
        check.disabled = not self.complete
        if self.complete:
            check.focus()
        else:
            options.focus()
            if options.highlighted is None or options.highlighted in self.picked:
                options.highlighted = next(i for i in range(options.option_count) if i not in self.picked)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index not in self.picked:
            self.picked.append(event.option_index)
            self._refresh()

    def action_take_back(self) -> None:
        if self.picked:
            self.picked.pop()
            self._refresh()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.complete:
            self.submit(self.response())
