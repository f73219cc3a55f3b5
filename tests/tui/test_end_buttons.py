"""The end of a session: each button works when clicked, not only by its key."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import make_app, right_keys, settle, synchronously, wait_for, wait_screen, wrong_keys

from quiz.deck.model import Deck, TypedAnswer
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.statistics import StatisticsScreen
from quiz.tui.screens.study import StudyScreen

CAPITAL = TypedAnswer(id="capital", question="Capital of Colombia?", answer="Bogotá")


async def to_the_end(pilot, miss: bool) -> EndScreen:
    """Answer the one card (wrong first when `miss`), then right until the session ends."""
    screen = await wait_screen(pilot, StudyScreen)
    assert isinstance(screen, StudyScreen)
    first = True
    while isinstance(pilot.app.screen, StudyScreen):
        presented = screen.session.current
        await pilot.press(*(wrong_keys(presented) if miss and first else right_keys(presented)))
        first = False
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    end = await wait_screen(pilot, EndScreen)
    assert isinstance(end, EndScreen)
    return end


@pytest.mark.parametrize(("button", "then"), [("home", HomeScreen), ("statistics", StatisticsScreen)])
@synchronously
async def test_each_end_button_works_when_clicked(tmp_path: Path, button: str, then: type) -> None:
    app = make_app(tmp_path, Deck(id="k", title="Countries", cards=(CAPITAL,)))
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_end(pilot, miss=False)
        await pilot.click(f"#{button}")
        await wait_for(pilot, lambda: isinstance(app.screen, then), f"the {button} button leads on")


@synchronously
async def test_the_redrill_button_works_when_clicked(tmp_path: Path) -> None:
    app = make_app(tmp_path, Deck(id="k", title="Countries", cards=(CAPITAL,)))
    async with app.run_test(size=(80, 24)) as pilot:
        end = await to_the_end(pilot, miss=True)
        assert end.summary.missed
        await pilot.click("#redrill")
        await wait_for(pilot, lambda: isinstance(app.screen, StudyScreen), "the re-drill button starts a re-drill")
