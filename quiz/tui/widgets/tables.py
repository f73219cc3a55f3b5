"""Row tables whose cursor row is marked ▶, not only shaded; tables whose cells are cut short, Enter showing a row in full."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable

from ..texts import N_
from .marker import marked

READING_HELP = N_("Enter: the highlighted row in full · ← →: scroll sideways · Tab: next table")


class MarkedTable(DataTable):
    """A table with a row cursor whose row, while the table has the keyboard, starts with ▶ (in the cell padding).

    The cursor row is also shaded, but meaning never rests on colour alone (a monochrome
    terminal, `NO_COLOR`, a projector): ▶ is the row Enter acts on.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if strip.cell_length < 2 or not self._is_cursor_line(y):
            return strip
        return marked(strip)


    def _is_cursor_line(self, y: int) -> bool:
        """Whether the table's line `y` (as `render_line` counts) is the first line of the cursor row, shown with the keyboard here."""
        if not (self.has_focus and self.show_cursor and self.cursor_type == "row" and self.row_count):
            return False
        fixed = 0  # the lines that stay in place when the table scrolls: the header and any fixed rows
        for index in range(self.fixed_rows):
            key = self._row_locations.get_key(index)
            fixed += 0 if key is None else self.get_row_height(key)
        if self.show_header:

            fixed += self.get_row_height(self._header_row_key)
        if y >= fixed:
            y += self.scroll_offset.y
        try:
            row_key, offset = self._get_offsets(y)
        except (LookupError, IndexError):
            return False
        return offset == 0 and row_key is not self._header_row_key and self._row_locations.get(row_key) == self.cursor_row


class FullRowsTable(MarkedTable):
    """A row-cursor table that keeps each row's full text, shown by Enter (or a click on the row)."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title

        self.headers: list[str] = []
        self.full_rows: list[Sequence[str]] = []

    def keep_rows(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """The full text behind the rows added to the table, in the same order."""
        self.headers = list(headers)
        self.full_rows = list(rows)

    class ShowRow(Message):
        """A row is to be shown in full (the app opens the dialog that shows it)."""

        def __init__(self, title: str, headers: Sequence[str], row: Sequence[str]) -> None:
            super().__init__()
            self.title, self.headers, self.row = title, headers, row

    def _column_starts(self) -> list[int]:
        starts, x = [], 0
        for column in self.columns.values():
            starts.append(x)
            x += column.get_render_width(self)
        return starts

    def action_cursor_right(self) -> None:
        """Sideways by whole columns, so a column never starts cut in half."""
        later = [x for x in self._column_starts() if x > self.scroll_x]
        self.scroll_to(x=later[0] if later else self.max_scroll_x, animate=False)

    def action_cursor_left(self) -> None:
        earlier = [x for x in self._column_starts() if x < self.scroll_x]
        self.scroll_to(x=earlier[-1] if earlier else 0, animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.full_rows):
            self.post_message(self.ShowRow(self.title_text, self.headers, self.full_rows[event.cursor_row]))
