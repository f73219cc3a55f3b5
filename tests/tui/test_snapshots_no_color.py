"""Screens without colour (`NO_COLOR`): what each mark means must show in the text itself.

Textual draws a `NO_COLOR` app in shades of grey, so a highlighted option, the gap being
typed in, a picked item or a right and a wrong answer must each carry a mark of their
own (▶, •, ✓, ✗, [x]), never a colour alone. One screen of each kind, as in
`test_snapshots`; read the snapshots' text before accepting a change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_snapshots import KIND_CARDS, _short_deck, end_after_playing, home_on_the_tour, shot, statistics_after_playing
from textual.pilot import Pilot
from tui_helpers import enter_keys, make_app, settle, single, tour_deck, wait_screen, wrong_keys

from quiz.tui.screens.study import StudyScreen


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before each app is made: Textual reads it when an app is created."""
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.mark.parametrize("kind", list(KIND_CARDS))
def test_question_without_colour(snap_compare, tmp_path: Path, kind: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), KIND_CARDS[kind]))
    assert shot(snap_compare, app, StudyScreen)


PART_WAY = {
    "multi": ["down", "space"],  # one ticked, the highlight moved on
    "cloze": [*"2012", "enter"],  # the first gap filled, the second being typed in
    "order": ["1", "2"],  # two picked
    "match": ["1", "2"],  # two paired
    "order, all picked": ["1", "2", "3", "4", "5"],  # Done has the keyboard
}


@pytest.mark.parametrize("state", list(PART_WAY))
def test_answer_part_way_without_colour(snap_compare, tmp_path: Path, state: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), KIND_CARDS[state.split(",")[0]]))
    assert shot(snap_compare, app, StudyScreen, PART_WAY[state])



@pytest.mark.parametrize("kind", [kind for kind in KIND_CARDS if kind != "flashcard"])
def test_feedback_without_colour(snap_compare, tmp_path: Path, kind: str) -> None:
    app = make_app(tmp_path, single(tour_deck(), KIND_CARDS[kind]))

    async def run_before(pilot: Pilot) -> None:
        screen = await wait_screen(pilot, StudyScreen)
        await enter_keys(pilot, *wrong_keys(screen.session.current))
        await settle(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def test_flashcard_flipped_without_colour(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), KIND_CARDS["flashcard"]))
    assert shot(snap_compare, app, StudyScreen, ["space"])


def test_home_without_colour(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path)

    assert snap_compare(app, run_before=home_on_the_tour, terminal_size=(80, 24))


def test_end_without_colour(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, _short_deck(slice(1, 4)))

    assert snap_compare(app, run_before=end_after_playing, terminal_size=(80, 24))


def test_statistics_without_colour(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, _short_deck(slice(1, 6)))

    assert snap_compare(app, run_before=statistics_after_playing, terminal_size=(80, 24))


def test_exam_question_without_colour(snap_compare, tmp_path: Path) -> None:
    from exam_helpers import wait_exam
    from snapshot_classroom import exam_app

    async def run_before(pilot: Pilot) -> None:
        await wait_exam(pilot)
        await settle(pilot)

    assert snap_compare(exam_app(tmp_path), run_before=run_before, terminal_size=(80, 24))


def test_exam_results_without_colour(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import exam_app, results_without_answers

    assert snap_compare(exam_app(tmp_path), run_before=results_without_answers, terminal_size=(80, 24))


def test_class_report_without_colour(snap_compare, tmp_path: Path) -> None:
    from snapshot_classroom import report, report_app

    assert snap_compare(report_app(tmp_path), run_before=report, terminal_size=(80, 24))
