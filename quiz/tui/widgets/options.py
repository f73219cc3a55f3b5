"""A numbered option list: number keys, arrows and Enter, or a click pick an option."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList


def numbered(number: int, text: str, mark: str = "") -> Content:
    """`1  text`, the deck's text kept literal (never read as markup)."""
    return Content.assemble((f"{number} ", "bold"), mark, Content(text))


class NumberedOptions(OptionList):
    """Options labelled 1-9; pressing a number picks that option like Enter does."""

    BINDINGS = [Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)]

    def __init__(self, texts: Sequence[str] = (), *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(*(numbered(i + 1, t) for i, t in enumerate(texts)), id=id, classes=classes)

    def action_pick(self, index: int) -> None:
        if 0 <= index < self.option_count and not self.get_option_at_index(index).disabled:
            self.highlighted = index
            self.action_select()
