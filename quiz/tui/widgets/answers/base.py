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

    def prompt_content(self) -> Content:
        """The question as shown above the widget; deck text stays literal."""
        return Content(self.presented.prompt)

    def submit(self, response: object) -> None:
        self.post_message(self.Submitted(response))

    def on_mount(self) -> None:
        self.focus_main()

    def focus_main(self) -> None:
        """Give the keyboard to the part the learner types into or picks from."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
