"""Going back in a test: every kind of answer is shown again in its widget, and Enter keeps it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from exam_helpers import Clock, wait_exam, wait_result
from textual.widgets import Input
from tui_helpers import enter_keys

from quiz.classroom.exam import draw
from quiz.deck.model import (
    Choice,
    Cloze,
    Deck,
    Match,
    Multi,
    Number,
    NumberRange,
    Option,
    Order,
    TrueFalse,
    TypedAnswer,
)
from quiz.tui.exam_app import create_exam_app
from quiz.tui.widgets.answers import AnswerWidget
from quiz.tui.widgets.answers.multi import MultiAnswer
from quiz.tui.widgets.answers.picking import PickingAnswer


def every_kind() -> Deck:
    return Deck(
        id="kinds",
        title="Every kind",
        cards=(
            Choice(id="choice", question="Capital of France?", answer="Paris",
                   distractors=(Option("Lyon"), Option("Nice"))),
            Multi(id="multi", question="In the basket?", answers=("Chocolate", "Coffee"),
                  distractors=(Option("Emeralds"), Option("Cut flowers"))),
            TrueFalse(id="tf", statement="Water is dry.", answer=False),
            TypedAnswer(id="typed", question="Who wrote Faust?", answer="Goethe"),
            Number(id="range", question="Plan Colombia years?", range=NumberRange(2000, 2015)),
            Cloze(id="cloze", text="{{Bogotá}} is the capital of {{Colombia}}."),
            Order(id="order", question="Oldest first", items=("one", "two", "three")),
            Match(id="match", question="Capitals", pairs=(("France", "Paris"), ("Italy", "Rome"), ("Spain", "Madrid"))),
        ),
    )


async def give_answer(pilot, presented) -> None:
    """Answer by keys, rightly for every kind."""
    card = presented.card
    number = lambda text: str(presented.options.index(text) + 1)  # noqa: E731
    if isinstance(card, Choice):
        await pilot.press(number(card.answer))
    elif isinstance(card, Multi):
        await enter_keys(pilot, *(number(a) for a in card.answers), "enter")
    elif isinstance(card, TrueFalse):
        await pilot.press("t" if card.answer else "f")
    elif isinstance(card, TypedAnswer):
        await enter_keys(pilot, *card.answer, "enter")
    elif isinstance(card, Number):
        await enter_keys(pilot, *"2000-2015", "enter")
    elif isinstance(card, Cloze):
        for gap in card.gaps:
            await enter_keys(pilot, *gap[0], "enter")
    elif isinstance(card, Order):
        await enter_keys(pilot, *(number(item) for item in card.items), "enter")
    elif isinstance(card, Match):
        await enter_keys(pilot, *(number(right) for _, right in card.pairs), "enter")
    await pilot.pause()


def test_going_back_shows_every_answer_and_enter_keeps_it(tmp_path: Path) -> None:
    asyncio.run(_going_back_shows_every_answer_and_enter_keeps_it(tmp_path))


async def _going_back_shows_every_answer_and_enter_keeps_it(tmp_path: Path) -> None:
    clock = Clock()
    paper = draw(every_kind(), 8, "back")
    app = create_exam_app(tmp_path, "ann", paper, clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await wait_exam(pilot)
        for presented in paper.questions:
            await give_answer(pilot, presented)
        assert screen.session.current is None and screen.session.unanswered() == []
        given = [screen.session.response(i) for i in range(len(paper.questions))]
        assert all(g is not None for g in given)

        for _ in paper.questions:
            await pilot.press("ctrl+b")
        await pilot.pause()
        for i, presented in enumerate(paper.questions):
            assert screen.session.index == i
            widget = screen.query_one(AnswerWidget)
            kind = presented.card.kind
            if kind in ("answer", "number"):
                assert screen.query_one(Input).value == given[i]
            elif kind == "cloze":
                assert [f.value for f in screen.query(Input)] == given[i]
            elif isinstance(widget, MultiAnswer):
                assert {presented.options[t] for t in widget.ticked} == set(given[i])
                assert "[x]" in str(widget.query_one("OptionList").get_option_at_index(min(widget.ticked)).prompt)
            elif isinstance(widget, PickingAnswer):
                assert widget.complete and widget.response() == given[i]
            elif kind == "choice":
                assert presented.options[widget.query_one("OptionList").highlighted] == given[i]
            await pilot.press("enter")  # untouched: the earlier answer stays
            await pilot.pause()
            assert screen.session.response(i) == given[i]
        assert screen.session.current is None
        await pilot.press("ctrl+s")
        await wait_result(pilot)
        assert app.record.score == 8


def test_an_emptied_answer_counts_as_blank_not_as_an_answer(tmp_path: Path) -> None:
    asyncio.run(_an_emptied_answer_counts_as_blank(tmp_path))


async def _an_emptied_answer_counts_as_blank(tmp_path: Path) -> None:
    clock = Clock()
    deck = Deck(id="t", title="T", cards=(TypedAnswer(id="typed", question="Who wrote Faust?", answer="Goethe"),))
    app = create_exam_app(tmp_path, "ann", draw(deck, 1, "s"), clock=clock, timer=clock.timer)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_exam(pilot)
        await pilot.press("enter")  # Enter on an empty box gives no answer
        assert screen.session.response(0) is None and screen.session.unanswered() == [0]
        await pilot.press("ctrl+b", *"Goethe", "enter", "ctrl+b")
        await pilot.pause()
        assert screen.query_one(Input).value == "Goethe"
        await pilot.press(*["backspace"] * 6, "enter")  # cleared on purpose: blank again
        assert screen.session.response(0) is None
