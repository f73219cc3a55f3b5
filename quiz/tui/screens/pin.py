"""The PIN of a profile that has one, asked when the profile is opened and when a test starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..texts import N_, _

if TYPE_CHECKING:
    from quiz.store import Store

TRIES = 3
"""Wrong PINs in a row before the question closes (a pupil guessing another's PIN starts over)."""


class PinScreen(ModalScreen[bool]):
    """True once the right PIN is typed; False on Escape or after `TRIES` wrong ones."""

    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    #pin { width: 50; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 1 2; }
    #pin Input { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Back"))]

    def __init__(self, store: Store, profile: str) -> None:
        super().__init__()
        self.store = store
        self.profile = profile
        self.wrong = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="pin"):
            yield Static(Content(_("PIN for {name}").format(name=self.profile)), classes="title")
            yield Input(password=True, id="pin-input", max_length=12, placeholder=_("PIN, then Enter"))
            yield Static("", id="pin-problem", classes="problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.store.pin_matches(self.profile, event.value):
            self.dismiss(True)
            return
        self.wrong += 1
        if self.wrong >= TRIES:
            self.dismiss(False)
            return
        event.input.value = ""
        self.query_one("#pin-problem", Static).update(_("That is not the PIN. Ask your teacher if you forgot it."))

    def action_cancel(self) -> None:
        self.dismiss(False)
