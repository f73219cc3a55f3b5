"""Facts files: clear `file:line:column` errors for mistakes, and the generator's rules on small inputs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.errors import DeckError
from quiz.deck.loader import load_deck, load_text
from quiz.deck.model import Choice, Number, Order, TrueFalse, TypedAnswer
from quiz.generate import generate_deck, load_facts, render_deck

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "schwebebahn.facts.yaml"

ARTICLE = "Anna traf Ben 1999 in Rom. Ben traf Carla 2004 in Paris. Später zog Carla nach Rom.\n"

HEAD = """\
languages: [de, en]
source:
  title: Kleine Geschichte
  date: 2025-01-02
  file: article.txt
  language: de
deck:
  id: small
  title: {de: Kleine Geschichte, en: A short story}
entities:
  anna: {type: person, name: Anna}
  ben: {type: person, name: Ben}
  carla: {type: person, name: Carla}
  dora: {type: person, name: Dora}
  rome: {type: city, name: {de: Rom, en: Rome}}
  paris: {type: city, name: Paris}
  oslo: {type: city, name: Oslo}
relations:
  met:
    slots: {person: person, other: person, city: city, year: year}
    says:
      de: "{person} traf {other} {year} in {city}."
      en: "{person} met {other} in {city} in {year}."
    ask:
      other:
        de: "Wen traf {person} {year} in {city}?"
        en: "Whom did {person} meet in {city} in {year}?"
      city:
        de: "Wo traf {person} {other} im Jahr {year}?"
        en: "Where did {person} meet {other} in {year}?"
      year:
        de: "In welchem Jahr traf {person} {other} in {city}?"
        en: "In which year did {person} meet {other} in {city}?"
"""

FACTS = """\
facts:
  - id: anna-ben
    relation: met
    args: {person: anna, other: ben, city: rome, year: 1999}
    quote: Anna traf Ben 1999 in Rom.
  - id: ben-carla
    relation: met
    args: {person: ben, other: carla, city: paris, year: 2004}
    quote: Ben traf Carla 2004 in Paris.
    cloze:
      de: Ben traf Carla {{2004}} in {{Paris}}.
      en: Ben met Carla in {{Paris}} in {{2004}}.
"""


def item(text: str) -> str:
    """One more entry of the `facts:` list, written flush left in the test."""
    return textwrap.indent(textwrap.dedent(text), "  ")


def write(tmp_path: Path, facts: str, head: str = HEAD) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "small.facts.yaml"
    path.write_text(head + textwrap.dedent(facts), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(DeckError) as info:
        load_facts(path)
    return [str(p) for p in info.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_good_facts_file_makes_a_deck_the_loader_accepts(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS)
    for language in ("de", "en"):
        text = render_deck(load_facts(path), language, tmp_path / f"small.{language}.yaml")
        deck = load_text(text, "small.yaml")
        assert deck.id == f"small-{language}"
        assert deck.source is not None and deck.source.file == "article.txt"
    deck = generate_deck(load_facts(path), "en")
    other = deck.card("anna-ben-other-answer")
    assert isinstance(other, TypedAnswer)
    assert (other.question, other.answer) == ("Whom did Anna meet in Rome in 1999?", "Ben")
    year = deck.card("ben-carla-year-number")
    assert isinstance(year, Number) and year.answer == 2004


def test_a_quote_not_in_the_article_is_reported_where_it_stands(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS.replace("quote: Anna traf Ben 1999 in Rom.", "quote: Anna traf Ben 1998 in Rom."))
    line = line_of(path, "Anna traf Ben 1998")
    assert f"{path}:{line}:12: fact 'anna-ben': the quote does not occur word for word in the article" in problems(path)


def test_an_entity_the_quote_does_not_name_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS.replace("args: {person: anna, other: ben, city: rome, year: 1999}",
                                         "args: {person: anna, other: carla, city: rome, year: 1999}"))
    found = problems(path)
    assert len(found) == 1
    assert "fact 'anna-ben': the quote does not name 'Carla' (other); quote more, or add a 'refs' word" in found[0]
    assert found[0].startswith(f"{path}:{line_of(path, 'other: carla')}:")


def test_refs_ground_a_pronoun_but_must_stand_in_the_quote(tmp_path: Path) -> None:
    facts = FACTS + item("""\
      - id: carla-rome
        relation: met
        args: {person: carla, other: anna, city: rome, year: 2004}
        quote: Später zog Carla nach Rom.
        refs: {sie: anna}
    """)
    path = write(tmp_path, facts)
    found = problems(path)
    assert any("refs word 'sie' is not in the quote" in p for p in found)
    assert any("the quote does not name '2004' (year)" in p for p in found)


def test_wrong_types_unknown_names_and_fields_are_all_reported_at_once(tmp_path: Path) -> None:
    facts = FACTS.replace("args: {person: anna, other: ben, city: rome, year: 1999}",
                          "args: {person: rome, other: bob, city: rome, year: neunzehn}")
    facts = facts.replace("    quote: Ben traf Carla", "    qoute: x\n    quote: Ben traf Carla")
    path = write(tmp_path, facts)
    found = problems(path)
    assert any("fact 'anna-ben': 'person' needs a person, 'rome' is a city" in p for p in found)
    assert any("fact 'anna-ben': 'bob' is not an entity" in p for p in found)
    assert any("'year' must be a whole number, not \"neunzehn\"" in p for p in found)
    assert any("unknown field 'qoute' in fact; did you mean 'quote'?" in p for p in found)
    assert all(p.startswith(f"{path}:") for p in found)


def test_yaml_mistakes_read_like_the_deck_loaders(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS.replace("quote: Anna traf Ben 1999 in Rom.", "quote: Anna: traf Ben"))
    found = problems(path)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:{line_of(path, 'Anna: traf')}:")
    assert found[0].endswith("YAML syntax error: a text contains ': '; put the whole text in quotes")
    broken_deck = tmp_path / "broken.yaml"
    broken_deck.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DeckError) as info:
        load_deck(broken_deck)
    assert str(info.value.problems[0]).split(": ", 1)[1] == found[0].split(": ", 1)[1]


def test_a_tab_or_an_unclosed_quote_is_told_in_plain_words_where_it_stands(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS.replace("    quote: Anna traf Ben 1999 in Rom.", "\tquote: Anna traf Ben 1999 in Rom."))
    assert problems(path) == [f"{path}:{line_of(path, 'Anna traf Ben 1999')}:1: YAML syntax error: this line is indented with a tab; indent with spaces"]
    path = write(tmp_path, FACTS.replace("quote: Anna traf Ben 1999 in Rom.", 'quote: "Anna traf Ben 1999 in Rom.'))
    assert problems(path) == [
        f"{path}:{line_of(path, 'Anna traf Ben 1999')}:12: YAML syntax error: "
        f"a quote opened on line {line_of(path, 'Anna traf Ben 1999')} is never closed; end the text with a matching \""
    ]


TIMELINE = """\
timelines:
  - id: meetings
    question: {de: "Was geschah zuerst?", en: "What came first?"}
    events:
      - {fact: anna-ben, label: {de: Anna trifft Ben., en: Anna meets Ben.}}
      - {fact: ben-carla, label: {de: Ben trifft Carla., en: Ben meets Carla.}}
