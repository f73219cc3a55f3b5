"""The session's progress: a bar plus `answered / total`, so it reads without colour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class SessionProgress(Horizontal):
    def __init__(self, title: str) -> None:
        super().__init__(id="progress")
        self.title = title

    def compose(self) -> ComposeResult:
        yield Label(self.title, id="deck-title", markup=False)
        yield ProgressBar(show_eta=False, show_percentage=False, id="bar")
        yield Label("", id="count")

    def show(self, answered: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=answered)
        self.query_one("#count", Label).update(f"{answered}/{total}")
