"""The four ratings as clickable buttons; the one in force is ticked, not just coloured.

Each button can show when the card would come back with that rating
(`Again 10m · Hard 2d · Good 5d · Easy 12d`), as Anki's buttons do.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Label

from ..texts import N_, _
from .keybutton import KeyButton

RATING_NAMES: dict[int, str] = {1: N_("Again"), 2: N_("Hard"), 3: N_("Good"), 4: N_("Easy")}


class RatingBar(Horizontal):
    class Chosen(Message):
        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    current: reactive[int | None] = reactive(None)

    def __init__(
        self, title: str, current: int | None = None, *, id: str | None = None, waits: dict[int, str] | None = None
    ) -> None:
        super().__init__(id=id, classes="rating-bar")
        self.title = title
        self.waits = dict(waits or {})
        self.set_reactive(RatingBar.current, current)

    def compose(self) -> ComposeResult:
        if self.title:
            yield Label(self.title, classes="rating-title")
        for value in RATING_NAMES:
            yield KeyButton(self._label(value), id=f"rate-{value}", classes="rate")

    def _label(self, value: int) -> str:
        tick = "✓" if value == self.current else " "
        wait = self.waits.get(value)
        return f"{tick}{value} {_(RATING_NAMES[value])}" + (f" {wait}" if wait else "")

    def show_waits(self, waits: dict[int, str]) -> None:
        """Show on each button when the card would come back with it."""
        self.waits = dict(waits)
        if self.is_mounted:
            self.watch_current()

    def watch_current(self) -> None:
        for value in RATING_NAMES:
            button = self.query_one(f"#rate-{value}", Button)
            button.label = self._label(value)
            button.set_class(value == self.current, "-current")

    def on_mount(self) -> None:
        self.watch_current()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        assert event.button.id is not None
        self.post_message(self.Chosen(int(event.button.id.removeprefix("rate-"))))
