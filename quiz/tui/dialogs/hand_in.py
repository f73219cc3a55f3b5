"""Asks before a test with blank answers is handed in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..texts import N_, _, ngettext
from ..widgets.keybutton import KeyButton


class HandInScreen(ModalScreen[bool]):
    """Asks before handing in a test with questions left blank."""

    DEFAULT_CSS = """
    HandInScreen { align: center middle; }
    #hand-in { width: 60; max-width: 100%; height: auto; border: round $warning; background: $surface; padding: 1 2; }
    #hand-in-actions { height: auto; margin-top: 1; }
    #hand-in-actions KeyButton { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Hand in")),  # yes, ja
        Binding("n,escape", "answer(False)", N_("Keep going")),
    ]

    def __init__(self, blank: list[int]) -> None:
        super().__init__()
        self.blank = blank

    def compose(self) -> ComposeResult:
        numbers = ", ".join(str(i + 1) for i in self.blank)
        with Vertical(id="hand-in"):
            count = len(self.blank)
            yield Static(
                ngettext(
                    "{count} question is not answered ({numbers}).", "{count} questions are not answered ({numbers}).", count
                ).format(count=count, numbers=numbers)
                + "\n"
                + _("Blank answers score nothing. Hand in the test now?")
            )
            with Horizontal(id="hand-in-actions"):
                yield KeyButton(_("y  Hand in"), id="yes")
                yield KeyButton(_("n  Keep going"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
