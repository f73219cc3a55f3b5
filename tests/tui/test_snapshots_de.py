"""German screens at 80x24, compared with committed SVG snapshots (read their text before accepting a change).

As in `test_snapshots`: time stands still, shuffling is seeded, and the app runs in UTC.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_snapshots import shot
from textual.pilot import Pilot
from tui_helpers import enter_keys, make_app, settle, single, tour_deck, wait_screen, wrong_keys

from quiz.deck.model import Deck, TypedAnswer
from quiz.tui.screens.study import StudyScreen


@pytest.fixture(autouse=True)
def german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_LANG", "de")


@pytest.mark.parametrize("card_id", ["mayor-years", "who-is-who"])
def test_study_in_german(snap_compare, tmp_path: Path, card_id: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), card_id))
    assert shot(snap_compare, app, StudyScreen)


def test_feedback_typo_in_german(snap_compare, tmp_path: Path) -> None:
    card = TypedAnswer(id="capital", question="Hauptstadt von Kolumbien?", answer="Bogotá",
                       explain="Bogotá ist die Hauptstadt.", quote="Petro kam aus Bogotá.")
    app = make_app(tmp_path, Deck(id="typo", title="Hauptstädte", cards=(card,)))
    assert shot(snap_compare, app, StudyScreen, [*"Bogpta", "enter"])


def test_feedback_wrong_in_german(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "gifts"))

    async def run_before(pilot: Pilot) -> None:
        screen = await wait_screen(pilot, StudyScreen)
        await enter_keys(pilot, *wrong_keys(screen.session.current))
        await settle(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


@pytest.mark.parametrize("card_id", ["gifts", "first-left"])
def test_option_cards_in_german(snap_compare, tmp_path: Path, card_id: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), card_id))
    assert shot(snap_compare, app, StudyScreen)


def test_match_feedback_in_german(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "who-is-who"))

    async def run_before(pilot: Pilot) -> None:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press(*wrong_keys(screen.session.current))
        await settle(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def test_exam_quit_question_in_german(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import exam_app, quit_question

    assert snap_compare(exam_app(tmp_path), run_before=quit_question, terminal_size=(80, 24))


def test_exam_results_in_german(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import exam_app, results_without_answers

    assert snap_compare(exam_app(tmp_path), run_before=results_without_answers, terminal_size=(80, 24))


def test_class_report_in_german(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import report, report_app

    assert snap_compare(report_app(tmp_path), run_before=report, terminal_size=(80, 24))


def test_pin_in_german(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import pin_app, wrong_pin

    assert snap_compare(pin_app(tmp_path), run_before=wrong_pin, terminal_size=(80, 24))
