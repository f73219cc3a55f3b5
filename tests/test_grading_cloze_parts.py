"""Per-gap answers of a cloze: what each gap was given, what is right, and whether a typo was forgiven.

The feedback lists the gaps from these, so they must say the same as the gap's verdict.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.deck.model import Cloze, Match, Order, Settings, TypedAnswer
from quiz.engine.grading import PartAnswer, grade
from quiz.engine.normalize import trim

LENIENT = Settings(matching="lenient")
STRICT = Settings(matching="strict")
EXACT = Settings(matching="exact")

CARD = Cloze(id="z", text="The capital is {{Bogotá|Bogota}}, the port {{Barranquilla}}, the year {{1999}}.")


def test_right_gaps_keep_what_was_typed() -> None:
    g = grade(CARD, ["Bogotá", "Barranquilla", "1999"], LENIENT)
    assert g.parts == (True, True, True) and g.labels == ("1", "2", "3")
    assert g.part_answers == (
        PartAnswer("Bogotá", "Bogotá"),
        PartAnswer("Barranquilla", "Barranquilla"),
        PartAnswer("1999", "1999"),
    )


def test_a_wrong_gap_names_the_canonical_answer() -> None:
    g = grade(CARD, ["Lima", "Barranquilla", "1998"], LENIENT)
    assert g.parts == (False, True, False)
    assert g.part_answers[0] == PartAnswer("Lima", "Bogotá")  # the first form, not the alternative
    assert g.part_answers[2] == PartAnswer("1998", "1999")
    assert g.credit == "1 of 3"


def test_an_alternative_is_right_and_shows_the_form_it_matched() -> None:
    for typed, matched in (("Bogota", "Bogota"), ("bogota", "Bogota"), ("BOGOTÁ", "Bogotá")):
        g = grade(CARD, [typed, "Barranquilla", "1999"], LENIENT)
        assert g.correct and g.part_answers[0] == PartAnswer(typed, matched), typed


def test_a_typo_in_one_gap_is_flagged_on_that_gap_only() -> None:
    g = grade(CARD, ["Bogotá", "Barranquila", "1999"], LENIENT)
    assert g.correct and g.typo
    assert [p.typo for p in g.part_answers] == [False, True, False]
    assert g.part_answers[1] == PartAnswer("Barranquila", "Barranquilla", typo=True)


def test_a_typo_is_flagged_even_when_another_gap_is_wrong() -> None:
    """The card as a whole is wrong (no typo verdict), but the forgiven gap still shows its typo."""
    g = grade(CARD, ["Bogotá", "Barranquila", "2000"], LENIENT)
    assert not g.correct and not g.typo
    assert g.parts == (True, True, False)
    assert g.part_answers[1].typo and g.part_answers[1].expected == "Barranquilla"


def test_without_typos_allowed_the_misspelt_gap_is_wrong() -> None:
    g = grade(CARD, ["Bogotá", "Barranquila", "1999"], STRICT)
    assert g.parts == (True, False, True)
    assert g.part_answers[1] == PartAnswer("Barranquila", "Barranquilla")


def test_exact_matching_keeps_accents_and_case() -> None:
    g = grade(CARD, ["bogota", "Barranquilla", "1999"], EXACT)
    assert g.parts == (False, True, True) and g.part_answers[0] == PartAnswer("bogota", "Bogotá")


def test_blank_and_missing_gaps_are_empty_and_wrong() -> None:
    g = grade(CARD, ["  ", "Barranquilla"], LENIENT)
    assert g.parts == (False, True, False)
    assert g.part_answers[0] == PartAnswer("", "Bogotá")
    assert g.part_answers[2] == PartAnswer("", "1999")
    assert [p.given for p in grade(CARD, None, LENIENT).part_answers] == ["", "", ""]


def test_spaces_around_a_gap_answer_are_trimmed() -> None:
    g = grade(CARD, ["  Bogotá ", "Barranquilla\t", "1999"], LENIENT)
    assert [p.given for p in g.part_answers] == ["Bogotá", "Barranquilla", "1999"]


def test_kinds_without_typed_parts_have_no_part_answers() -> None:
    order = Order(id="o", question="?", items=("a", "b"))
    match = Match(id="m", question="?", pairs=(("a", "1"), ("b", "2")))
    typed = TypedAnswer(id="t", question="?", answer="Bogotá")
    assert grade(order, ["b", "a"], LENIENT).part_answers == ()
    assert grade(match, {"a": "2", "b": "1"}, LENIENT).part_answers == ()
    assert grade(typed, "Bogta", LENIENT).part_answers == ()


gap_words = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=10)


@given(
    st.lists(st.lists(gap_words, min_size=1, max_size=3), min_size=1, max_size=5),
    st.lists(st.text(max_size=12), max_size=6),
    st.sampled_from([LENIENT, STRICT, EXACT]),
)
def test_part_answers_agree_with_the_parts(gaps: list[list[str]], response: list[str], settings: Settings) -> None:
    card = Cloze(id="z", text=" and ".join("{{" + "|".join(alternatives) + "}}" for alternatives in gaps))
    g = grade(card, response, settings)
    assert len(g.part_answers) == len(g.parts) == len(g.labels) == len(card.gaps)
    for i, (ok, part) in enumerate(zip(g.parts, g.part_answers, strict=False)):
        assert part.given == (trim(response[i]) if i < len(response) else "")
        assert part.expected in card.gaps[i]
        if not ok:
            assert part.expected == card.gaps[i][0] and not part.typo
        if part.typo:
            assert ok and settings == LENIENT
