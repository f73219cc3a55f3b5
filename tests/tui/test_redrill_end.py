"""The end of a re-drill says that it was practice: the cards keep their schedule."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import PROFILE, answer, make_app, synchronously, tour_deck, wait_screen

from quiz.store import Store
from quiz.tui.screens.end import DRILL_NOTE, EndScreen
from quiz.tui.screens.study import StudyScreen


@synchronously
async def test_a_redrill_ends_on_a_note_that_it_was_practice(tmp_path: Path) -> None:
    deck = tour_deck()
    two = type(deck)(id=deck.id, title=deck.title, cards=deck.cards[1:3], source=deck.source)
    app = make_app(tmp_path, two)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        first = await answer(pilot, right=False)
        while not isinstance(app.screen, EndScreen):
            await answer(pilot, right=True)
        end = await wait_screen(pilot, EndScreen)
        assert not end.query("#drill-note")
        with Store.open(tmp_path) as store:
            missed = store.state(PROFILE, deck.id, first.key)
        await pilot.press("r")
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        end = await wait_screen(pilot, EndScreen)
        assert end.session.drill
        assert str(end.query_one(".title").render()) == "Re-drill complete"
        assert str(end.query_one("#drill-note").render()) == DRILL_NOTE
    with Store.open(tmp_path) as store:
        assert store.state(PROFILE, deck.id, first.key) == missed
