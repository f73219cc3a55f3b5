"""Screens at 80x24, compared with committed SVG snapshots (`pytest --snapshot-update` to accept changes).

Time stands still (fixed clock and timer, UTC) and shuffling is seeded, so
every run draws the same screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable
from tui_helpers import enter_keys, make_app, right_keys, settle, single, tour_deck, wait_screen, wrong_keys
from waiting import at_most, wait_for

from quiz.deck.model import Deck, TypedAnswer
from quiz.tui.app import QuizApp
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.statistics import StatisticsScreen
from quiz.tui.screens.study import StudyScreen

KIND_CARDS = {
    "flashcard": "m19-flashcard",
    "choice": "dealer-whom",
    "multi": "gifts",
    "truefalse": "run-again",
    "answer": "successor",
    "number": "plan-colombia-year",
    "cloze": "mayor-years",
    "order": "career-order",
    "match": "who-is-who",
}


def shot(snap_compare, app: QuizApp, screen: type[Screen], keys: Sequence[str] = (), then: type[Screen] | None = None) -> bool:
    """Wait for `screen`, press `keys`, wait for `then` (or `screen`), then compare."""

    async def run_before(pilot: Pilot) -> None:
        await wait_screen(pilot, screen)
        if keys:
            await enter_keys(pilot, *keys)
            await settle(pilot)
        await wait_screen(pilot, then or screen)
        await settle(pilot)

    return snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def test_home(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path)

    assert snap_compare(app, run_before=home_on_the_tour, terminal_size=(80, 24))


@pytest.mark.parametrize("kind", list(KIND_CARDS))
def test_study(snap_compare, tmp_path: Path, kind: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), KIND_CARDS[kind]))
    assert shot(snap_compare, app, StudyScreen)


def test_study_light_theme(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"), theme="textual-light")
    assert shot(snap_compare, app, StudyScreen)


def test_flashcard_flipped(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "m19-flashcard"))
    assert shot(snap_compare, app, StudyScreen, ["space"])


@pytest.mark.parametrize("card_id", ["dealer-whom", "who-is-who"])
def test_feedback_wrong(snap_compare, tmp_path: Path, card_id: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), card_id))

    async def run_before(pilot: Pilot) -> None:
        screen = await wait_screen(pilot, StudyScreen)
        await enter_keys(pilot, *wrong_keys(screen.session.current))
        await settle(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def test_feedback_typo(snap_compare, tmp_path: Path) -> None:
    card = TypedAnswer(id="capital", question="Capital of Colombia?", answer="Bogotá", explain="Bogotá is the capital.")
    app = make_app(tmp_path, Deck(id="typo", title="Capitals", cards=(card,)))
    assert shot(snap_compare, app, StudyScreen, [*"Bogpta", "enter"])


def _short_deck(cards: slice) -> Deck:
    deck = tour_deck()
    return Deck(id=deck.id, title=deck.title, cards=deck.cards[cards], source=deck.source)


async def _play_to_the_end(pilot: Pilot, right: bool) -> None:
    """Answer right and wrong by turns until the session ends."""
    screen = await wait_screen(pilot, StudyScreen)
    for _ in at_most(20, "at the end of the session"):
        if not isinstance(pilot.app.screen, StudyScreen):
            break
        keys = right_keys(screen.session.current) if right else wrong_keys(screen.session.current)
        await enter_keys(pilot, *keys)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        right = not right
    await wait_screen(pilot, EndScreen)


async def home_on_the_tour(pilot: Pilot) -> None:
    """The deck list, its cursor on the tour deck."""
    home = await wait_screen(pilot, HomeScreen)
    await wait_for(pilot, lambda: bool(home.rows), "the deck list")
    home.query_one(DataTable).move_cursor(row=[r.deck.id for r in home.rows].index("tour-en"))
    await settle(pilot)


async def end_after_playing(pilot: Pilot) -> None:
    """The end of a session answered wrong and right by turns."""
    await _play_to_the_end(pilot, right=False)


async def statistics_after_playing(pilot: Pilot) -> None:
    """The statistics, opened from the end of a session."""
    await _play_to_the_end(pilot, right=True)
    await pilot.press("s")
    stats = await wait_screen(pilot, StatisticsScreen)
    await wait_for(pilot, lambda: "Cards" in stats.query_one("#stats-summary").render().plain, "statistics")
    await settle(pilot)


def test_end_of_session(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, _short_deck(slice(1, 4)))

    assert snap_compare(app, run_before=end_after_playing, terminal_size=(80, 24))


def test_statistics(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, _short_deck(slice(1, 6)))

    assert snap_compare(app, run_before=statistics_after_playing, terminal_size=(80, 24))


# -- classroom screens and the PIN (the German ones are in test_snapshots_de) --------------------------


def test_exam_quit_question(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import exam_app, quit_question

    assert snap_compare(exam_app(tmp_path), run_before=quit_question, terminal_size=(80, 24))


def test_exam_results_without_answers(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import exam_app, results_without_answers

    assert snap_compare(exam_app(tmp_path), run_before=results_without_answers, terminal_size=(80, 24))


def test_class_report(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import report, report_app

    assert snap_compare(report_app(tmp_path), run_before=report, terminal_size=(80, 24))


def test_pin(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import pin_app, wrong_pin

    assert snap_compare(pin_app(tmp_path), run_before=wrong_pin, terminal_size=(80, 24))
