"""A numbered option list: number keys, arrows and Enter, or a click pick an option."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.strip import Strip
from textual.widgets import OptionList

from .marker import marked


def numbered(number: int, text: str, mark: str = "") -> Content:
    """`1  text`, the deck's text kept literal (never read as markup)."""
    return Content.assemble((f"{number} ", "bold"), mark, Content(text))


class NumberedOptions(OptionList):
    """Options labelled 1-9; pressing a number picks that option like Enter does; ▶ marks the highlighted one (with the keyboard)."""

    DEFAULT_CSS = """
    NumberedOptions > .option-list--option { padding: 0 1 0 2; }
    """

    BINDINGS = [Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)]

    def __init__(self, texts: Sequence[str] = (), *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(*(numbered(i + 1, t) for i, t in enumerate(texts)), id=id, classes=classes)

    def action_pick(self, index: int) -> None:
        if 0 <= index < self.option_count and not self.get_option_at_index(index).disabled:
            self.highlighted = index
            self.action_select()

    def render_line(self, y: int) -> Strip:
        """The option's line; the highlighted option's first line starts with ▶ (in the left padding) while the list has the keyboard."""
        strip = super().render_line(y)
        if not self.has_focus:
            return strip
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return strip
        if index != self.highlighted or offset or strip.cell_length < 2:
            return strip
        return marked(strip)

