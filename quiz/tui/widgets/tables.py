"""Tables whose cells are cut short to fit the screen; Enter shows the highlighted row in full."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..texts import N_, _

READING_HELP = N_("Enter: the highlighted row in full · ← →: scroll sideways · Tab: next table")


class RowDetailScreen(ModalScreen[None]):
    """One row, a column per paragraph, wrapped: long answers and lists the table had to cut."""

    DEFAULT_CSS = """
    RowDetailScreen { align: center middle; }
    #row-detail { width: 78; max-width: 100%; height: auto; max-height: 100%; border: round $primary;
                  background: $surface; padding: 0 1; }
    #row-detail Static { height: auto; }
    """
    BINDINGS = [Binding("escape,enter,q", "dismiss", N_("Close"))]

    def __init__(self, title: str, headers: Sequence[str], row: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.headers = headers
        self.row = row

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="row-detail") as box:
            box.border_title = self.title_text
            box.border_subtitle = _("Esc closes")
            lines = [Content.assemble((f"{name or '·'}: ", "bold"), value) for name, value in zip(self.headers, self.row, strict=False)]
            yield Static(Content("\n").join(lines))

    def on_click(self) -> None:
        self.dismiss()


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
            self.app.push_screen(RowDetailScreen(self.title_text, self.headers, self.full_rows[event.cursor_row]))
