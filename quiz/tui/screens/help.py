"""The keys, one page; any key that means "close" closes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("Home", ""),
    ("↑ ↓  Enter", "choose a deck and study it"),
    ("a  /  s", "study all due decks / statistics of the deck"),
    ("p", "switch learner"),
    ("e  /  t", "set a test on the deck / class report of results"),
    ("Questions", ""),
    ("1-9  or  ↑ ↓ Enter", "pick an option (also with the mouse)"),
    ("space", "tick an option (several right) / flip a flashcard"),
    ("type, Enter", "typed answers; Enter goes to the next gap"),
    ("Backspace", "take back the last pick (order, match)"),
    ("h  or  F2", "show the hint (counts as help)"),
    ("After answering", ""),
    ("1 2 3 4", "change the rating: again, hard, good, easy"),
    ("Enter", "next card"),
    ("u  or  ctrl+z", "undo the last answer"),
    ("In a test", ""),
    ("ctrl+n  /  ctrl+b", "skip the question / back to the previous one"),
    ("ctrl+s  or  F10", "hand the test in"),
    ("Anywhere", ""),
    ("Esc", "back to the deck list (your answers are saved)"),
    ("? or F1  /  ctrl+t", "this help / switch light and dark"),
    ("ctrl+q", "quit; every answer given is already saved"),
)

TEST_KEYS: tuple[tuple[str, str], ...] = (
    ("In a test (no verdicts until it is handed in)", ""),
    ("1-9  or  ↑ ↓ Enter", "pick an option (also with the mouse)"),
    ("space", "tick an option (several right)"),
    ("type, Enter", "typed answers; Enter goes to the next gap"),
    ("Backspace", "take back the last pick (order, match)"),
    ("ctrl+n", "skip the question for now"),
    ("ctrl+b", "back to the previous question, to change the answer"),
    ("ctrl+s  or  F10", "hand the test in"),
    ("Anywhere", ""),
    ("? or F1  /  ctrl+t", "this help / switch light and dark"),
    ("ctrl+q", "quit: the test is handed in as it stands"),
)


class HelpScreen(ModalScreen[None]):
    """The keys of practice, or of a test when opened over one (a screen with `IN_TEST = True`)."""

    BINDINGS = [Binding("escape,question_mark,q,f1,enter", "dismiss", "Close")]

    def __init__(self, in_test: bool = False) -> None:
        super().__init__()
        self.keys = TEST_KEYS if in_test else KEYS

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            lines = [key if not what else f"  {key:<20} {what}" for key, what in self.keys]
            yield Static("\n".join(lines), markup=False, id="help-keys")

    def on_click(self) -> None:
        self.dismiss()
