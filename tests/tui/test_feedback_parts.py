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
async def test_multi_feedback_names_each_option_with_its_verdict_one_per_line(tmp_path: Path) -> None:
    async with asking(tmp_path, "gifts") as (pilot, screen):
        presented = screen.session.current
        answers = presented.card.answers
        assert presented.options != tuple(o.text for o in presented.card.options), "shown shuffled"
        right = next(i for i, text in enumerate(presented.options) if text in answers)
        wrong = next(i for i, text in enumerate(presented.options) if text not in answers)
        verdict, shown = await feedback(pilot, screen, str(right + 1), str(wrong + 1), "enter")
        ticked = {right, wrong}
        lines = shown.splitlines()
        for i, text in enumerate(presented.options):  # the numbers are gone from the screen: each option by its text
            ok = (i in ticked) == (text in answers)
            said = {
                (True, True): "ticked, right",
                (True, False): "ticked, but not right",
                (False, True): "not ticked, but right",
                (False, False): "not ticked, right",
            }[(i in ticked, text in answers)]
            assert f"{'✓' if ok else '✗'} {text}  {said}" in lines
        assert "By part" not in shown
        assert verdict == "✗ Wrong"  # one right and one wrong pick of two right options earn nothing


@synchronously
async def test_match_feedback_gives_one_pair_per_line(tmp_path: Path) -> None:
    async with asking(tmp_path, "who-is-who") as (pilot, screen):
        presented = screen.session.current
        pairs = dict(presented.card.pairs)
        rights = list(presented.options)
        picks = [rights.index(pairs[left]) for left in presented.left]
        picks[0], picks[1] = picks[1], picks[0]  # the first two swapped
        verdict, shown = await feedback(pilot, screen, *(str(p + 1) for p in picks), "enter")
        lines = shown.splitlines()
        first, second, third = presented.left[:3]
        assert f"✗ {first} → {pairs[second]}  right: {pairs[first]}" in lines
        assert f"✗ {second} → {pairs[first]}  right: {pairs[second]}" in lines
        assert f"✓ {third} → {pairs[third]}" in lines


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
