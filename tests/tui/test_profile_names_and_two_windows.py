"""The name prompt follows the store's name rule; undo refused because another window answered is explained."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_helpers import PROFILE, T0, answer, app_with_learners, make_app, settle, synchronously, tour_deck, wait_screen

from quiz.engine.scheduler import review
from quiz.store import Answer, Store
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.profile import ProfileScreen
from quiz.tui.screens.study import StudyScreen


@synchronously
async def test_a_name_typed_in_other_capitals_signs_in_as_the_existing_learner(tmp_path: Path) -> None:
    app = app_with_learners(tmp_path, "Anna", "Ben")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, ProfileScreen)
        screen.query_one("#new-name", Input).focus()
        await pilot.press(*"---", "enter")
        await settle(pilot)
        assert "at least one letter" in str(screen.query_one("#name-problem").render())
        screen.query_one("#new-name", Input).value = ""
        await pilot.press(*"  anna ", "enter")
        await wait_screen(pilot, HomeScreen)
        assert app.profile == "Anna"
    with Store.open(tmp_path) as store:
        assert store.list_profiles() == ["Anna", "Ben"]


@synchronously
async def test_undo_after_another_window_answered_the_card_is_refused_with_a_reason(tmp_path: Path) -> None:
    deck = tour_deck()
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        asked = await answer(pilot, right=True)
        with Store.open(tmp_path) as other:  # the same learner answers the card again in a second window
            before = other.state(PROFILE, deck.id, asked.key)
            assert before is not None
            after = review(before, 1, T0, deck.settings_for(asked.card))
            other.record(Answer(PROFILE, deck.id, asked.key, T0, "?", False, 0.0, 1, 1, 4.0, False, before, after))
        await pilot.press("ctrl+z")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "This card was answered again elsewhere; nothing undone." in messages
        assert screen.session.progress[0] == 1 and screen.session.current.key != asked.key
    with Store.open(tmp_path) as store:
        assert store.answer_count(PROFILE) == 2
        assert store.state(PROFILE, deck.id, asked.key) == after
