"""No rival is ever right: neither another option of the same question, nor another entity of the answer's type.

Hypothesis dresses each rival up the way students write (case, accents,
a leading article, preposition or title) and the grader must still refuse
it, on every typed card and every cloze gap that names an entity.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.deck.loader import load_deck
from quiz.deck.model import Choice, Cloze, Deck, TypedAnswer
from quiz.engine.grading import grade
from quiz.engine.normalize import answer_key
from quiz.generate import load_facts
from quiz.generate.facts import Entity, Facts

ROOT = Path(__file__).resolve().parent.parent
FACTS: Facts = load_facts(ROOT / "decks" / "sources" / "petro-in-washington.facts.yaml")
LANGUAGES = ("de", "en")
DECKS: dict[str, Deck] = {lang: load_deck(ROOT / "decks" / f"petro-in-washington.{lang}.yaml") for lang in LANGUAGES}
PREFIXES = ("", "", "der ", "die ", "the ", "in ", "im ", "aus ", "from ", "Präsident ", "President ", "US-", "Außenminister ")


def _names(entity: Entity) -> set[str]:
    return {*entity.name.values(), *(entity.short or {}).values(), *entity.also}


def _entities_by_key() -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for entity in FACTS.entities.values():
        for name in _names(entity):
            found.setdefault(answer_key(name), entity)
    return found


ENTITY_BY_KEY = _entities_by_key()
"""Each name's answer key -> the first entity with that name (the cases are made when the tests are collected)."""


def _entity_of(text: str) -> Entity | None:
    return ENTITY_BY_KEY.get(answer_key(text))


def _rivals(accepted: tuple[str, ...], options: tuple[str, ...] = ()) -> list[str]:
    """The other options, and every name of every other entity of the answer's type."""
    own = _entity_of(accepted[0])
    keys = {answer_key(a) for a in accepted} | ({answer_key(n) for n in _names(own)} if own else set())
    rivals = list(options)
    if own is not None:
        rivals += [n for e in FACTS.entities.values() if e.type == own.type and e.id != own.id for n in _names(e)]
    return sorted({r for r in rivals if answer_key(r) not in keys})


def _typed_cases() -> list[tuple[str, str, str]]:
    cases = []
    for lang, deck in DECKS.items():
        ids = {c.id for c in deck.cards}
        for card in deck.cards:
            if not isinstance(card, TypedAnswer):
                continue
            choice_id = card.id.removesuffix("-answer") + "-choice"
            choice = deck.card(choice_id) if choice_id in ids else None
            options = tuple(o.text for o in choice.distractors) if isinstance(choice, Choice) else ()
            cases += [(lang, card.id, rival) for rival in _rivals((card.answer, *card.alternatives), options)]
    return cases


def _gap_cases() -> list[tuple[str, str, int, str]]:
    cases = []
    for lang, deck in DECKS.items():
        for card in deck.cards:
            if not isinstance(card, Cloze):
                continue
            for index, alternatives in enumerate(card.gaps):
                others = tuple(g[0] for i, g in enumerate(card.gaps) if i != index)
                cases += [(lang, card.id, index, rival) for rival in _rivals(alternatives, others)]
    return cases


TYPED = _typed_cases()
GAPS = _gap_cases()


def _dress(text: str, prefix: str, style: int) -> str:
    """As a student might type it: a word before it, in lower or upper case, without accents."""
    text = prefix + text
    if style == 1:
        text = text.lower()
    elif style == 2:
        text = text.upper()
    elif style == 3:
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text


def test_there_are_rivals_for_every_kind_of_answer() -> None:
    assert len(TYPED) > 300 and len(GAPS) > 100
    assert {card for _, card, _ in TYPED} >= {"vance-office-person-answer", "capital-city-answer", "megaphone-month-answer"}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(TYPED), st.sampled_from(PREFIXES), st.integers(0, 3))
def test_no_rival_is_accepted_for_a_typed_answer(case: tuple[str, str, str], prefix: str, style: int) -> None:
    lang, card_id, rival = case
    deck = DECKS[lang]
    card = deck.card(card_id)
    typed = _dress(rival, prefix, style)
    assert not grade(card, typed, deck.settings_for(card)).correct, (card_id, typed)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(GAPS), st.sampled_from(PREFIXES), st.integers(0, 3))
def test_no_rival_is_accepted_in_a_cloze_gap(case: tuple[str, str, int, str], prefix: str, style: int) -> None:
    lang, card_id, index, rival = case
    deck = DECKS[lang]
    card = deck.card(card_id)
    assert isinstance(card, Cloze)
    typed = _dress(rival, prefix, style)
    response = [typed if i == index else gap[0] for i, gap in enumerate(card.gaps)]
    assert not grade(card, response, deck.settings_for(card)).parts[index], (card_id, index + 1, typed)


def test_every_rival_undressed_is_refused() -> None:
    """The plain rivals, all of them (Hypothesis samples the dressed ones)."""
    for lang, card_id, rival in TYPED:
        card = DECKS[lang].card(card_id)
        assert not grade(card, rival, DECKS[lang].settings_for(card)).correct, (card_id, rival)
    for lang, card_id, index, rival in GAPS:
        card = DECKS[lang].card(card_id)
        assert isinstance(card, Cloze)
        response = [rival if i == index else gap[0] for i, gap in enumerate(card.gaps)]
        assert not grade(card, response, DECKS[lang].settings_for(card)).parts[index], (card_id, index + 1, rival)
