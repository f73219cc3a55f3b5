"""The generator writes cards a teacher would: plausible options, no give-aways, answers students naturally type."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck.errors import DeckError
from quiz.deck.model import Choice, Cloze, Deck, TrueFalse, TypedAnswer
from quiz.engine.grading import grade
from quiz.generate import generate_deck, load_facts

ARTICLE = (
    "Petro traf Trump in Washington. Vance und Rubio waren dabei. "
    "Make America Great Again wurde zu Make Americas Great Again. "
    "Über den Plan Colombia flossen Milliarden nach Kolumbien. "
    "Petro war Bürgermeister von Bogotá.\n"
)

FACTS = """\
languages: [de, en]
source: {title: Test, date: 2026-02-03, file: article.txt, language: de}
deck: {id: quality, title: Test}
entities:
  petro: {type: person, name: Gustavo Petro, short: Petro, groups: [colombian]}
  cepeda: {type: person, name: Iván Cepeda, short: Cepeda, groups: [colombian]}
  uribe: {type: person, name: Álvaro Uribe, short: Uribe, groups: [colombian]}
  duque: {type: person, name: Iván Duque, short: Duque, groups: [colombian]}
  trump: {type: person, name: Donald Trump, short: Trump, groups: [us]}
  vance: {type: person, name: J.D. Vance, short: Vance, groups: [us]}
  rubio: {type: person, name: Marco Rubio, short: Rubio, groups: [us]}
  hegseth: {type: person, name: Pete Hegseth, short: Hegseth, groups: [us]}
  washington: {type: city, name: Washington, groups: [us-city]}
  miami: {type: city, name: Miami, groups: [us-city]}
  chicago: {type: city, name: Chicago, groups: [us-city]}
  boston: {type: city, name: Boston, groups: [us-city]}
  bogota: {type: city, name: Bogotá, also: [Bogota], groups: [colombian-city]}
  colombia: {type: country, name: {de: Kolumbien, en: Colombia}}
  plan: {type: programme, name: Plan Colombia}
relations:
  met:
    slots: {host: person, guest: person, city: city}
    says: "{guest} traf {host} in {city}."
    ask:
      host: "Wen traf {guest} in {city}?"
      city: "Wo traf {guest} {host}?"
    swap: [host]
  money:
    slots: {programme: programme}
    says: "Über {programme} flossen Milliarden nach Kolumbien."
    ask:
      programme: "Über welches Programm flossen Milliarden nach Kolumbien?"
facts:
  - id: meeting
    relation: met
    args: {host: trump, guest: petro, city: washington}
    quote: Petro traf Trump in Washington.
    accept:
      host: [der Gastgeber]
  - id: motto
    quote: Make America Great Again wurde zu Make Americas Great Again.
    cloze: "Make America Great Again wurde zu Make {{Americas}} Great Again."
    explain: Petro schlug ein neues Motto vor.
  - id: mayor
    quote: Petro war Bürgermeister von Bogotá.
    cloze:
      de: Petro war Bürgermeister von {{Bogotá}}.
      en: Petro was mayor of {{Bogotá}}.
    accept:
      Bogotá: {de: [Santa Fe de Bogotá], en: [Santa Fe]}
    explain: Von 2012 bis 2015.
