"""The keys, one page, and how to choose the language; any key that means "close" closes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..texts import N_, _

KEYS: tuple[tuple[str, str], ...] = (
    (N_("Home"), ""),
    ("↑ ↓  Enter", N_("choose a deck and study it")),
    ("a  /  s", N_("study all due decks / statistics of the deck")),
    ("p", N_("switch learner")),
    ("e  /  t", N_("set a test on the deck / class report of results")),
    ("i", N_("import a deck from a file (Anki, Quizlet, GIFT, CSV)")),
    (N_("Questions"), ""),
    (N_("1-9  or  ↑ ↓ Enter"), N_("pick an option (also with the mouse)")),
    (N_("space"), N_("tick an option (several right) / flip a flashcard")),
    (N_("type, Enter"), N_("typed answers; Enter goes to the next gap")),
    (N_("Backspace"), N_("take back the last pick (order, match)")),
    ("F2", N_("show the hint (counts as help)")),
    (N_("After answering"), ""),
    ("1 2 3 4", N_("change the rating: again, hard, good, easy")),
    ("Enter", N_("next card")),
    (N_("ctrl+z"), N_("undo the last answer; the first try still counts for the rating")),
    (N_("In a test"), ""),
    (N_("ctrl+n  /  ctrl+b"), N_("skip the question / back to the previous one")),
    (N_("ctrl+s  or  F10"), N_("hand the test in")),
    (N_("Anywhere"), ""),
    ("Esc", N_("back to the deck list (your answers are saved)")),
    (N_("? or F1  /  ctrl+t"), N_("this help / switch light and dark")),
    (N_("ctrl+q"), N_("quit; every answer given is already saved")),
    (N_("Language"), ""),
    ("--lang de  /  en", N_("quiz in German / English (or QUIZ_LANG=de)")),
)

TEST_KEYS: tuple[tuple[str, str], ...] = (
    (N_("In a test (no verdicts until it is handed in)"), ""),
    (N_("1-9  or  ↑ ↓ Enter"), N_("pick an option (also with the mouse)")),
    (N_("space"), N_("tick an option (several right)")),
    (N_("type, Enter"), N_("typed answers; Enter goes to the next gap")),
    (N_("Backspace"), N_("take back the last pick (order, match)")),
    (N_("ctrl+n"), N_("skip the question for now")),
    (N_("ctrl+b"), N_("back to the previous question, to change the answer")),
    (N_("ctrl+s  or  F10"), N_("hand the test in")),
    (N_("Anywhere"), ""),
    (N_("? or F1  /  ctrl+t"), N_("this help / switch light and dark")),
    (N_("ctrl+q"), N_("quit: asks first, then hands the test in as it stands")),
)


class HelpScreen(ModalScreen[None]):
    """The keys of practice, or of a test when opened over one (a screen with `IN_TEST = True`)."""

    BINDINGS = [Binding("escape,question_mark,q,f1,enter", "dismiss", N_("Close"))]

    def __init__(self, in_test: bool = False) -> None:
        super().__init__()
        self.keys = TEST_KEYS if in_test else KEYS

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = _("Keys")
            box.border_subtitle = _("Esc closes")
            lines = [_(key) if not what else f"  {_(key):<20} {_(what)}" for key, what in self.keys]
            yield Static("\n".join(lines), markup=False, id="help-keys")

    def on_click(self) -> None:
        self.dismiss()
