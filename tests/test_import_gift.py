"""Moodle GIFT in: the parse agrees with GIFT-grammar-PEG.js's reference, and every question kind becomes the right card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quiz.deck.errors import DeckError
from quiz.deck.model import Choice, Cloze, Flashcard, Match, Multi, Number, NumberRange, TrueFalse, TypedAnswer
from quiz.interchange import gift
from quiz.interchange.build import make_deck
from quiz.interchange.gift_parse import NumberAnswer, Question, Text, parse

FIXTURES = Path(__file__).parent / "gift_fixtures"
GIFT_FILES = sorted(FIXTURES.glob("*.gift"))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(str(value["text"]).split())


def _mine_text(value: Text | None) -> str | None:
    return None if value is None else " ".join(value.text.split())


def _number(value: dict[str, Any]) -> tuple[Any, ...]:
    if value["type"] == "simple":
        return ("simple", value["number"])
    if value["type"] == "range":
        return ("range", value["number"], value["range"])
    return ("high-low", value["numberLow"], value["numberHigh"])


def _mine_number(value: NumberAnswer) -> tuple[Any, ...]:
    if value.low is not None:
        return ("high-low", value.low, value.high)
    if value.tolerance is not None:
        return ("range", value.number, value.tolerance)
    return ("simple", value.number)


def _reference(q: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": q["type"], "title": q["title"], "feedback": _text(q.get("globalFeedback"))}
    if q["type"] == "TF":
        out.update(truth=q["isTrue"], feedbacks=(_text(q["trueFeedback"]), _text(q["falseFeedback"])))
    elif q["type"] == "Matching":
        out["pairs"] = [(_text(p["subquestion"]), p["subanswer"]) for p in q["matchPairs"]]
    elif q["type"] == "Numerical" and isinstance(q["choices"], dict):
        out["number"] = _number(q["choices"])
    elif "choices" in q:
        out["choices"] = [
            (c["isCorrect"], c["weight"], _number(c["text"]) if "type" in c["text"] else _text(c["text"]), _text(c["feedback"]))
            for c in q["choices"]
        ]
    if q["type"] not in ("Description",) and q.get("id") is not None:
        out["id"] = q["id"]
    if q.get("tags"):
        out["tags"] = tuple(q["tags"])
    return out


def _mine(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"type": q.kind, "title": q.title, "feedback": _mine_text(q.general_feedback)}
    if q.kind == "TF":
        out.update(truth=q.truth, feedbacks=(_mine_text(q.true_feedback), _mine_text(q.false_feedback)))
    elif q.kind == "Matching":
        out["pairs"] = [(_mine_text(c.text) if isinstance(c.text, Text) else None, c.match) for c in q.choices]
    elif q.kind == "Numerical" and q.number is not None:
        out["number"] = _mine_number(q.number)
    elif q.kind in ("MC", "Short", "Numerical"):
        out["choices"] = [
            (c.correct, c.weight, _mine_number(c.text) if isinstance(c.text, NumberAnswer) else _mine_text(c.text), _mine_text(c.feedback))
            for c in q.choices
        ]
    if q.id is not None:
        out["id"] = q.id
    if q.tags:
        out["tags"] = q.tags
    return out


@pytest.mark.parametrize("path", GIFT_FILES, ids=lambda p: p.stem)
def test_the_parse_agrees_with_the_reference_on_kinds_answers_weights_and_feedback(path: Path) -> None:
    reference = json.loads((FIXTURES / "expected_pegjs_json" / f"{path.stem}.json").read_text(encoding="utf-8"))
    mine = parse(path.read_text(encoding="utf-8"), path.name)
    assert [_mine(q) for q in mine] == [_reference(q) for q in reference]


@pytest.mark.parametrize("path", GIFT_FILES, ids=lambda p: p.stem)
def test_every_fixture_imports_into_a_deck_the_loader_accepts(path: Path) -> None:
    imported = make_deck([gift.read(path.read_text(encoding="utf-8"), path.name)])
    assert imported.deck.cards
    assert not imported.skipped


def read(text: str) -> gift.Harvest:
    return gift.read(text, "quiz.gift")


def test_each_kind_becomes_its_card() -> None:
    harvest = read(
        "::capital::What is the capital of France?{=Paris ~Lyon#No, that's a city in the south. ~Nice}\n\n"
        "Grant is buried in Grant's tomb.{F}\n\n"
        "Who's buried in Grant's tomb?{=no one =nobody}\n\n"
        "When was Grant born?{#1822:5}\n\n"
        "Pick a year of the war.{#1861..1865}\n\n"
        "Match the capitals.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}\n\n"
        "Jesus Christ was from {=Nazareth =Nazaret}.\n\n"
        "Which are continents?{~%50%Africa ~%50%Asia ~%-100%China}\n\n"
        "Describe your summer.{####I went to the sea.}\n"
    )
    cards = harvest.cards
    assert cards[0] == Choice(
        id="capital", question="What is the capital of France?", answer="Paris",
        distractors=(gift.Option("Lyon", "No, that's a city in the south."), gift.Option("Nice")),
    )
    assert isinstance(cards[1], TrueFalse) and cards[1].answer is False
    assert isinstance(cards[2], TypedAnswer) and (cards[2].answer, cards[2].alternatives) == ("no one", ("nobody",))
    assert isinstance(cards[3], Number) and (cards[3].answer, cards[3].tolerance) == (1822, 5)
    assert isinstance(cards[4], Number) and cards[4].range == NumberRange(1861, 1865)
    assert isinstance(cards[5], Match) and cards[5].pairs == (("Canada", "Ottawa"), ("Italy", "Rome"), ("Japan", "Tokyo"))
    assert isinstance(cards[6], Cloze) and cards[6].text == "Jesus Christ was from {{Nazareth|Nazaret}}."
    assert isinstance(cards[7], Multi) and cards[7].answers == ("Africa", "Asia")
    assert isinstance(cards[8], Flashcard) and cards[8].back == "I went to the sea."
    assert not harvest.skipped


def test_escapes_comments_categories_and_formats() -> None:
    harvest = read(
        "// a comment\n$CATEGORY: $course$/top/Chemistry\n\n"
        "::A\\: title::[html]<p>Is 2 \\= 1 + 1 &amp; \\{true\\}?</p>{T}\n\n"
        "[markdown]Which **sign**?{=\\# ~\\~}\n"
    )
    statement, sign = harvest.cards
    assert isinstance(statement, TrueFalse) and statement.statement == "Is 2 = 1 + 1 & {true}?"
    assert statement.tags == ("Chemistry",) and harvest.title == "Chemistry"
    assert isinstance(sign, Choice) and (sign.answer, sign.distractors[0].text) == ("#", "~")


def test_ids_are_stable_and_follow_titles() -> None:
    text = "::Grant's Tomb::Who is buried there?{=no one}\n\nWho is buried here?{=nobody}\n"
    first, second = read(text).cards, read(text.replace("nobody", "nobody at all")).cards
    assert first[0].id == "grants-tomb" == second[0].id
    assert first[1].id == second[1].id  # the answer changed, the question did not: progress is kept


def test_a_question_it_cannot_play_is_skipped_with_its_line() -> None:
    harvest = read("Fine?{T}\n\nBroken?{=a ~b =c}\n\nNumber?{#twelve}\n")
    assert len(harvest.cards) == 1
    assert [(p.line, p.message.split(";")[0]) for p in harvest.skipped] == [
        (3, "several options are marked = (each alone fully right)"),
        (5, "'twelve' is not a number, a number:tolerance or a min..max span"),
    ]


def test_an_unclosed_brace_names_its_line() -> None:
    with pytest.raises(DeckError) as caught:
        read("Fine?{T}\n\nBroken?{=a ~b\n\nNext?{F}\n")
    assert str(caught.value) == (
        "quiz.gift:3:8: the answers opened with '{' here are not closed before another '{' on line 5 "
        "(write \\{ for a literal brace)"
    )
    with pytest.raises(DeckError) as caught:
        read("Fine?{T}\n\nBroken?{=a ~b\n")
    assert str(caught.value) == "quiz.gift:3:8: the answers opened with '{' here are never closed with '}'"


def test_a_repeated_question_gets_its_own_id_named_at_its_line() -> None:
    imported = make_deck([read("Same?{T}\n\nSame?{F}\n\nSame?{T}\n")])
    ids = [card.id for card in imported.deck.cards]
    assert ids[1:] == [f"{ids[0]}-2", f"{ids[0]}-3"]
    assert [(p.line, p.message) for p in imported.warnings] == [
        (3, f"the id {ids[0]} is taken by an earlier card; this one is {ids[0]}-2"),
        (5, f"the id {ids[0]} is taken by an earlier card; this one is {ids[0]}-3"),
    ]
