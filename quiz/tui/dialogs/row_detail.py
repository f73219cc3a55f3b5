"""One row of a table in full, when the table had to cut its cells short."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..texts import N_, _


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
