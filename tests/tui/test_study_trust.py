"""Study screens that never confuse: letters are answers, undo keeps the first verdict, ratings say why."""

from __future__ import annotations

from pathlib import Path

from test_key_bursts import burst
from textual.widgets import Static
from tui_helpers import make_app, settle, single, synchronously, tour_deck, wait_screen

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.feedback import FeedbackPanel


@synchronously
async def test_letters_typed_on_an_option_card_neither_undo_nor_reveal(tmp_path: Path) -> None:
    deck = tour_deck()
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        while screen.session.current.card.kind != "multi":  # right answers until the multi-select card
            await _answer_right(pilot, screen)
        answered = screen.session.progress[0]
        assert answered > 0  # there is an answer that `u` would have taken back
        await pilot.press(*"about hu")  # a pupil typing ahead: u and h among the letters
        await settle(pilot)
        assert screen.session.progress[0] == answered and screen.state == "asking"
        assert screen.session.current.card.kind == "multi"
        assert not screen.hint_used and not screen.query_one("#hint").display
        assert not [n for n in app._notifications if "taken back" in n.message]


async def _answer_right(pilot, screen: StudyScreen) -> None:
    presented = screen.session.current
    card = presented.card
    if card.kind == "flashcard":
        await pilot.press("space", "3")
    elif card.kind in ("choice",):
        await pilot.press(str(presented.options.index(card.answer) + 1))
    elif card.kind == "truefalse":
        await pilot.press("t" if card.answer else "f")
    else:
        raise AssertionError(f"no right answer for {card.kind} here")
    await settle(pilot)
    if screen.state == "feedback":
        await pilot.press("enter")
        await settle(pilot)


@synchronously
async def test_undo_then_a_right_answer_keeps_the_first_verdict(tmp_path: Path) -> None:
    deck = single(tour_deck(), "dealer-whom")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        wrong = next(i for i, text in enumerate(presented.options) if text != presented.card.answer)
        await pilot.press(str(wrong + 1))
        await settle(pilot)
        assert screen.query_one(FeedbackPanel).outcome.rating == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.state == "asking"
        await pilot.press(str(screen.session.current.options.index(presented.card.answer) + 1))
        await settle(pilot)
        panel = screen.query_one(FeedbackPanel)
        assert panel.outcome.grade.correct
        assert panel.outcome.rating == 1 and panel.outcome.first_try == 1  # not "Easy, 8 days"
        assert "first try" in str(panel.query_one("#why", Static).render())


@synchronously
async def test_a_slow_right_true_false_says_why_it_is_hard(tmp_path: Path) -> None:
    deck = single(tour_deck(), "first-left")
    now = [0.0]
    app = make_app(tmp_path, deck, timer=lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        card = screen.session.current.card
        now[0] = 60.0
        await pilot.press("t" if card.answer else "f")
        await settle(pilot)
        panel = screen.query_one(FeedbackPanel)
        assert panel.outcome.grade.correct and panel.outcome.rating == 2
        why = str(panel.query_one("#why", Static).render())
        expected = panel.outcome.grade.expected_seconds
        assert why.startswith("Hard because: slow: took 60 s; about ")
        assert f"about {expected:.0f} s" in why or f"about {round(expected, 1):g} s" in why


@synchronously
async def test_f2_on_a_card_without_a_hint_says_so(tmp_path: Path) -> None:
    deck = single(tour_deck(), "first-left")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert not screen.session.current.card.hint
        await pilot.press("f2")
        await settle(pilot)
        assert "This card has no hint." in [n.message for n in app._notifications]
        assert not screen.hint_used


@synchronously
async def test_a_burst_on_a_match_card_in_study_is_applied_in_order(tmp_path: Path) -> None:
    deck = single(tour_deck(), "who-is-who")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        pairs = dict(presented.card.pairs)
        keys = [str(presented.options.index(pairs[left]) + 1) for left in presented.left]
        await burst(pilot, *keys, "enter", "enter")  # the pairs, done, and on to the end
        await settle(pilot)
        from quiz.tui.screens.end import EndScreen

        await wait_screen(pilot, EndScreen)
        summary = screen.session.summary()
        assert summary.answered == 1 and summary.right == 1


@synchronously
async def test_cloze_marks_the_gap_being_typed_in_and_lets_the_pupil_say_dont_know(tmp_path: Path) -> None:
    from textual.widgets import Label

    deck = single(tour_deck(), "mayor-years")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)

        def labels() -> list[str]:
            return [str(label.render()) for label in screen.query(".gap-number").results(Label)]

        assert labels() == ["▶ 1", "  2"]  # a marker, not only a shade
        await pilot.press(*"2012", "enter")
        await settle(pilot)
        assert labels() == ["  1", "▶ 2"]
        await pilot.press("enter")  # Enter on the empty last gap: answered, the empty gap not known
        await settle(pilot)
        assert screen.state == "feedback"
        panel = screen.query_one(FeedbackPanel)
        assert not panel.outcome.grade.correct and panel.outcome.grade.parts == (True, False)


@synchronously
async def test_f3_on_a_cloze_answers_dont_know(tmp_path: Path) -> None:
    deck = single(tour_deck(), "mayor-years")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press("f3")
        await settle(pilot)
        assert screen.state == "feedback"
        assert screen.query_one(FeedbackPanel).outcome.rating == 1


@synchronously
async def test_the_highlighted_option_has_a_marker_not_only_a_shade(tmp_path: Path) -> None:
    from quiz.tui.widgets.options import NumberedOptions

    deck = single(tour_deck(), "first-left")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        options = screen.query_one(NumberedOptions)
        assert [options.render_line(y).text[:3] for y in range(2)] == ["▶ 1", "  2"]
        await pilot.press("down")
        await settle(pilot)
        assert [options.render_line(y).text[:3] for y in range(2)] == ["  1", "▶ 2"]


@synchronously
async def test_statistics_say_which_languages_deck(tmp_path: Path) -> None:
    from dataclasses import replace

    from quiz.tui.screens.home import HomeScreen
    from quiz.tui.screens.statistics import StatisticsScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, HomeScreen)
        app.show_statistics([replace(tour_deck(), language="de")])
        screen = await wait_screen(pilot, StatisticsScreen)
        assert "Petro in Washington: a tour of every question kind [de]" in str(screen.query_one("#stats-title").render())


@synchronously
async def test_the_deck_list_never_says_now_beside_nothing_due(tmp_path: Path) -> None:
    import datetime as dt

    from textual.widgets import DataTable
    from tui_helpers import PROFILE, T0

    from quiz.engine.session import StudySession
    from quiz.store import Store
    from quiz.tui.screens.home import HomeScreen

    deck = single(tour_deck(), "first-left")
    with Store.open(tmp_path) as store:
        session = StudySession(store, PROFILE, [deck], clock=lambda: T0, seed=1)
        outcome = session.submit(not session.current.card.answer, duration=5)  # wrong: back in a minute or so
    soon = outcome.next_due - dt.timedelta(seconds=15)  # due in 15 s: nothing due yet
    app = make_app(tmp_path, clock=lambda: soon)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_screen(pilot, HomeScreen)
        await settle(pilot)
        while not home.rows:
            await pilot.pause(0.01)
        table = home.query_one(DataTable)
        row = [r.deck.id for r in home.rows].index("tour-en")
        cells = [str(cell) for cell in table.get_row_at(row)]
        assert cells[2] == "0" and cells[4] == "in 1 minute"