"""


def test_a_missing_translation_is_reported_alone_not_as_unknown_names(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS + TIMELINE, HEAD.replace("languages: [de, en]", "languages: [de, en, fr]"))
    found = problems(path)
    assert found and all(p.endswith("is missing the required field 'fr'") for p in found), found
    assert f"{path}:{line_of(path, 'says:') + 1}:7: relation 'met': says is missing the required field 'fr'" in found
    assert any("timeline 'meetings': event label" in p for p in found)


def test_a_timeline_with_one_unknown_event_is_reported_once(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS + TIMELINE.replace("fact: ben-carla", "fact: nosuch"))
    assert problems(path) == [f"{path}:{line_of(path, 'nosuch')}:16: timeline 'meetings': 'nosuch' is not a fact"]


def test_a_timeline_without_explain_states_its_facts_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS + TIMELINE)
    order = generate_deck(load_facts(path), "en").card("meetings-order")
    assert isinstance(order, Order)
    assert order.explain == "Anna met Ben in Rome in 1999. Ben met Carla in Paris in 2004."
    broken = write(tmp_path, FACTS + TIMELINE.replace("    question:", "    qestion:"))
    found = problems(broken)
    assert f"{broken}:{line_of(broken, '- id: meetings')}:5: timeline 'meetings' is missing the required field 'question'" in found


def test_a_question_with_two_answers_is_refused(tmp_path: Path) -> None:
    facts = FACTS + item("""\
      - id: anna-ben-again
        relation: met
        args: {person: anna, other: ben, city: paris, year: 1999}
        quote: Ben traf Carla 2004 in Paris.
        refs: {Carla: anna, Ben: ben}
    """)
    path = write(tmp_path, facts)
    found = problems(path)
    assert any("'anna-ben-again': asking for 'city' would have two answers (see fact 'anna-ben')" in p for p in found)
    assert found[0].startswith(f"{path}:{line_of(path, 'id: anna-ben-again')}:")


def test_template_mistakes_are_reported(tmp_path: Path) -> None:
    head = HEAD.replace('de: "Wen traf {person} {year} in {city}?"', 'de: "Wen traf {persn} {year} in {city.gen}?"')
    path = write(tmp_path, FACTS, head)
    found = problems(path)
    assert any("relation 'met': '{persn}' is not one of its slots" in p for p in found)


def test_a_question_that_names_its_answer_is_refused(tmp_path: Path) -> None:
    head = HEAD.replace('de: "Wo traf {person} {other} im Jahr {year}?"', 'de: "Wo, in {city}, traf {person} {other}?"')
    path = write(tmp_path, FACTS, head)
    with pytest.raises(DeckError) as info:
        generate_deck(load_facts(path), "de")
    assert "gives its answer away ('Paris')" in str(info.value)
    assert str(info.value).startswith(f"{path}:")


def test_choices_and_false_statements_keep_to_the_type(tmp_path: Path) -> None:
    path = write(tmp_path, FACTS)
    deck = generate_deck(load_facts(path), "de")
    people, cities, years = {"Anna", "Ben", "Carla", "Dora"}, {"Rom", "Paris", "Oslo"}, {"1999", "2004"}
    ids = {c.id for c in deck.cards}
    # Anna herself is in the question, so only Carla and Dora could be wrong options:
    # two are a guess among too few, so only the typed question is asked.
    assert "anna-ben-other-choice" not in ids and "anna-ben-other-answer" in ids
    # Cities: only two others, too few as well.
    assert "anna-ben-city-choice" not in ids
    # Years: three wrong years close to the right one, none after the article.
    year = deck.card("anna-ben-year-choice")
    assert isinstance(year, Choice) and year.answer == "1999"
    assert len(year.distractors) == 3 and all(abs(int(o.text) - 1999) <= 6 for o in year.distractors)
    false = deck.card("anna-ben-false")
    assert isinstance(false, TrueFalse) and not false.answer
    words = false.statement.rstrip(".").split()
    assert false.statement != "Anna traf Ben 1999 in Rom."
    assert words[0] in people and words[2] in people and words[5] in cities
    assert words[3] in years or abs(int(words[3]) - 1999) <= 6


VISITS = """\
languages: [de, en]
source: {title: Reisen, date: 2025-01-02, file: article.txt, language: de}
deck: {id: visits, title: Reisen}
entities:
  anna: {type: person, name: Anna}
  ben: {type: person, name: Ben}
  carla: {type: person, name: Carla}
  dora: {type: person, name: Dora}
  rome: {type: city, name: Rom}
