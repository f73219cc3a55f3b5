"""The session's progress on one line: the deck, a bar and `answered/total`, so it reads without colour.

The bar is text, a heavy line for what is done and a light line for what is
left, and the whole line is one widget: it is on screen before anything else,
and Textual's ProgressBar (ETA, percentage, animation) or a row of labels
would cost more to build than the rest of the first question.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

BAR_WIDTH = 20
COUNT_WIDTH = 7


def bar_content(answered: int, total: int, width: int = BAR_WIDTH) -> Content:
    done = 0 if total <= 0 else min(width, round(width * answered / total))
    return Content.assemble(("━" * done, "$accent"), ("─" * (width - done), "$foreground 30%"))


class SessionProgress(Widget):
    answered: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)
    left: reactive[str] = reactive("")

    def __init__(self, title: str) -> None:
        super().__init__(id="progress")
        self.title = title

    def show(self, answered: int, total: int, left: str = "") -> None:
        """`answered` of `total` as a bar; `left` (cards left, in words) instead of the count when given."""
        self.answered, self.total, self.left = answered, total, left

    def render(self) -> Content:
        """The title takes what the bar and the count leave, cut with an ellipsis; deck text stays literal."""
        count = f" {self.left}" if self.left else f"{self.answered}/{self.total}".rjust(COUNT_WIDTH)
        title_width = max(1, self.content_size.width - BAR_WIDTH - len(count) - 2)
        title = Content.styled(self.title, "bold").truncate(title_width, ellipsis=True, pad=True)
        return Content.assemble(title, " ", bar_content(self.answered, self.total), " ", count)
