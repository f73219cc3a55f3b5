"""The deck list: new, due and learned cards per deck and when the next review is due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.deck.datarecord import datarecord
from quiz.shown import shown

from ..texts import N_, _, ngettext
from ..when import relative
from ..widgets.keybar import KeyBar
from ..widgets.tables import MarkedTable

if TYPE_CHECKING:
    from quiz.deck.model import Deck
    from quiz.store import DeckCounts, Store

    from ..app import QuizApp

NUMBER_COLUMNS = ((N_("New"), 5), (N_("Due"), 5), (N_("Learned"), 7), (N_("Next review"), 14))


@datarecord
class DeckRow:
    deck: Deck
    counts: DeckCounts


@datarecord
class MissingDeck:
    """A deck file the learner played that cannot be opened now (moved, deleted, broken): shown, marked, with why."""

    deck_id: str
    path: Path
    reason: str


def played_deck_files(store: Store, profile: str, bundled_ids: set[str]) -> tuple[list[Deck], list[MissingDeck]]:
    """The learner's own deck files (`quiz play my.yaml`), most recent first: those that can be read,
    and those that cannot any more, with the reason.

    The progress of a missing deck stays in the store and comes back with the file.
    """
    from quiz.deck.cache import read_deck
    from quiz.deck.errors import DeckError

    decks: list[Deck] = []
    missing: list[MissingDeck] = []
    for deck_id, path in store.deck_files(profile):
        if deck_id in bundled_ids or deck_id in {d.id for d in decks}:
            continue
        try:
            deck = read_deck(path)
        except DeckError as error:
            first = error.problems[0] if error.problems else None
            reason = "cannot be read" if first is None else first.message
            if first is not None and first.line > 0 and reason != _("no such file"):
                reason = f"line {first.line}: {reason}" + (f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else "")
            missing.append(MissingDeck(deck_id, path, reason))
            continue
        except OSError as error:
            missing.append(MissingDeck(deck_id, path, error.strerror or str(error)))
            continue
        if deck.id != deck_id:
            missing.append(MissingDeck(deck_id, path, f"the file now holds another deck ({deck.id})"))
        else:
            decks.append(deck)
    return decks, missing


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "study", N_("Study"), show=False),
        Binding("a", "study_due", N_("All due")),
        Binding("s", "statistics", N_("Stats")),
        Binding("p", "switch_profile", N_("Learner")),
        Binding("e", "exam", N_("Test")),
        Binding("t", "report", N_("Class report")),
        Binding("i", "import_deck", N_("Import"), show=False),  # the key bar is full at 80 columns: the help lists it
        Binding("escape", "app.quit", N_("Quit"), show=False),
    ]

    app: QuizApp

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DeckRow] = []
        self.missing: list[MissingDeck] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="greeting", markup=False)
        yield MarkedTable(id="decks")
        yield Static(_("Loading decks…"), id="home-status", classes="instructions")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.query_one("#greeting", Static).update(_("quiz · learner: {name}").format(name=self.app.profile))
        self.load()

    @work(thread=True, exclusive=True, group="home")
    def load(self) -> None:
        """Read the decks and this learner's counts off the UI thread."""
        from quiz.deck.errors import DeckError
        from quiz.deck.files import bundled_decks
        from quiz.store import StoreError

        store, profile, now = self.app.store, self.app.profile, self.app.now()
        assert store is not None and profile is not None
        try:
            decks = bundled_decks()
            played, missing = played_deck_files(store, profile, {deck.id for deck in decks})
            decks += played
            rows = [DeckRow(deck, store.deck_counts(profile, deck, now=now)) for deck in decks]
        except (DeckError, StoreError, OSError) as error:
            self.app.call_from_thread(self.query_one("#home-status", Static).update, Content(str(error)))
            return
        self.app.call_from_thread(self.fill, rows, missing)

    def fill(self, rows: list[DeckRow], missing: list[MissingDeck] | None = None) -> None:
        self.rows = rows
        self.missing = missing or []
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        columns = [(_(name), max(width, len(_(name)))) for name, width in NUMBER_COLUMNS]  # "Fällig" is wider than "Due"
        title_width = max(16, self.size.width - sum(w + 2 for _name, w in columns) - 6)
        table.add_column(_("Deck"), width=title_width)
        for name, width in columns:
            table.add_column(name, width=width)
        now = self.app.now()
        for row in rows:
            c = row.counts
            if c.due_now:
                due_text = _("now")
            elif c.next_due is not None:  # nothing due yet: never "now" beside a Due of 0, at least "in 1 minute"
                due_text = relative(max(c.next_due, now + dt.timedelta(minutes=1)), now)
            else:
                due_text = "—"
            language = f" [{row.deck.language}]" if row.deck.language else ""
            title = Text(row.deck.title + language, no_wrap=True, overflow="ellipsis")
            table.add_row(
                title,
                Text(str(c.new), justify="right"),
                Text(str(c.due_now), justify="right"),
                Text(str(c.review), justify="right"),
                Text(due_text),
            )
        for gone in self.missing:
            table.add_row(
                Text(_("⚠ {deck} (cannot be opened)").format(deck=shown(gone.deck_id)), style="dim", no_wrap=True, overflow="ellipsis"),
                *(Text("—", style="dim", justify="right") for _name in NUMBER_COLUMNS),
            )
        if rows or self.missing:
            table.move_cursor(row=min(keep, len(rows) + len(self.missing) - 1))
        if not rows:
            self.query_one("#home-status", Static).update(_("No decks found."))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Say what the highlighted deck is about, so a new learner knows what to pick."""
        gone = event.cursor_row - len(self.rows)
        if 0 <= gone < len(self.missing):
            missing = self.missing[gone]
            self.query_one("#home-status", Static).update(
                Content.assemble(
                    (shown(str(missing.path)), "bold"),
                    f" · {shown(missing.reason)}\n",
                    _("Its progress is kept: it comes back when the file can be read again."),
                )
            )
            return
        if not 0 <= event.cursor_row < len(self.rows):
            return
        deck = self.rows[event.cursor_row].deck
        about = " ".join((deck.description or "").split())
        self.query_one("#home-status", Static).update(
            Content.assemble(
                (ngettext("{count} card", "{count} cards", len(deck.cards)).format(count=len(deck.cards)), "bold"),
                f" · {about}" if about else "",
                "\n" + _("Enter studies this deck."),
            )
        )

    def _highlighted(self) -> Deck | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row].deck

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_study()

    def action_study(self) -> None:
        deck = self._highlighted()
        if deck is not None:
            self.app.study([deck])

    def action_study_due(self) -> None:
        due = [row.deck for row in self.rows if row.counts.due_now]
        if due:
            self.app.study(due)
        else:
            self.notify(_("Nothing is due right now."))

    def action_statistics(self) -> None:
        deck = self._highlighted()
        if deck is not None:
            self.app.show_statistics([deck])

    def action_exam(self) -> None:
        deck = self._highlighted()
        if deck is not None:
            from .exam import start_exam

            start_exam(self.app, deck)

    def action_report(self) -> None:
        from .report import open_report

        open_report(self.app)

    def action_import_deck(self) -> None:
        from .importing import ImportDone, ImportScreen, imported_message

        def done(result: ImportDone | None) -> None:
            if result is not None:
                self.notify(imported_message(result), markup=False)
                self.load()

        self.app.push_screen(ImportScreen(), done)

    def action_switch_profile(self) -> None:
        from .profile import ProfileScreen

        store = self.app.store
        assert store is not None

        def chosen(name: str | None) -> None:
            if name is None:
                return
            before = self.app.profile
            self.app.use_profile(name)

            def refused() -> None:
                self.app.profile = before  # the wrong PIN: the learner before stays

            self.app.with_pin(self.on_screen_resume, refused)

        self.app.push_screen(ProfileScreen(store.list_profiles(), switching=True), chosen)
