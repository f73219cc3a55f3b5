"""Tables whose cells are cut short to fit the screen; Enter shows the highlighted row in full."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.widgets import DataTable

from ..texts import N_

READING_HELP = N_("Enter: the highlighted row in full · ← →: scroll sideways · Tab: next table")


class FullRowsTable(DataTable):
    """A row-cursor table that keeps each row's full text, shown by Enter (or a click on the row)."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
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
