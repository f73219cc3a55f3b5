"""Driving the real app through Pilot: a fixed clock, a still timer, answers right or wrong."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input
from waiting import wait_for

from quiz.deck.loader import load_deck
from quiz.deck.model import Deck, Number
from quiz.engine.presentation import Presented
from quiz.paths import bundled_decks_dir
from quiz.tui.app import QuizApp, create_app

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PROFILE = "anna"
SEED = 7


def synchronously(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async Pilot test in its own event loop (pytest runs plain functions)."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))  # type: ignore[arg-type]

    return run


def tour_deck() -> Deck:
    return load_deck(bundled_decks_dir() / "tour.en.yaml")


def single(deck: Deck, card_id: str) -> Deck:
    """The deck with only one of its cards, to ask exactly that card."""
    return replace(deck, cards=(deck.card(card_id),))


def app_with_learners(data_dir: Path, *names: str) -> QuizApp:
    """The app started without `--profile` on a data directory where these learners already exist."""
    from quiz.store import Store

    with Store.open(data_dir) as store:
        for name in names:
            store.create_profile(name)
    return make_app(data_dir, profile=None)


def make_app(data_dir: Path, deck: Deck | str | None = None, profile: str | None = PROFILE, **kw: object) -> QuizApp:
    """The app as the CLI builds it, with time standing still (answers count as fast)."""
    kw.setdefault("clock", lambda: T0)
    kw.setdefault("timer", lambda: 0.0)
    kw.setdefault("seed", SEED)
    return create_app(data_dir, profile=profile, deck=deck, **kw)  # type: ignore[arg-type]


async def settle(pilot: Pilot) -> None:
    """Let keys still being applied and answers being recorded (in workers) land, then let the screen catch up."""
    app = pilot.app
    for _ in range(500):
        if not getattr(app, "keys_pending", False):
            break
        await pilot.pause(0.01)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_screen(pilot: Pilot, kind: type[Screen]) -> Screen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    await pilot.pause()
    return pilot.app.screen


def _number_text(card: Number) -> str:
    if card.range is not None:
        return f"{card.range.min:g}-{card.range.max:g}"
    assert card.answer is not None
    return f"{card.answer:g}"


def right_keys(presented: Presented) -> list[str]:
    """The keys a learner who knows the card presses."""
    card, options = presented.card, presented.options
    match card.kind:
        case "flashcard":
            return ["space", "3"]
        case "choice":
            return [str(options.index(card.answer) + 1)]
        case "multi":
            return [str(options.index(a) + 1) for a in card.answers] + ["enter"]
        case "truefalse":
            return ["t" if card.answer else "f"]
        case "answer":
            return [*card.answer, "enter"]
        case "number":
            return [*_number_text(card), "enter"]
        case "cloze":
            return [key for gap in card.gaps for key in (*gap[0], "enter")]
        case "order":
            return [str(options.index(item) + 1) for item in card.items] + ["enter"]
        case "match":
            pairs = dict(card.pairs)
            return [str(options.index(pairs[left]) + 1) for left in presented.left] + ["enter"]
    raise AssertionError(card.kind)


def wrong_keys(presented: Presented) -> list[str]:
    """The keys of a learner who gets the card wrong."""
    card, options = presented.card, presented.options
    match card.kind:
        case "flashcard":
            return ["space", "1"]
        case "choice":
            return [str(next(i for i, o in enumerate(options) if o != card.answer) + 1)]
        case "multi":
            return [str(next(i for i, o in enumerate(options) if o not in card.answers) + 1), "enter"]
        case "truefalse":
            return ["f" if card.answer else "t"]
        case "answer":
            return [*"xq", "enter"]
        case "number":
            return [*"-987654", "enter"]
        case "cloze":
            return [key for _ in card.gaps for key in ("x", "q", "enter")]
        case "order" | "match":
            return [str(i + 1) for i in range(len(options))] + ["enter"]
    raise AssertionError(card.kind)


async def enter_keys(pilot: Pilot, *keys: str) -> None:
    """Press `keys`, but send a run of characters typed into a text box as one paste.

    Textual takes a paste in one message, where it takes each key press in its
    own (and Pilot waits for the app to be idle after each): the answer given is
    the same, the test is several times faster. Typing key by key is tested
    where typing itself is the point.
    """
    run: list[str] = []
    for key in keys:
        if len(key) == 1 and isinstance(pilot.app.focused, Input):
            run.append(key)
            continue
        if run:
            await paste(pilot, "".join(run))
            run.clear()
        await pilot.press(key)
    if run:
        await paste(pilot, "".join(run))


async def paste(pilot: Pilot, text: str) -> None:
    """`text` pasted into the focused widget, as a terminal sends it from the clipboard."""
    focused = pilot.app.focused
    assert focused is not None, "nothing has the keyboard"
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def answer(pilot: Pilot, right: bool) -> Presented:
    """Answer the current card (and leave its feedback); returns the card that was asked."""
    from quiz.tui.screens.study import StudyScreen

    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen)
    presented = screen.session.current
    assert presented is not None
    await enter_keys(pilot, *(right_keys(presented) if right else wrong_keys(presented)))
    await settle(pilot)
    if presented.card.kind != "flashcard":
        assert screen.state == "feedback", presented.card.id
        await pilot.press("enter")
        await settle(pilot)
    return presented
