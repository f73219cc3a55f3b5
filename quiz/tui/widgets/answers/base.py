"""What every answer widget shares: it is built from a `Presented` and posts the response."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

if TYPE_CHECKING:
    from quiz.engine.presentation import Presented


class AnswerWidget(Vertical):
    """Collects one response to one presented card; the screen grades it."""

    class Submitted(Message):
        """The learner's response, in the shape `grade()` expects for the card's kind."""

        def __init__(self, response: object) -> None:
            super().__init__()
            self.response = response

    def __init__(self, presented: Presented) -> None:
        super().__init__(classes="answer")
        self.presented = presented
        self.earlier: object = None

    def prefill(self, response: object) -> None:
        """Show an answer given before (going back in a test) as if just entered, so Enter keeps it.

        `response` has the shape the widget submits; None leaves the widget empty.
        """
        self.earlier = response
        if self.is_mounted and response is not None:
            self.show_response(response)

    def show_response(self, response: object) -> None:
        """Put `response` into the widget's fields, ticks or picks; each kind knows its own shape."""

    def option_indices(self, texts: object) -> list[int]:
        """Positions of the shown options with these texts, in the given order (each option used once)."""
        chosen: list[int] = []
        for text in texts if isinstance(texts, (list, tuple)) else [texts]:
            free = [i for i, option in enumerate(self.presented.options) if option == text and i not in chosen]
            if free:
                chosen.append(free[0])
        return chosen

    def prompt_content(self) -> Content:
        """The question as shown above the widget; deck text stays literal."""
        return Content(self.presented.prompt)

    def submit(self, response: object) -> None:
        self.post_message(self.Submitted(response))

    def on_mount(self) -> None:
        if self.earlier is not None:
            self.show_response(self.earlier)
        self.focus_main()

    def focus_main(self) -> None:
        """Give the keyboard to the part the learner types into or picks from."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
