"""Who is learning: pick a profile or type a new name. Each profile has its own progress."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from quiz.store.profiles import MAX_NAME, ProfileNameError, clean_profile_name

from ..texts import N_, _
from ..widgets.keybar import KeyBar
from ..widgets.options import NumberedOptions


class ProfileScreen(Screen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Back")),
        # At start-up Esc quits as Ctrl+Q does, which the key bar shows already: one key shown for one thing.
        Binding("escape", "cancel_start", N_("Quit"), show=False),
    ]

    def __init__(self, profiles: list[str], *, switching: bool = False) -> None:
        super().__init__()
        self.profiles = profiles
        self.switching = switching
        """Opened from the deck list (Esc goes back) rather than at start-up (Esc quits)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="profiles"):
            yield Static(_("Who is learning?"), classes="title")
            if self.profiles:
                yield Static(_("Pick your name (number keys, or arrows and Enter) or type a new one."), classes="instructions")
                yield NumberedOptions(self.profiles, id="existing")
            else:
                yield Static(_("Welcome! Type your name to keep your own progress."), classes="instructions")
            yield Input(
                placeholder=_("new learner's name, then Enter"), id="new-name", max_length=MAX_NAME, select_on_focus=False
            )
            yield Static("", id="name-problem", classes="problem")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.profiles:
            existing = self.query_one("#existing", NumberedOptions)
            existing.focus()
            # Nothing is picked until the learner moves there: Enter alone never
            # signs a pupil in as whoever happens to be first in the list.
            existing.highlighted = None
        else:
            self.query_one("#new-name").focus()

    def on_key(self, event: events.Key) -> None:
        """Letters typed while the list has focus start a new name, as the screen says.

        A key reaches the screen only when no widget took it: the name box takes every
        letter it gets, so a letter here was sent to the list, maybe before the first
        letter of a name moved the keyboard to the box (keys typed in one go): it
        belongs to the name all the same.
        """
        existing = self.query("#existing").first(NumberedOptions) if self.profiles else None
        if existing is None:
            return
        name = self.query_one("#new-name", Input)
        if event.key == "enter" and not name.has_focus and existing.highlighted is None:
            event.stop()
            event.prevent_default()
            if name.value.strip():  # typed in one go: the name's letters and Enter arrived before the box had the keys
                self.on_input_submitted(Input.Submitted(name, name.value))
                return
            self.query_one("#name-problem", Static).update(_("Pick your name with its number or the arrows, or type a new one."))
            return
        if event.is_printable and event.character is not None and event.character not in "123456789 ":
            event.stop()
            event.prevent_default()
            self.set_focus(name)  # now, not after the keys already waiting: they belong to the name too
            name.insert_text_at_cursor(event.character)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.profiles[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            name = clean_profile_name(event.value)
        except ProfileNameError as problem:
            self.query_one("#name-problem", Static).update(str(problem))  # said in the learner's language
            return
        self.dismiss(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.switching
        if action == "cancel_start":
            return not self.switching
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_cancel_start(self) -> None:
        self.dismiss(None)
