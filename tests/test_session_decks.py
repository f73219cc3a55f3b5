"""Sessions over decks as teachers write them: every kind of card, and the guide's one-lesson settings."""

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from quiz.deck.loader import load_deck, load_text
from quiz.deck.model import (
    CARD_TYPES,
    Card,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Number,
    Order,
    TrueFalse,
    TypedAnswer,
)
from quiz.engine.grading import grade
from quiz.engine.pace import expected_seconds
from quiz.engine.presentation import present
from quiz.engine.rating import Rating
from quiz.engine.scheduler import REVIEW
from quiz.engine.session import StudySession
from quiz.store import Store

ROOT = Path(__file__).resolve().parent.parent
UTC = dt.UTC
pytestmark = pytest.mark.usefixtures("bogota_time")


def right_answer(card: Card) -> object:
    match card:
        case Choice() | TypedAnswer():
            return card.answer
        case Multi():
            return list(card.answers)
        case TrueFalse():
            return card.answer
        case Number():
            return str(card.answer) if card.range is None else f"{card.range.min}-{card.range.max}"
        case Cloze():
            return [gap[0] for gap in card.gaps]
        case Order():
            return list(card.items)
        case Match():
            return dict(card.pairs)
    raise AssertionError(card)


def test_every_kind_of_the_tour_deck_goes_through_a_session(tmp_path: Path) -> None:
    deck = load_deck(ROOT / "decks" / "tour.en.yaml")
    now = [dt.datetime(2026, 3, 2, 15, 0, tzinfo=UTC)]
    with Store.open(tmp_path) as store:
        session = StudySession(store, "Ana", [deck], clock=lambda: now[0], seed=5)
        kinds = set()
        while session.current is not None:
            card = session.current.card
            kinds.add(card.kind)
            now[0] += dt.timedelta(minutes=11)
            if isinstance(card, Flashcard):
                outcome = session.rate(Rating.GOOD, duration=4)
            else:
                outcome = session.submit(right_answer(card), duration=20)
                assert outcome.grade is not None and outcome.grade.correct, (card.id, outcome.grade)
            assert outcome.next_due > now[0]
        summary = session.summary()
        assert summary.right == summary.answered and not summary.missed
        assert kinds == set(CARD_TYPES)
        counts = store.deck_counts("Ana", deck, now=now[0])
        assert counts.review + counts.learning == min(20, len(deck.cards))


def test_the_guides_one_lesson_deck_is_learned_in_one_session(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "progress.md").read_text(encoding="utf-8")
    [settings] = re.findall(r"```yaml\n(settings:.*?)```", guide, flags=re.S)
    cards = "".join(f"  - {{id: c{i}, kind: answer, question: 'Q{i}?', answer: a{i}}}\n" for i in range(60))
    deck = load_text(f"deck:\n  id: lesson\n  title: Lesson\n  {settings.replace(chr(10), chr(10) + '  ')}\ncards:\n{cards}")
    now = [dt.datetime(2026, 3, 2, 15, 0, tzinfo=UTC)]
    with Store.open(tmp_path) as store:
        session = StudySession(store, "Ana", [deck], clock=lambda: now[0], fuzz=False)
        while session.current is not None:
            card = session.current.card
            now[0] += dt.timedelta(seconds=20)
            outcome = session.submit(card.answer, duration=expected_seconds(card))  # type: ignore[union-attr]
            assert outcome.rating == Rating.GOOD
        assert session.progress[0] == 2 * 60  # each card: first step, second step, learned
        assert all(store.state("Ana", "lesson", f"c{i}").state == REVIEW for i in range(60))  # type: ignore[union-attr]
        assert now[0] - dt.datetime(2026, 3, 2, 15, 0, tzinfo=UTC) < dt.timedelta(hours=1)


BUNDLED = sorted((ROOT / "decks").glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_card_of_every_bundled_deck_is_graded_right_when_answered_right(path: Path) -> None:
    """As shown to the learner (options shuffled), each card's right answer counts as right."""
    deck = load_deck(path)
    rng = random.Random(3)
    for card in deck.cards:
        if isinstance(card, Flashcard):
            continue
        presented = present(deck, card, rng)
        result = grade(card, right_answer(card), deck.settings_for(card), shown=presented.options)
        assert result.correct and result.score == 1, (card.id, result)