relations:
  was_in:
    slots: {person: person, city: city}
    says: "{person} war in {city}."
    ask:
      city: "Wo war {person}?"
    swap: [person]
facts:
  - id: anna-rome
    relation: was_in
    args: {person: anna, city: rome}
    quote: Anna traf Ben 1999 in Rom.
    avoid: [dora]
  - id: ben-rome
    relation: was_in
    args: {person: ben, city: rome}
    quote: Anna traf Ben 1999 in Rom.
    false: {person: dora}
"""


def test_a_false_statement_never_states_another_fact(tmp_path: Path) -> None:
    path = write(tmp_path, "", VISITS)
    deck = generate_deck(load_facts(path), "de")
    statements = {c.id: c.statement for c in deck.cards if isinstance(c, TrueFalse)}
    # Not Anna (the fact), not Ben (true by fact ben-rome), not Dora (avoided): only Carla is left.
    assert statements["anna-rome-false"] == "Carla war in Rom."
    assert statements["ben-rome-false"] == "Dora war in Rom."
    # Asked to make it false with Ben, who was in Rome too, the generator refuses.
    pinned = write(tmp_path, "", VISITS.replace("    avoid: [dora]\n", "    false: {person: ben}\n"))
    with pytest.raises(DeckError) as info:
        generate_deck(load_facts(pinned), "de")
    assert "fact 'anna-rome': its false statement is true (see fact 'ben-rome')" in str(info.value)


def test_cli_writes_the_deck_and_reports_broken_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, FACTS)
    out = tmp_path / "small.en.yaml"
    assert main(["generate", str(path), "--language", "en", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_deck(load_facts(path), "en", out)
    assert load_deck(out).id == "small-en"
    capsys.readouterr()
    assert main(["generate", str(path)]) == 0
    printed = capsys.readouterr().out
    assert load_text(printed).language == "de"
    assert main(["generate", str(path), "--language", "fr"]) == 2
    assert "no fr texts" in capsys.readouterr().err
    broken = write(tmp_path, FACTS.replace("relation: met\n    args: {person: anna", "relation: meet\n    args: {person: anna"))
    assert main(["generate", str(broken), "-o", str(tmp_path / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:{line_of(broken, 'relation: meet')}:15: fact 'anna-ben': unknown relation 'meet'" in err
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_worked_example_of_the_guide_makes_a_valid_deck(tmp_path: Path, language: str) -> None:
    facts = load_facts(EXAMPLE)
    out = tmp_path / f"schwebebahn.{language}.yaml"
    out.write_text(render_deck(facts, language, out), encoding="utf-8")
    deck = load_deck(out)
    kinds = {card.kind for card in deck.cards}
    assert {"answer", "choice", "truefalse", "number", "cloze", "order"} <= kinds
    timeline = deck.card("history-order")
    assert isinstance(timeline, Order) and len(timeline.items) == 3
    false = deck.card("tuffi-false")
    assert isinstance(false, TrueFalse)
    assert false.statement in (
        ("Tuffi sprang 1950 aus der Schwebebahn in den Rhein.", "Tuffi sprang 1950 aus der Schwebebahn in die Ruhr.")
        if language == "de"
        else ("Tuffi jumped out of the suspension railway into the Rhine in 1950.",
              "Tuffi jumped out of the suspension railway into the Ruhr in 1950.")
    )