"""


def _write(tmp_path: Path, facts: str = FACTS, article: str = ARTICLE) -> Path:
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "quality.facts.yaml"
    path.write_text(facts, encoding="utf-8")
    return path


def _deck(tmp_path: Path, language: str = "de", facts: str = FACTS) -> Deck:
    return generate_deck(load_facts(_write(tmp_path, facts)), language)


def _right(deck: Deck, card_id: str, given: object) -> bool:
    card = deck.card(card_id)
    return grade(card, given, deck.settings_for(card)).correct


def test_wrong_options_and_swaps_share_the_answers_group(tmp_path: Path) -> None:
    deck = _deck(tmp_path)
    host = deck.card("meeting-host-choice")
    assert isinstance(host, Choice)
    assert {o.text for o in host.distractors} == {"J.D. Vance", "Marco Rubio", "Pete Hegseth"}
    city = deck.card("meeting-city-choice")
    assert isinstance(city, Choice) and {o.text for o in city.distractors} == {"Miami", "Chicago", "Boston"}
    false = deck.card("meeting-false")
    assert isinstance(false, TrueFalse)
    assert false.statement.removesuffix(" in Washington.").split(" traf ")[1] in {"J.D. Vance", "Marco Rubio", "Pete Hegseth"}


def test_a_fact_accepts_further_answers_per_slot_and_per_gap(tmp_path: Path) -> None:
    de, en = _deck(tmp_path, "de"), _deck(tmp_path, "en")
    host = de.card("meeting-host-answer")
    assert isinstance(host, TypedAnswer) and "der Gastgeber" in host.alternatives
    assert _right(de, "meeting-host-answer", "Gastgeber") and _right(de, "meeting-host-answer", "Präsident Trump")
    assert _right(de, "mayor-cloze", ["Santa Fe de Bogotá"]) and not _right(de, "mayor-cloze", ["Santa Fe"])
    assert _right(en, "mayor-cloze", ["Santa Fe"])
    # A gap that names an entity takes its other names: Bogota without the accent is the entity's `also`.
    mayor = en.card("mayor-cloze")
    assert isinstance(mayor, Cloze) and mayor.gaps == (("Bogotá", "Santa Fe", "Bogota"),)


def test_where_one_letter_is_the_point_no_typo_is_forgiven(tmp_path: Path) -> None:
    deck = _deck(tmp_path)
    motto = deck.card("motto-cloze")
    assert motto.settings.matching == "strict"
    assert not _right(deck, "motto-cloze", ["America"]) and _right(deck, "motto-cloze", ["americas"])
    host = deck.card("meeting-host-answer")
    assert host.settings.matching is None  # no other name is a typo away from Trump's


def test_a_fact_can_ask_for_strict_or_exact_matching(tmp_path: Path) -> None:
    deck = _deck(tmp_path, facts=FACTS.replace("    quote: Petro traf Trump in Washington.\n", "    quote: Petro traf Trump in Washington.\n    matching: exact\n"))
    assert deck.card("meeting-host-answer").settings.matching == "exact"
    with pytest.raises(DeckError) as info:
        _deck(tmp_path, facts=FACTS.replace("    quote: Petro traf Trump in Washington.\n", "    quote: Petro traf Trump in Washington.\n    matching: loose\n"))
    assert "matching must be one of lenient, strict, exact, not 'loose'" in str(info.value)


def test_a_question_may_not_name_a_word_of_its_answer_in_any_language(tmp_path: Path) -> None:
    """"Plan Colombia" is given away by "Kolumbien" as much as by "Colombia"."""
    facts = FACTS.replace("  - id: motto\n", "  - id: plan\n    relation: money\n    args: {programme: plan}\n"
                          "    quote: Über den Plan Colombia flossen Milliarden nach Kolumbien.\n  - id: motto\n")
    with pytest.raises(DeckError) as info:
        _deck(tmp_path, facts=facts)
    assert "the de question for 'programme' gives its answer away ('Kolumbien')" in str(info.value)


def test_an_explanation_must_state_the_answer(tmp_path: Path) -> None:
    facts = FACTS.replace("    accept:\n      host: [der Gastgeber]\n", "    explain: Ein Treffen im Weißen Haus.\n")
    with pytest.raises(DeckError) as info:
        _deck(tmp_path, facts=facts)
    assert "the de explanation does not state the answer to 'host' (Donald Trump)" in str(info.value)


def test_a_cloze_must_lie_inside_its_quote(tmp_path: Path) -> None:
    facts = FACTS.replace("    quote: Petro war Bürgermeister von Bogotá.\n", "    quote: Petro war Bürgermeister\n")
    with pytest.raises(DeckError) as info:
        load_facts(_write(tmp_path, facts))
    assert "fact 'mayor': the de cloze reaches beyond the quote" in str(info.value)


def test_a_gap_may_not_stand_in_its_own_text(tmp_path: Path) -> None:
    facts = FACTS.replace("cloze: \"Make America Great Again wurde zu Make {{Americas}} Great Again.\"",
                          "cloze: \"{{Make}} America Great Again wurde zu Make Americas Great Again.\"")
    with pytest.raises(DeckError) as info:
        _deck(tmp_path, facts=facts)
    assert "the de cloze gives its gap away: 'Make' stands in the text around it" in str(info.value)


def test_years_stay_near_the_answer_and_before_the_article(tmp_path: Path) -> None:
    facts = FACTS.replace("relations:\n", "relations:\n  since:\n    slots: {person: person, year: year}\n"
                          "    says: \"{person} ist seit {year} im Amt.\"\n    ask:\n      year: \"Seit wann ist {person} im Amt?\"\n")
    facts = facts.replace("  - id: motto\n", "  - id: since\n    relation: since\n    args: {person: petro, year: 2024}\n"
                          "    quote: Petro ist seit 2024 im Amt.\n  - id: motto\n")
    path = _write(tmp_path, facts, ARTICLE + "Petro ist seit 2024 im Amt.\n")
    deck = generate_deck(load_facts(path), "de")
    years = deck.card("since-year-choice")
    assert isinstance(years, Choice) and len(years.distractors) == 3
    assert all(2018 <= int(o.text) <= 2026 for o in years.distractors)


def test_an_accept_key_must_name_an_asked_slot_or_a_gap(tmp_path: Path) -> None:
    facts = FACTS.replace("      host: [der Gastgeber]\n", "      hots: [der Gastgeber]\n")
    with pytest.raises(DeckError) as info:
        load_facts(_write(tmp_path, facts))
    assert "fact 'meeting': accept names 'hots', which is neither an asked slot nor a gap's answer; did you mean 'host'?" in str(info.value)
