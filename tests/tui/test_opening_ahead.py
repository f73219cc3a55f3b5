"""Progress opened before the app runs (as `quiz play` does): the first screen is the question."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import PROFILE, answer, make_app, settle, synchronously, tour_deck

from quiz.deck.model import Deck, Flashcard
from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.opening import Opened, open_ahead
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen


def opened_ahead(data_dir: Path, deck: Deck) -> tuple[QuizApp, Opened]:
    """The app as `quiz play` starts it: progress opened (and the queue built) before it runs."""
    opening = open_ahead(data_dir, PROFILE, deck)
    return make_app(data_dir, deck, opening=opening), opening.result()


@synchronously
async def test_a_session_opened_ahead_is_the_first_screen(tmp_path: Path) -> None:
    deck = tour_deck()
    app, opened = opened_ahead(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        # no worker to wait for: the study screen is there from the first paint
        assert isinstance(app.screen, StudyScreen)
        assert app.screen.session is opened.session
        presented = await answer(pilot, right=True)
        await settle(pilot)
    store = Store.open(tmp_path)
    assert store.state(PROFILE, deck.id, presented.key) is not None


def frame_text(update: object) -> str:
    """The characters a compositor update writes: a whole layout, or changed fragments of lines."""
    lines = getattr(update, "strips", None)
    if lines is not None:
        return "".join(segment.text for line in lines for strip in line for segment in strip)
    return "".join(seg.text for line in update.chops for strip in line.values() if strip for seg in strip)  # type: ignore[attr-defined]


@synchronously
async def test_the_first_frame_with_the_question_shows_its_answer_widget_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames: list[str] = []
    display = QuizApp._display

    def keep(app: QuizApp, screen: object, update: object) -> None:
        display(app, screen, update)
        if update is not None:
            frames.append(frame_text(update))

    monkeypatch.setattr(QuizApp, "_display", keep)
    deck = Deck(id="one", title="One card", cards=(Flashcard(id="q", front="Capital of Peru?", back="Lima"),))
    app, _ = opened_ahead(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    first = next(text for text in frames if "Capital of Peru?" in text)
    assert "Show answer (space)" in first and "One card" in first


@synchronously
async def test_the_first_question_gives_way_to_the_deck_list_and_back(tmp_path: Path) -> None:
    deck = tour_deck()
    app, _ = opened_ahead(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen
        base = app.screen_stack[0]  # Textual's blank screen, under every other as when started without a deck
        assert isinstance(first, StudyScreen) and app.screen_stack == [base, first]
        await answer(pilot, right=True)
        await pilot.press("escape")  # the first screen is replaced, not left underneath
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.screen_stack == [base, app.screen]
        await pilot.press("enter")  # study a deck from the list, then leave it again
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen) and app.screen is not first
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.screen_stack == [base, app.screen]


@synchronously
async def test_a_session_opened_ahead_ends_on_the_end_screen(tmp_path: Path) -> None:
    deck = Deck(id="one", title="One card", cards=(Flashcard(id="q", front="Question", back="Answer"),))
    app, _ = opened_ahead(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("space", "4")  # known at once: nothing left to ask today
        await settle(pilot)
        assert isinstance(app.screen, EndScreen) and app.screen_stack[1:] == [app.screen]


@synchronously
async def test_a_name_that_cannot_be_a_learners_is_said_not_raised(tmp_path: Path) -> None:
    app = make_app(tmp_path, tour_deck(), profile="   ", opening=open_ahead(tmp_path, "   ", tour_deck()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.error is not None and "cannot be a learner's name" in app.error


@synchronously
async def test_an_unusable_data_directory_is_said_not_raised(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("not a folder")
    app = make_app(not_a_folder, tour_deck(), opening=open_ahead(not_a_folder, PROFILE, tour_deck()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.error and str(not_a_folder) in app.error
