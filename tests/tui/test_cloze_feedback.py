"""After a cloze: the gaps one per line (typed, ✓/✗, the right word), then the text once with the right words in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from tui_helpers import make_app, settle, single, synchronously, tour_deck, wait_screen

from quiz.deck.model import Cloze, Deck, Settings
from quiz.engine.grading import grade
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.feedback import answer_lines

CAPITALS = Cloze(
    id="capitals",
    text=(
        "The capital of Colombia is {{Bogotá|Bogota}}. The {{Magdalena}} river reaches the Caribbean "
        "near {{Barranquilla}}, and the constitution dates from {{1991}}."
    ),
    explain="Colombia's constitution replaced the one of 1886.",
)
ANSWER = (
    "Answer: The capital of Colombia is Bogotá. The Magdalena river reaches the Caribbean near Barranquilla, "
    "and the constitution dates from 1991."
)
# Gap 1 by its alternative, gap 2 left blank, gap 3 with a typo, gap 4 wrong; the blank gap, left for last, answers.
KEYS = [*"Bogota", "enter", "enter", *"Barranquila", "enter", *"1990", "enter", "enter"]

ACCORD = Cloze(
    id="accord",
    text=(
        "In {{1998}} the committee met in {{Bogotá|Bogota}} to draft the accord, which was signed two years "
        "later by the presidents of both countries after long talks about borders, rivers and trade routes; "
        "the river {{Magdalena}} was named as the border for most of its course, and the city of "
        "{{Barranquilla}} became the seat of the joint commission, which still meets there every {{spring}} "
        "to review how the accord works."
    ),
)


@asynccontextmanager
async def asking(tmp_path: Path, card: Cloze) -> AsyncIterator[tuple[Pilot, StudyScreen]]:
    app = make_app(tmp_path, Deck(id="cloze", title="Cloze", cards=(card,)))
    async with app.run_test(size=(80, 24)) as pilot:
        yield pilot, await wait_screen(pilot, StudyScreen)


async def feedback(pilot: Pilot, screen: StudyScreen, *keys: str) -> tuple[str, Content]:
    """Press `keys`; the verdict and the answer lines shown."""
    await pilot.press(*keys)
    await settle(pilot)
    assert screen.state == "feedback"
    return str(screen.query_one(".verdict").render()), screen.query_one(".answers").render()


def styled(content: Content, style: str) -> list[str]:
    """The pieces of `content` drawn with `style` (e.g. "reverse")."""
    pieces = [content.plain[span.start : span.end] for span in content.spans if style in str(span.style)]
    return [piece for piece in pieces if piece]


@synchronously
async def test_each_gap_on_its_own_line_and_the_text_once(tmp_path: Path) -> None:
    async with asking(tmp_path, CAPITALS) as (pilot, screen):
        verdict, answers = await feedback(pilot, screen, *KEYS)
        assert verdict == "✗ Partly right: 2 of 4"
        assert answers.plain.splitlines() == [
            "1  Bogota ✓",
            "2  (blank) ✗ → Magdalena",
            "3  Barranquila ✓ typo → Barranquilla",
            "4  1990 ✗ → 1991",
            ANSWER,
        ]
        assert "You said" not in answers.plain and "By part" not in answers.plain
        assert "Colombia's constitution replaced" in screen.query_one(".notes").render().plain


@synchronously
async def test_the_typo_and_the_right_words_are_marked(tmp_path: Path) -> None:
    async with asking(tmp_path, CAPITALS) as (pilot, screen):
        _, answers = await feedback(pilot, screen, *KEYS)
        typo_line = answers.plain.splitlines()[2]
        assert styled(answers, "reverse") == ["l"], "the missing letter is marked on the right side"
        assert typo_line.index("Barranquilla") > typo_line.index("→")
        assert styled(answers, "underline") == ["l", "Bogotá", "Magdalena", "Barranquilla", "1991"]


@synchronously
async def test_all_right_lists_the_gaps_with_ticks(tmp_path: Path) -> None:
    async with asking(tmp_path, single(tour_deck(), "mayor-years").cards[0]) as (pilot, screen):
        verdict, answers = await feedback(pilot, screen, *"2012", "enter", *"2015", "enter")
        assert verdict == "✓ Right"
        assert answers.plain.splitlines() == ["1  2012 ✓", "2  2015 ✓", "Answer: Petro was mayor of Bogotá from 2012 to 2015."]


@synchronously
async def test_a_typo_in_every_way_right_answer_says_so(tmp_path: Path) -> None:
    async with asking(tmp_path, CAPITALS) as (pilot, screen):
        verdict, answers = await feedback(
            pilot, screen, *"Bogotá", "enter", *"Magdalena", "enter", *"Barranquila", "enter", *"1991", "enter"
        )
        assert verdict == "✓ Right, with a typo"
        assert "3  Barranquila ✓ typo → Barranquilla" in answers.plain.splitlines()


@synchronously
async def test_under_a_long_text_every_gap_and_the_rating_are_on_screen(tmp_path: Path) -> None:
    async with asking(tmp_path, ACCORD) as (pilot, screen):
        _, answers = await feedback(
            pilot, screen, *"1999", "enter", *"Bogota", "enter", *"Magdalen", "enter", "enter", *"summer", "enter", "enter"
        )
        lines = answers.plain.splitlines()
        assert lines[:5] == [
            "1  1999 ✗ → 1998",
            "2  Bogota ✓",
            "3  Magdalen ✓ typo → Magdalena",
            "4  (blank) ✗ → Barranquilla",
            "5  summer ✗ → spring",
        ]
        assert len(lines) == 6 and answers.plain.count("to draft the accord") == 1
        body = screen.query_one("#body").region
        for widget in (screen.query_one(".verdict"), screen.query_one(".answers"), screen.query_one("#rating")):
            assert body.contains_region(widget.region), widget


@synchronously
async def test_a_pasted_essay_in_a_gap_is_echoed_short(tmp_path: Path) -> None:
    from textual import events
    from textual.widgets import Input

    async with asking(tmp_path, single(tour_deck(), "mayor-years").cards[0]) as (pilot, screen):
        screen.query_one("#gap-0", Input).post_message(events.Paste("Washington " * 300))
        await pilot.pause()
        _, answers = await feedback(pilot, screen, "enter", *"2015", "enter")
        first = answers.plain.splitlines()[0]
        assert first.startswith("1  Washington") and "(3,299 characters) ✗ → 2012" in first and len(first) < 100


def test_snapshot(snap_compare, tmp_path: Path) -> None:
    app = make_app(tmp_path, Deck(id="cloze", title="Colombia", cards=(CAPITALS,)))

    async def run_before(pilot: Pilot) -> None:
        await wait_screen(pilot, StudyScreen)
        await pilot.press(*KEYS)
        await settle(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def test_gap_numbers_line_up_past_nine() -> None:
    card = Cloze(id="count", text=" ".join("{{%d}}" % n for n in range(1, 12)))  # noqa: UP031
    response = [str(n) for n in range(1, 11)] + ["12"]
    lines = answer_lines(grade(card, response, Settings()), card).plain.splitlines()
    assert lines[0] == " 1  1 ✓" and lines[9] == "10  10 ✓" and lines[10] == "11  12 ✗ → 11"
    assert lines[11] == "Answer: " + " ".join(str(n) for n in range(1, 12))
