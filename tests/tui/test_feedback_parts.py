"""What the study screen says about a partly right answer, and text a number box cannot grade."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_helpers import make_app, settle, single, synchronously, tour_deck, wait_screen

from quiz.tui.screens.study import StudyScreen


@synchronously
async def test_multi_marks_follow_the_numbers_on_screen(tmp_path: Path) -> None:
    deck = single(tour_deck(), "gifts")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        answers = presented.card.answers
        assert presented.options != tuple(o.text for o in presented.card.options), "shown shuffled"
        right = next(i for i, text in enumerate(presented.options) if text in answers)
        wrong = next(i for i, text in enumerate(presented.options) if text not in answers)
        await pilot.press(str(right + 1), str(wrong + 1), "enter")
        await settle(pilot)
        shown = screen.query_one(".answers").render().plain
        ticked = {right, wrong}
        expected = [
            f"{i + 1} {'✓' if (i in ticked) == (text in answers) else '✗'}" for i, text in enumerate(presented.options)
        ]
        assert f"By part:  {'  '.join(expected)}" in shown
        assert f"{right + 1} ✓" in shown and f"{wrong + 1} ✗" in shown
        # One right and one wrong pick of two right options earn nothing.
        assert str(screen.query_one(".verdict").render()) == "✗ Wrong"


@synchronously
async def test_multi_partial_credit_is_the_documented_formula(tmp_path: Path) -> None:
    deck = single(tour_deck(), "gifts")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        keys = [str(i + 1) for i, text in enumerate(presented.options) if text in presented.card.answers][:1]
        await pilot.press(*keys, "enter")
        await settle(pilot)
        assert str(screen.query_one(".verdict").render()) == "✗ Partly right: 1 of 2"


@synchronously
async def test_text_in_a_number_box_is_not_graded_and_the_box_stays_open(tmp_path: Path) -> None:
    deck = single(tour_deck(), "plan-colombia-year")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press(*"Bogota", "enter")
        await settle(pilot)
        assert screen.state == "asking" and screen.session.progress[0] == 0
        assert "That is not a number or a range" in str(screen.query_one("#slot .instructions").render())
        box = screen.query_one("#typed", Input)
        assert screen.focused is box
        box.value = ""
        await pilot.press(*"2000/2015", "enter")
        await settle(pilot)
        assert screen.state == "feedback"
        assert str(screen.query_one(".verdict").render()) == "✓ Right"


@synchronously
async def test_range_parts_are_called_from_and_to(tmp_path: Path) -> None:
    deck = single(tour_deck(), "plan-colombia-year")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press(*"2000", "enter")
        await settle(pilot)
        assert str(screen.query_one(".verdict").render()) == "✗ Partly right: 1 of 2"
        assert "By part:  from ✓  to ✗" in screen.query_one(".answers").render().plain
