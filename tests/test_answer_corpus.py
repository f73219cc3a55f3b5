"""Students' answers to the bundled Petro decks: the right forms are accepted, the wrong ones refused.

The corpus (tests/corpus/petro-answers.yaml) holds, for every typed card and
every cloze gap of both decks, what a student who knows the article types
(leading prepositions, titles before names, the surname alone, typos, missing
accents, synonyms the facts file accepts) and what a student who does not
know it types (the other options, near misses that are another word).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quiz.deck.loader import load_deck
from quiz.deck.model import Cloze, Deck, TypedAnswer
from quiz.engine.grading import grade

ROOT = Path(__file__).resolve().parent.parent
CORPUS = yaml.load((ROOT / "tests" / "corpus" / "petro-answers.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
LANGUAGES = ("de", "en")
MIN_FORMS = 3
"""Right and wrong forms per typed card or gap, at least (the canonical answer not counted)."""


def _deck(language: str) -> Deck:
    return load_deck(ROOT / "decks" / f"petro-in-washington.{language}.yaml")


DECKS = {language: _deck(language) for language in LANGUAGES}


def _items(deck: Deck) -> list[str]:
    """Every typed card id, and `<cloze id>#<gap>` for every cloze gap."""
    out: list[str] = []
    for card in deck.cards:
        if isinstance(card, TypedAnswer):
            out.append(card.id)
        elif isinstance(card, Cloze):
            out += [f"{card.id}#{gap}" for gap in range(1, len(card.gaps) + 1)]
    return out


def _verdict(deck: Deck, item: str, given: str) -> bool:
    """Is `given` right for the typed card or the cloze gap `item`? (The other gaps are answered right.)"""
    card_id, _, gap = item.partition("#")
    card = deck.card(card_id)
    settings = deck.settings_for(card)
    if isinstance(card, Cloze):
        index = int(gap) - 1
        response = [given if i == index else alternatives[0] for i, alternatives in enumerate(card.gaps)]
        return grade(card, response, settings).parts[index]
    return grade(card, given, settings).correct


CASES = [
    pytest.param(language, item, given, expected, id=f"{language}-{item}-{'right' if expected else 'wrong'}-{given}")
    for language in LANGUAGES
    for item, forms in CORPUS[language].items()
    for expected, key in ((True, "right"), (False, "wrong"))
    for given in forms[key]
]


@pytest.mark.parametrize(("language", "item", "given", "expected"), CASES)
def test_a_students_answer_is_graded_as_a_teacher_would(language: str, item: str, given: str, expected: bool) -> None:
    assert _verdict(DECKS[language], item, given) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_typed_card_and_gap_has_several_right_and_wrong_forms(language: str) -> None:
    items = _items(DECKS[language])
    assert sorted(CORPUS[language]) == sorted(items), "the corpus names exactly the deck's typed cards and gaps"
    for item in items:
        forms = CORPUS[language][item]
        assert len(forms["right"]) >= MIN_FORMS and len(forms["wrong"]) >= MIN_FORMS, item
        assert not set(forms["right"]) & set(forms["wrong"]), item


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 1500
