"""Playing decks end to end through the keyboard, on the real engine and a temporary data dir."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tui_helpers import (
    PROFILE,
    T0,
    answer,
    enter_keys,
    make_app,
    right_keys,
    settle,
    single,
    synchronously,
    tour_deck,
    wait_screen,
    wrong_keys,
)
from waiting import at_most

from quiz.deck.loader import load_deck
from quiz.deck.model import CARD_TYPES, Deck
from quiz.paths import bundled_decks_dir
from quiz.store import Store
from quiz.tui.screens.end import DRILL_NOTE, EndScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import WIDGETS

BUNDLED = sorted(bundled_decks_dir().glob("*.yaml"))


def one_of_each_kind(deck: Deck) -> Deck:
    """The deck's first card of each kind: what a whole deck adds to a play through the screens is only its length.

    (Every card of every bundled deck goes through a session in `tests/test_session_decks.py`.)
    """
    firsts = {card.kind: card for card in reversed(deck.cards)}
    return replace(deck, cards=tuple(card for card in deck.cards if firsts[card.kind] is card))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
@synchronously
async def test_play_bundled_deck_to_the_end_right_and_wrong(tmp_path: Path, path: Path) -> None:
    """Every other card wrong the first time; wrong cards come back and are then answered right."""
    deck = one_of_each_kind(load_deck(path))
    app = make_app(tmp_path, deck)
    missed: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        for turn in range(150):
            if isinstance(app.screen, EndScreen):
                break
            key = app.screen.session.current.key
            wrong = turn % 2 == 0 and key not in missed
            presented = await answer(pilot, right=not wrong)
            if wrong:
                missed.add(presented.key)
        screen = await wait_screen(pilot, EndScreen)
        summary = screen.summary
        assert missed and {p.key for p in summary.missed} == missed
        assert summary.answered > summary.right > 0
        assert "Re-drill" in str(screen.query_one("#redrill").label)
    with Store.open(tmp_path) as store:
        counts = store.deck_counts(PROFILE, deck, now=T0)
        assert counts.learning == 0 and counts.review > 0
        assert store.answer_count(PROFILE, deck.id) == summary.answered


def test_the_tour_deck_has_a_card_of_every_kind_and_every_kind_a_widget() -> None:
    assert {card.kind for card in tour_deck().cards} == set(CARD_TYPES) == set(WIDGETS)


@pytest.mark.parametrize("kind", sorted(CARD_TYPES))
@synchronously
async def test_every_card_kind_has_an_answer_widget_and_is_graded(tmp_path: Path, kind: str) -> None:
    deck = tour_deck()
    card = next(card for card in deck.cards if card.kind == kind)
    for right in (True, False):
        app = make_app(tmp_path / f"{right}", single(deck, card.id))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await wait_screen(pilot, StudyScreen)
            presented = screen.session.current
            assert presented.card.id == card.id
            widget = screen.query_one("#slot").children[0]
            assert type(widget) is WIDGETS[card.kind]
            await enter_keys(pilot, *(right_keys(presented) if right else wrong_keys(presented)))
            await settle(pilot)
            if card.kind == "flashcard":
                assert screen.session.progress[0] == 1
                continue
            verdict = str(screen.query_one(".verdict").render())
            assert verdict.startswith("✓" if right else "✗"), (card.id, verdict)
            verdict_widget = screen.query_one(".verdict")
            assert verdict_widget.has_class("right") if right else not verdict_widget.has_class("right")


@synchronously
async def test_redrill_asks_the_missed_cards_again(tmp_path: Path) -> None:
    deck = tour_deck()
    two = type(deck)(id=deck.id, title=deck.title, cards=deck.cards[1:3], source=deck.source)
    app = make_app(tmp_path, two)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        first = await answer(pilot, right=False)
        for _ in at_most(10, "at the end of the session"):
            if isinstance(app.screen, EndScreen):
                break
            await answer(pilot, right=True)
        await settle(pilot)
        assert not app.screen.query("#drill-note")
        with Store.open(tmp_path) as store:
            scheduled = store.state(PROFILE, deck.id, first.key)
        await pilot.press("r")
        screen = await wait_screen(pilot, StudyScreen)
        assert screen.session.current.key == first.key
        assert screen.session.progress == (0, 1)
        await answer(pilot, right=True)
        end = await wait_screen(pilot, EndScreen)
        assert end.summary.answered == 1 and not end.summary.missed
        # practice: said so at the end, and the card keeps its schedule
        assert str(end.query_one(".title").render()) == "Re-drill complete"
        assert str(end.query_one("#drill-note").render()) == DRILL_NOTE
    with Store.open(tmp_path) as store:
        assert store.state(PROFILE, deck.id, first.key) == scheduled


@synchronously
async def test_playing_a_deck_with_nothing_due_opens_the_deck_list(tmp_path: Path) -> None:
    from quiz.tui.screens.home import HomeScreen

    deck = single(tour_deck(), "dealer-whom")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, StudyScreen)
        await answer(pilot, right=True)
        await wait_screen(pilot, EndScreen)
    app = make_app(tmp_path, deck)  # the same deck again: its one card is not due yet
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        assert any("Nothing to study right now" in str(n.message) for n in app._notifications)
