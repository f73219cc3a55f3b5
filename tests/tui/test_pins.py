"""PINs on a shared PC: asked when a profile is opened and when a test starts; the teacher resets them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from exam_helpers import Clock, wait_exam
from test_exam_screen import make_deck
from tui_helpers import make_app, synchronously, tour_deck, wait_for, wait_screen

from quiz.classroom.exam import draw
from quiz.cli import main
from quiz.store import Store
from quiz.store.pins import PinError, hash_pin, pin_matches
from quiz.tui.exam_app import create_exam_app
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.pin import PinScreen
from quiz.tui.screens.study import StudyScreen


def test_a_pin_is_kept_as_a_slow_salted_hash(tmp_path: Path) -> None:
    stored = hash_pin("4711")
    assert "4711" not in stored and stored.startswith("scrypt$")
    assert hash_pin("4711") != stored  # salted
    assert pin_matches("4711", stored) and not pin_matches("4712", stored) and not pin_matches("4711", "garbage")
    with Store.open(tmp_path) as store:
        store.create_profile("Anna")
        with pytest.raises(PinError):
            store.set_pin("Anna", "12")
        store.set_pin("anna", "4711")
        assert store.has_pin("Anna") and store.pin_matches("Anna", "4711") and not store.pin_matches("Anna", "0000")
        store.set_pin("Anna", None)
        assert not store.has_pin("Anna") and store.pin_matches("Anna", "")


def with_pin(data: Path, name: str = "anna", pin: str = "4711") -> None:
    with Store.open(data) as store:
        store.create_profile(name)
        store.set_pin(name, pin)


@synchronously
async def test_the_pin_is_asked_before_the_profile_opens(tmp_path: Path) -> None:
    with_pin(tmp_path)
    app = make_app(tmp_path, tour_deck())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, PinScreen)
        await pilot.press(*"0000", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        assert "not the PIN" in str(app.screen.query_one("#pin-problem").render())
        await pilot.press(*"4711", "enter")
        await wait_screen(pilot, StudyScreen)


@synchronously
async def test_three_wrong_pins_or_escape_open_nothing(tmp_path: Path) -> None:
    with_pin(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, PinScreen)
        for _ in range(3):
            await pilot.press(*"1234", "enter")
        await wait_for(pilot, lambda: not app.is_running, "the app to leave")
    assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)


def test_the_pin_is_asked_when_a_test_starts(tmp_path: Path) -> None:
    asyncio.run(_test_start(tmp_path))


async def _test_start(tmp_path: Path) -> None:
    with_pin(tmp_path)
    clock = Clock()
    app = create_exam_app(tmp_path, "anna", draw(make_deck(), 3, "s"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PinScreen))
        await pilot.press(*"4711", "enter")
        screen = await wait_exam(pilot)
        assert screen.session is not None


def test_the_teacher_resets_a_forgotten_pin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_pin(tmp_path)
    assert main(["--data-dir", str(tmp_path), "pin", "Anna", "--reset"]) == 0
    assert "anna has no PIN now" in capsys.readouterr().err
    with Store.open(tmp_path) as store:
        assert not store.has_pin("anna")
    assert main(["--data-dir", str(tmp_path), "pin", "nobody", "--reset"]) == 1
