"""Import from the deck list: a file path typed in becomes a deck in the learner's data folder, listed at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.deck.datarecord import datarecord

from ..texts import N_, _, ngettext
from ..widgets.keybar import KeyBar

if TYPE_CHECKING:
    from ..app import QuizApp

IMPORTED_FOLDER = "imported"
"""Decks imported in the app are written here, inside the data folder."""


@datarecord
class ImportDone:
    """What the deck list says after an import."""

    title: str
    cards: int
    skipped: int
    path: Path


def import_into(data_dir: Path, source: Path) -> tuple[ImportDone, str, str]:
    """Read `source`, write its deck under the data folder; (result, deck id, summary lines). DeckError when it cannot."""
    from quiz.deck.errors import DeckError, Problem
    from quiz.generate.output import write_atomically
    from quiz.interchange.build import deck_file_text, make_deck, was_imported
    from quiz.interchange.formats import Options, read_file

    imported = make_deck([read_file(source, Options())])
    folder = data_dir / IMPORTED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{imported.deck.id}.yaml"
    if target.exists() and not was_imported(target):
        raise DeckError([Problem(str(target), 0, 0, "already exists and was not written by an import")])
    write_atomically(target, deck_file_text(imported, [str(source)]))
    lines = [str(p) for p in imported.skipped[:50]]
    done = ImportDone(imported.deck.title, len(imported.deck.cards), len(imported.skipped), target)
    return done, imported.deck.id, "\n".join(lines)


class ImportScreen(Screen[ImportDone | None]):
    """Asks for a file's path; shows why an import failed, stays until it works or Esc."""

    BINDINGS = [Binding("escape", "cancel", N_("Back"))]

    app: QuizApp

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Static(_("Import a deck"), classes="title")
            yield Static(
                _("Type the path of an Anki package or text export, a Quizlet export, a Moodle GIFT file "
                  "or a spreadsheet (CSV, TSV, .xlsx), then Enter."),
                classes="instructions",
            )
            yield Input(placeholder=_("path of the file"), id="import-path", select_on_focus=False)
            yield Static("", id="import-problem", classes="problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip().strip("'\"")
        if not text:
            return
        self.query_one("#import-problem", Static).update(_("Importing…"))
        self.run_import(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, source: Path) -> None:
        from quiz.deck.errors import DeckError
        from quiz.shown import shown

        store, profile = self.app.store, self.app.profile
        try:
            done, deck_id, _lines = import_into(self.app.data_dir, source)
            if store is not None and profile is not None:
                store.remember_deck_file(profile, deck_id, done.path)
        except DeckError as error:
            message = shown("\n".join(str(p) for p in error.problems[:8]), lines=True)
            self.app.call_from_thread(self.query_one("#import-problem", Static).update, message)
            return
        except OSError as error:
            message = shown(f"{source}: {error.strerror or error}")
            self.app.call_from_thread(self.query_one("#import-problem", Static).update, message)
            return
        self.app.call_from_thread(self.dismiss, done)

    def action_cancel(self) -> None:
        self.dismiss(None)


def imported_message(done: ImportDone) -> str:
    """The deck list's note after an import."""
    cards = ngettext("{count} card", "{count} cards", done.cards).format(count=done.cards)
    message = _("Imported “{title}”: {cards}.").format(title=done.title, cards=cards)
    if done.skipped:
        message += " " + _("{count} skipped.").format(count=done.skipped)
    return message
