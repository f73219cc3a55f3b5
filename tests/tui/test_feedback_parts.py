"""What the study screen says about a partly right answer, and text a number box cannot grade."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import enter_keys, make_app, settle, single, synchronously, tour_deck, wait_screen

from quiz.tui.screens.study import StudyScreen


@asynccontextmanager
async def asking(tmp_path: Path, card_id: str) -> AsyncIterator[tuple[Pilot, StudyScreen]]:
    """The study screen asking just this card of the tour deck."""
    app = make_app(tmp_path, single(tour_deck(), card_id))
    async with app.run_test(size=(80, 24)) as pilot:
        yield pilot, await wait_screen(pilot, StudyScreen)


async def feedback(pilot: Pilot, screen: StudyScreen, *keys: str) -> tuple[str, str]:
    """Press `keys`; the verdict and the answer lines shown."""
    await enter_keys(pilot, *keys)
    await settle(pilot)
    return str(screen.query_one(".verdict").render()), screen.query_one(".answers").render().plain


@synchronously
async def test_multi_marks_follow_the_numbers_on_screen(tmp_path: Path) -> None:
    async with asking(tmp_path, "gifts") as (pilot, screen):
        presented = screen.session.current
        answers = presented.card.answers
        assert presented.options != tuple(o.text for o in presented.card.options), "shown shuffled"
        right = next(i for i, text in enumerate(presented.options) if text in answers)
        wrong = next(i for i, text in enumerate(presented.options) if text not in answers)
        verdict, shown = await feedback(pilot, screen, str(right + 1), str(wrong + 1), "enter")
        ticked = {right, wrong}
        expected = [
            f"{i + 1} {'✓' if (i in ticked) == (text in answers) else '✗'}" for i, text in enumerate(presented.options)
        ]
        assert f"By part:  {'  '.join(expected)}" in shown
        assert f"{right + 1} ✓" in shown and f"{wrong + 1} ✗" in shown
        assert verdict == "✗ Wrong"  # one right and one wrong pick of two right options earn nothing


@synchronously
async def test_multi_partial_credit_is_the_documented_formula(tmp_path: Path) -> None:
    async with asking(tmp_path, "gifts") as (pilot, screen):
        presented = screen.session.current
        first_right = next(i for i, text in enumerate(presented.options) if text in presented.card.answers)
        verdict, _ = await feedback(pilot, screen, str(first_right + 1), "enter")
        assert verdict == "✗ Partly right: 1 of 2"


@synchronously
async def test_text_in_a_number_box_is_not_graded_and_the_box_stays_open(tmp_path: Path) -> None:
    async with asking(tmp_path, "plan-colombia-year") as (pilot, screen):
        await enter_keys(pilot, *"Bogota", "enter")
        await settle(pilot)
        assert screen.state == "asking" and screen.session.progress[0] == 0
        assert "That is not a number or a range" in str(screen.query_one("#slot .instructions").render())
        box = screen.query_one("#typed", Input)
        assert screen.focused is box
        box.value = ""
        verdict, _ = await feedback(pilot, screen, *"2000/2015", "enter")
        assert screen.state == "feedback" and verdict == "✓ Right"


@synchronously
async def test_range_parts_are_called_from_and_to(tmp_path: Path) -> None:
    async with asking(tmp_path, "plan-colombia-year") as (pilot, screen):
        verdict, shown = await feedback(pilot, screen, *"2000", "enter")
        assert verdict == "✗ Partly right: 1 of 2"
        assert "By part:  from ✓  to ✗" in shown
