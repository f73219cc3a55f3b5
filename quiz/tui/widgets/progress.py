"""The session's progress: the deck, a bar and `answered / total`, so it reads without colour.

The bar is drawn in text, heavy line for what is done and light line for
what is left; Textual's ProgressBar (with its ETA, percentage and animation)
would cost more to build than the rest of the first question.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label

BAR_WIDTH = 20


def bar_content(answered: int, total: int, width: int = BAR_WIDTH) -> Content:
    done = 0 if total <= 0 else min(width, round(width * answered / total))
    return Content.assemble(("━" * done, "$accent"), ("─" * (width - done), "$foreground 30%"))


class SessionProgress(Horizontal):
    def __init__(self, title: str) -> None:
        super().__init__(id="progress")
        self.title = title

    def compose(self) -> ComposeResult:
        yield Label(self.title, id="deck-title", markup=False)
        yield Label(bar_content(0, 0), id="bar")
        yield Label("", id="count")

    def show(self, answered: int, total: int) -> None:
        self.query_one("#bar", Label).update(bar_content(answered, total))
        self.query_one("#count", Label).update(f"{answered}/{total}")
