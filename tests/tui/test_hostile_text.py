"""Outside text in the app: toasts are literal, a played deck that is gone stays on the list, marked."""

from __future__ import annotations

import asyncio
from pathlib import Path

from exam_helpers import T0, wait_for
from textual.widgets import DataTable, Static

from quiz.store import Store
from quiz.tui.app import create_app
from quiz.tui.screens.home import HomeScreen

DECK = "deck: {id: mine, title: My deck}\ncards:\n  - {id: c, kind: answer, question: Q?, answer: a}\n"


def test_a_toast_shows_markup_and_escapes_as_text(tmp_path: Path) -> None:
    """A store error naming a folder `x.[/]` once crashed the app through markup."""

    async def run() -> None:
        app = create_app(tmp_path / "x.[/]", "ann", clock=lambda: T0, timer=lambda: 0.0)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            app.screen.notify("cannot write in /tmp/x.[/] [bold]now[/bold] \x1b]0;PWNED\x07", severity="error")
            await pilot.pause()
            [toast] = list(app._notifications)
            assert toast.message == "cannot write in /tmp/x.[/] [bold]now[/bold] \\x1b]0;PWNED\\x07"
            assert not toast.markup
            await pilot.pause()

    asyncio.run(run())


def test_a_played_deck_that_was_deleted_or_broken_stays_on_the_list_marked_with_why(tmp_path: Path) -> None:
    data = tmp_path / "data"
    gone, broken = tmp_path / "gone.yaml", tmp_path / "broken.yaml"
    with Store.open(data) as store:
        store.create_profile("ann")
        store.remember_deck_file("ann", "mine", gone)
        store.remember_deck_file("ann", "other", broken)
    broken.write_text(DECK.replace("id: mine", "id: other").replace("question: Q?", "question: [unclosed"), encoding="utf-8")

    async def run() -> None:
        app = create_app(data, "ann", clock=lambda: T0, timer=lambda: 0.0)
        async with app.run_test(size=(110, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.missing))
            screen = app.screen
            assert isinstance(screen, HomeScreen)
            assert sorted(m.deck_id for m in screen.missing) == ["mine", "other"]
            reasons = {m.deck_id: m.reason for m in screen.missing}
            assert reasons["mine"] == "no such file"
            assert reasons["other"].startswith("line 3: YAML syntax error")
            table = screen.query_one(DataTable)
            rows = len(screen.rows)
            titles = [str(table.get_row_at(rows + i)[0]) for i in range(len(screen.missing))]
            assert all(title.startswith("⚠ ") and "(cannot be opened)" in title for title in titles)
            table.move_cursor(row=rows + [m.deck_id for m in screen.missing].index("mine"))
            await pilot.pause()
            status = str(screen.query_one("#home-status", Static).content)
            assert str(gone) in status and "no such file" in status and "progress is kept" in status
            await pilot.press("enter")  # nothing to study: the list stays
            await pilot.pause()
            assert app.screen is screen

    asyncio.run(run())
