"""Flashcard: think of the answer, flip with space, then rate yourself 1-4."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from ...texts import N_, _
from ..keybutton import KeyButton
from .base import AnswerWidget

if TYPE_CHECKING:
    from ..rating import RatingBar


class FlashcardAnswer(AnswerWidget):
    can_focus = True
    BINDINGS = [
        Binding("space,enter", "flip", N_("Show answer")),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(1, 5)),
    ]

    class Rated(Message):
        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    class Flipped(Message):
        """The back is shown: time to tell the rating buttons when each would bring the card back."""

        def __init__(self, flashcard: FlashcardAnswer) -> None:
            super().__init__()
            self.flashcard = flashcard

    flipped = False
    waits: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(_("Think of the answer, then press space."), classes="instructions", id="flip-hint")
        yield KeyButton(_("Show answer (space)"), id="flip")

    def _back_side(self) -> list[Widget]:
        """Built on flipping: nothing of it shows before, and it is the costlier half to build."""
        from ..notes import notes_content
        from ..rating import RatingBar

        back: list[Widget] = [Static(Content(self.presented.back), classes="back")]
        notes = notes_content(self.presented.deck, self.presented.card)
        if notes is not None:
            back.append(Static(notes, classes="notes"))
        # the question on a line of its own: the buttons need the width for when each brings the card back
        back.append(Static(_("How well did you know it?"), classes="self-rating-title"))
        back.append(RatingBar("", id="self-rating", waits=self.waits))
        return back

    def focus_main(self) -> None:
        self.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "flip":
            return not self.flipped
        if action == "rate":
            return self.flipped
        return True

    def show_waits(self, waits: dict[int, str]) -> None:
        """When the card would come back with each rating, shown on the rating buttons."""
        from ..rating import RatingBar

        self.waits = dict(waits)
        for bar in self.query(RatingBar):
            bar.show_waits(waits)

    def action_flip(self) -> None:
        if not self.flipped:
            self.mount(Vertical(*self._back_side(), id="back-side"))
            self.post_message(self.Flipped(self))
        self.flipped = True
        self.add_class("-flipped")
        self.focus()
        self.refresh_bindings()

    def action_rate(self, rating: int) -> None:
        self.post_message(self.Rated(rating))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "flip":
            event.stop()
            self.action_flip()

    def on_rating_bar_chosen(self, event: RatingBar.Chosen) -> None:
        event.stop()
        self.action_rate(event.rating)
