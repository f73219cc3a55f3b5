"""Study screen behaviour: undo, changing the rating, hints, typos, plain deck text, quitting and resuming."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import PROFILE, T0, answer, make_app, settle, single, synchronously, tour_deck, wait_screen

from quiz.deck.model import Choice, Deck, Option, TypedAnswer
from quiz.store import Store
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.feedback import FeedbackPanel
from quiz.tui.widgets.options import NumberedOptions
from quiz.tui.widgets.progress import SessionProgress

CAPITAL = TypedAnswer(id="capital", question="Capital of Colombia?", answer="Bogotá")


def _answers(data_dir: Path, deck_id: str) -> list[tuple[str, int, int]]:
    with Store.open(data_dir) as store:
        return [tuple(row) for row in store.query("SELECT card_key, rating, correct FROM answers WHERE deck_id = ? ORDER BY id", (deck_id,))]


@synchronously
async def test_undo_takes_the_answer_back_and_asks_the_card_again(tmp_path: Path) -> None:
    deck = tour_deck()
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        first = await answer(pilot, right=True)
        second = screen.session.current
        assert second.key != first.key
        assert len(_answers(tmp_path, deck.id)) == 1
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.session.current.key == first.key
        assert screen.state == "asking" and screen.session.progress[0] == 0
        assert _answers(tmp_path, deck.id) == []
        await pilot.press("ctrl+z")  # nothing left to undo: no crash, still asking the same card
        await settle(pilot)
        assert screen.session.current.key == first.key


@synchronously
async def test_undo_from_the_feedback_view_and_while_typing(tmp_path: Path) -> None:
    deck = single(tour_deck(), "successor")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press(*"Cepeda", "enter")
        await settle(pilot)
        assert screen.state == "feedback"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert screen.state == "asking" and _answers(tmp_path, deck.id) == []
        await pilot.press("u")  # typed into the field, not an undo
        await settle(pilot)
        assert screen.focused.value == "u"
        await pilot.press("ctrl+z")  # nothing answered yet: nothing to undo
        await settle(pilot)
        assert screen.state == "asking"


@synchronously
async def test_keys_1_to_4_change_the_automatic_rating(tmp_path: Path) -> None:
    deck = single(tour_deck(), "dealer-whom")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        await pilot.press(str(presented.options.index("Gustavo Petro") + 1))
        await settle(pilot)
        panel = screen.query_one(FeedbackPanel)
        assert panel.outcome.rating == panel.outcome.auto_rating == 4  # right and fast: easy
        assert "✓4 Easy" in str(screen.query_one("#rate-4").label)
        await pilot.press("2")
        await settle(pilot)
        assert panel.outcome.rating == 2
        assert "✓2 Hard" in str(screen.query_one("#rate-2").label)
        assert "✓" not in str(screen.query_one("#rate-4").label)
        assert _answers(tmp_path, deck.id) == [("dealer-whom", 2, 1)]
        await pilot.click("#rate-1")
        await settle(pilot)
        assert _answers(tmp_path, deck.id) == [("dealer-whom", 1, 0)]


@synchronously
async def test_a_hint_makes_a_right_answer_hard(tmp_path: Path) -> None:
    deck = single(tour_deck(), "dealer-whom")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press("f2")
        await settle(pilot)
        assert "The man who came to Washington." in str(screen.query_one("#hint").render())
        await pilot.press(str(screen.session.current.options.index("Gustavo Petro") + 1))
        await settle(pilot)
        assert screen.query_one(FeedbackPanel).outcome.rating == 2


@synchronously
async def test_a_typo_counts_as_right_and_is_marked(tmp_path: Path) -> None:
    deck = Deck(id="typo", title="Typo", cards=(CAPITAL,))
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press(*"Bogpta", "enter")
        await settle(pilot)
        verdict = str(screen.query_one(".verdict").render())
        assert verdict == "✓ Right, with a typo"
        answers = screen.query_one(".answers").render()
        marked = [span for span in answers.spans if "reverse" in str(span.style)]
        assert marked, "the differing letters are marked"
        assert "You typed: Bogpta" in answers.plain


@synchronously
async def test_deck_text_is_shown_literally_not_as_markup(tmp_path: Path) -> None:
    card = Choice(
        id="m",
        question="Is [bold]this[/bold] bold?",
        answer="[red]no[/red]",
        distractors=(Option("[i]maybe[/i]"),),
        explain="Markup like [b]this[/b] stays as typed.",
    )
    deck = Deck(id="markup", title="[b]Markup[/b] deck", cards=(card,))
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert screen.query_one("#prompt").render().plain == "Is [bold]this[/bold] bold?"
        assert "[b]Markup[/b] deck" in screen.query_one(SessionProgress).render().plain
        options = screen.query_one(NumberedOptions)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[red]no[/red]" in p for p in prompts) and any("[i]maybe[/i]" in p for p in prompts)
        await pilot.press(str(screen.session.current.options.index("[red]no[/red]") + 1))
        await settle(pilot)
        assert "Markup like [b]this[/b] stays as typed." in screen.query_one(".notes").render().plain


@synchronously
async def test_quitting_keeps_every_answer_and_resuming_continues(tmp_path: Path) -> None:
    deck = tour_deck()
    app = make_app(tmp_path, deck.id)
    asked: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        new_before = app.store.deck_counts(PROFILE, deck, now=T0).new
        for _ in range(3):
            asked.append((await answer(pilot, right=True)).key)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0
    assert [key for key, _, _ in _answers(tmp_path, deck.id)] == asked
    with Store.open(tmp_path) as store:
        counts = store.deck_counts(PROFILE, deck, now=T0)
    assert counts.new == new_before - 3

    again = make_app(tmp_path, deck.id)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert screen.session.current.key not in asked
        assert 0 < screen.session.progress[1] <= counts.new + counts.learning
        await answer(pilot, right=True)
    assert len(_answers(tmp_path, deck.id)) == 4


@synchronously
async def test_everything_works_with_the_mouse_too(tmp_path: Path) -> None:
    deck = tour_deck()
    two = Deck(id=deck.id, title=deck.title, cards=(deck.card("m19-flashcard"), deck.card("dealer-whom")), source=deck.source)
    app = make_app(tmp_path, two)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert screen.session.current.card.kind == "flashcard"
        await pilot.click("#flip")
        await settle(pilot)
        await pilot.click("#self-rating #rate-4")
        await settle(pilot)
        presented = screen.session.current
        assert presented.card.id == "dealer-whom"
        await pilot.click(NumberedOptions, offset=(3, presented.options.index("Gustavo Petro")))
        await settle(pilot)
        assert str(screen.query_one(".verdict").render()) == "✓ Right"
        await pilot.click("#rate-3")
        await settle(pilot)
        assert screen.query_one(FeedbackPanel).outcome.rating == 3
    assert _answers(tmp_path, deck.id) == [("m19-flashcard", 4, 1), ("dealer-whom", 3, 1)]


@synchronously
async def test_while_typing_f2_shows_the_hint_and_letters_stay_letters(tmp_path: Path) -> None:
    deck = single(tour_deck(), "successor")
    app = make_app(tmp_path, deck)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press("h", "f2")
        await settle(pilot)
        assert screen.focused.value == "h"
        assert "His first name is Iván." in screen.query_one("#hint").render().plain
        await pilot.press("backspace", *"Cepeda", "enter")
        await settle(pilot)
        panel = screen.query_one(FeedbackPanel)
        assert panel.outcome.grade.correct and panel.outcome.rating == 2  # right, with help: hard


@synchronously
async def test_placing_an_order_item_marks_it_neutrally_never_as_right(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "career-order"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.press("1")
        await settle(pilot)
        options = screen.query_one(NumberedOptions)
        first = str(options.get_option_at_index(0).prompt)
        assert "•" in first and "✓" not in first and "✗" not in first
        assert options.get_option_at_index(0).disabled


@synchronously
async def test_a_pasted_essay_is_echoed_short_and_the_rating_stays_on_screen(tmp_path: Path) -> None:
    from textual import events

    app = make_app(tmp_path, Deck(id="essay", title="Essay", cards=(CAPITAL,)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        screen.query_one("#typed").post_message(events.Paste("Washington " * 500))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.state == "feedback"
        said = screen.query_one(".answers").render().plain.splitlines()[0]
        assert said.startswith("You said: Washington") and "(5,499 characters)" in said and len(said) < 250
        rating = screen.query_one("#rating")
        assert rating.region.bottom <= screen.query_one("#body").region.bottom
        assert rating.region.height > 0


@synchronously
async def test_truefalse_feedback_uses_the_words_on_the_buttons(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "run-again"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        buttons = [str(option.prompt).split(" ", 1)[1] for option in screen.query_one(NumberedOptions).options]
        await pilot.press("t")
        await settle(pilot)
        shown = screen.query_one(".answers").render().plain
        assert buttons == ["True", "False"]
        assert "You said: True" in shown and "Answer:   False" in shown


@synchronously
async def test_under_a_long_question_the_options_are_in_view_and_page_keys_scroll(tmp_path: Path) -> None:
    passage = " ".join(f"Sentence {i} of a long reading passage about rivers." for i in range(40))
    card = Choice(id="long", question=passage, answer="Right one", distractors=(Option("Wrong a"), Option("Wrong b")))
    app = make_app(tmp_path, Deck(id="long", title="Long", cards=(card,)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        await pilot.pause()
        body, options = screen.query_one("#body"), screen.query_one(NumberedOptions)
        assert options.has_focus and body.scroll_y > 0
        assert body.region.contains_region(options.region)
        await pilot.press("pageup", "pageup", "pageup")
        assert body.scroll_y == 0  # back at the start of the question
        await pilot.press("pagedown")
        assert body.scroll_y > 0


@synchronously
async def test_a_paste_becomes_one_line_of_plain_text_and_is_not_answered_yet(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input

    app = make_app(tmp_path, Deck(id="paste", title="Paste", cards=(CAPITAL,)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        box = screen.query_one("#typed", Input)
        box.post_message(events.Paste("Bog\x1b\x07ota\nD.C.\r\n"))
        await pilot.pause()
        assert box.value == "Bogota D.C." and screen.state == "asking"


@synchronously
async def test_true_false_cards_one_after_another_are_answered_by_clicks(tmp_path: Path) -> None:
    deck = tour_deck()
    two = Deck(id=deck.id, title=deck.title, cards=(deck.card("run-again"), deck.card("first-left")), source=deck.source)
    app = make_app(tmp_path, two)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        for _ in range(2):
            presented = screen.session.current
            assert presented.card.kind == "truefalse"
            await pilot.click(NumberedOptions, offset=(4, 0 if presented.card.answer else 1))  # on "True" or "False"
            await settle(pilot)
            assert screen.state == "feedback", presented.card.id
            assert str(screen.query_one(".verdict").render()) == "✓ Right"
            await pilot.press("enter")
            await settle(pilot)
    assert sorted((key, correct) for key, _rating, correct in _answers(tmp_path, deck.id)) == [("first-left", 1), ("run-again", 1)]
