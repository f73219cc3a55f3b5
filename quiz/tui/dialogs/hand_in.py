"""Asks yes or no about the test on screen: before handing in with blanks, before quitting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..texts import N_, _, ngettext
from ..widgets.keybutton import KeyButton


class ConfirmScreen(ModalScreen[bool]):
    """Asks a yes/no question about the test on screen: y (or j) is yes, n or Escape is no."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    .confirm { width: 60; max-width: 100%; height: auto; border: round $warning; background: $surface; padding: 1 2; }
    .confirm-actions { height: auto; margin-top: 1; }
    .confirm-actions KeyButton { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Yes")),  # yes, ja
        Binding("n,escape", "answer(False)", N_("Keep going")),
    ]

    def __init__(self, message: str, yes: str, *, id: str | None = None) -> None:
        super().__init__()
        self.message = message
        self.yes = yes
        self.box_id = id

    def compose(self) -> ComposeResult:
        with Vertical(id=self.box_id, classes="confirm"):
            yield Static(Content(self.message))
            with Horizontal(classes="confirm-actions"):
                yield KeyButton(_("y  {action}").format(action=self.yes), id="yes")
                yield KeyButton(_("n  Keep going"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class HandInScreen(ConfirmScreen):
    """Asks before handing in a test with questions left blank."""

    def __init__(self, blank: list[int]) -> None:
        count = len(blank)
        numbers = ", ".join(str(i + 1) for i in blank)
        message = (
            ngettext(
                "{count} question is not answered ({numbers}).", "{count} questions are not answered ({numbers}).", count
            ).format(count=count, numbers=numbers)
            + "\n"
            + _("Blank answers score nothing. Hand in the test now?")
        )
        super().__init__(message, _("Hand in"), id="hand-in")
        self.blank = blank


class QuitTestScreen(ConfirmScreen):
    """Asks before quitting in the middle of a test: quitting hands it in as it stands, for good."""

    def __init__(self, answered: int, total: int) -> None:
        message = (
            _("Quit the test? It is handed in as it stands ({answered} of {total} answered);").format(
                answered=answered, total=total
            )
            + "\n"
            + _("it cannot be continued later.")
        )
        super().__init__(message, _("Quit and hand in"), id="quit-test")
