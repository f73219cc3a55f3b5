import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.deck.model import (
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Number,
    NumberRange,
    Option,
    Order,
    Settings,
    TrueFalse,
    TypedAnswer,
)
from quiz.engine.grading import Grade, grade
from quiz.engine.matching import match_text, surname_forms, typo_allowance
from quiz.engine.normalize import answer_key, normalize

LENIENT = Settings(matching="lenient")
STRICT = Settings(matching="strict")
EXACT = Settings(matching="exact")


def typed(answer: str, *alternatives: str, surname: bool = False) -> TypedAnswer:
    return TypedAnswer(id="a", question="?", answer=answer, alternatives=alternatives, surname=surname)


# --- typed answers -----------------------------------------------------------


def test_accents_case_and_punctuation_do_not_matter() -> None:
    card = typed("Bogotá")
    for given in ("Bogota", "bogotá", "BOGOTA", " Bogotá. "):  # noqa: F402
        g = grade(card, given, LENIENT)
        assert g.correct and not g.typo and g.matched == "Bogotá"
    assert grade(card, "Bogota", STRICT).correct


def test_leading_articles_do_not_matter() -> None:
    assert grade(typed("Weißes Haus"), "das Weiße Haus", LENIENT).correct
    assert grade(typed("the White House"), "White House", LENIENT).correct
    assert grade(typed("Casa Blanca"), "la Casa Blanca", STRICT).correct


def test_alternatives_match() -> None:
    card = typed("Vereinte Nationen", "UNO", "UN")
    g = grade(card, "die UNO", LENIENT)
    assert g.correct and g.matched == "UNO"
    assert g.expected == "Vereinte Nationen"


def test_wrong_answer() -> None:
    g = grade(typed("Gustavo Petro"), "Donald Trump", LENIENT)
    assert g == Grade(correct=False, score=0.0, expected="Gustavo Petro", given="Donald Trump",
                      expected_seconds=g.expected_seconds)
    assert g.expected_seconds > 0


def test_blank_answer_is_wrong() -> None:
    for settings in (LENIENT, STRICT, EXACT):
        assert not grade(typed("Petro"), "   ", settings).correct
        assert not grade(typed("Petro"), None, settings).correct


def test_one_typo_in_a_word_of_five_letters() -> None:
    g = grade(typed("Petro"), "Pedro", LENIENT)
    assert g.correct and g.typo and g.matched == "Petro" and g.score == 1.0
    assert not grade(typed("Petro"), "Pedra", LENIENT).correct  # two edits


def test_two_swapped_letters_are_one_typo() -> None:
    card = typed("Gustavo Petro", surname=True)
    for given in ("Gustavo Petor", "Petor", "Gusatvo Petro"):  # noqa: F402
        g = grade(card, given, LENIENT)
        assert g.correct and g.typo and g.score == 1.0, given
    assert not grade(card, "Pteor", LENIENT).correct  # two swaps
    assert grade(typed("Washington"), "Wahsingotn", LENIENT).correct  # two swaps in ten letters
    assert not grade(typed("Plan 2015"), "Plan 2051", LENIENT).correct  # digits are never a typo
    assert not grade(card, "Petor", STRICT).correct


def test_no_typo_in_short_words() -> None:
    assert not grade(typed("Cali"), "Kali", LENIENT).correct
    assert typo_allowance("Cali") == 0


def test_two_typos_in_a_word_of_ten_letters() -> None:
    card = typed("Washington")
    g = grade(card, "Washingtn", LENIENT)
    assert g.correct and g.typo
    assert grade(card, "Woshingtn", LENIENT).correct
    assert not grade(card, "Woshengtn", LENIENT).correct  # three edits
    assert not grade(typed("Kolumbien"), "Kolombian", LENIENT).correct  # 9 letters: one edit only
    assert grade(typed("Kolumbien"), "Kolumbein", LENIENT).typo  # a swap is one edit


def test_typos_are_counted_per_word() -> None:
    card = typed("Nicolás Maduro")
    assert grade(card, "Nicolas Madura", LENIENT).typo
    assert grade(card, "Nicolaz Madura", LENIENT).correct
    assert not grade(card, "Nicolas Mad", LENIENT).correct


def test_no_typo_in_numbers() -> None:
    assert typo_allowance("2015abcdef") == 0
    assert not grade(typed("Plan 2015"), "Plan 2016", LENIENT).correct
    assert not grade(typed("Apollo 1"), "Apollo", LENIENT).correct
    assert not grade(typed("Apollo"), "Apollo1", LENIENT).correct


def test_joined_words_with_a_typo() -> None:
    g = grade(typed("Gustavo Petro"), "Gustavopetr", LENIENT)
    assert g.correct and g.typo


def test_umlauts_may_be_written_out() -> None:
    g = grade(typed("Außenminister Rubio"), "Aussenminister Rubio", STRICT)
    assert g.correct
    assert grade(typed("Führer"), "Fuehrer", STRICT).correct


def test_strict_allows_no_typos() -> None:
    assert not grade(typed("Petro"), "Pedro", STRICT).correct
    assert grade(typed("Petro"), "petro!", STRICT).correct


def test_exact_trims_only_surrounding_whitespace() -> None:
    card = typed("Bogotá", "Santa Fe de Bogotá")
    assert grade(card, "  Bogotá\n", EXACT).correct
    assert not grade(card, "Bogota", EXACT).correct
    assert not grade(card, "bogotá", EXACT).correct
    assert not grade(card, "Bogotá.", EXACT).correct
    assert grade(card, "Santa Fe de Bogotá", EXACT).matched == "Santa Fe de Bogotá"


def test_missing_matching_setting_means_lenient() -> None:
    assert grade(typed("Petro"), "Pedro", Settings()).typo


# --- surnames ------------------------------------------------------------------


def test_surname_alone_where_the_card_allows_it() -> None:
    card = typed("Gustavo Petro", surname=True)
    g = grade(card, "Petro", LENIENT)
    assert g.correct and not g.typo and g.matched == "Petro"
    assert not grade(typed("Gustavo Petro"), "Petro", LENIENT).correct
    assert not grade(card, "Gustavo", LENIENT).correct


def test_multi_word_surname() -> None:
    card = typed("Abelardo de la Espriella", surname=True)
    for given in ("de la Espriella", "De La Espriella", "Espriella", "la Espriella", "Abelardo de la Espriella"):  # noqa: F402
        assert grade(card, given, STRICT).correct, given
    g = grade(card, "de la Espriela", LENIENT)
    assert g.correct and g.typo and g.matched == "de la Espriella"
    assert grade(card, "Espriella", LENIENT).matched == "Espriella"
    assert not grade(card, "Abelardo", LENIENT).correct


def test_surname_of_an_alternative() -> None:
    card = typed("J.D. Vance", "James David Vance", surname=True)
    assert grade(card, "Vance", STRICT).correct
    assert grade(card, "JD Vance", STRICT).correct


def test_surname_forms() -> None:
    assert surname_forms("Gustavo Petro") == ("Petro",)
    assert surname_forms("Abelardo de la Espriella") == ("de la Espriella", "la Espriella", "Espriella")
    assert surname_forms("Petro") == ()


def test_surname_with_exact_matching() -> None:
    card = typed("Gustavo Petro", surname=True)
    assert grade(card, "Petro", EXACT).correct
    assert not grade(card, "petro", EXACT).correct


# --- choice, multi, true/false -----------------------------------------------------

CHOICE = Choice(
    id="c",
    question="Wen nannte Trump einen Drogendealer?",
    answer="Gustavo Petro",
    answer_feedback="Richtig: Trump nannte Petro einen Drogendealer.",
    distractors=(Option("Nicolás Maduro", "Maduro wurde nicht genannt."), Option("Daniel Noboa")),
)


def test_choice_right_with_feedback() -> None:
    g = grade(CHOICE, "Gustavo Petro", LENIENT)
    assert g.correct and g.score == 1.0 and g.feedback == CHOICE.answer_feedback


def test_choice_wrong_with_the_options_feedback() -> None:
    g = grade(CHOICE, "Nicolás Maduro", LENIENT)
    assert not g.correct and g.score == 0.0
    assert g.feedback == "Maduro wurde nicht genannt."
    assert g.given == "Nicolás Maduro" and g.expected == "Gustavo Petro"
    assert grade(CHOICE, "Daniel Noboa", LENIENT).feedback is None


def test_choice_never_forgives_typos() -> None:
    assert not grade(CHOICE, "Gustavo Pedro", LENIENT).correct
    assert not grade(CHOICE, "Someone else", LENIENT).correct


MULTI = Multi(
    id="m",
    question="Wer ist Kolumbianer?",
    answers=("Gustavo Petro", "Iván Cepeda", "Abelardo de la Espriella"),
    distractors=(Option("Donald Trump", "Trump ist US-Präsident."), Option("Marco Rubio")),
)


def test_multi_all_right() -> None:
    g = grade(MULTI, {"Gustavo Petro", "Iván Cepeda", "Abelardo de la Espriella"}, LENIENT)
    assert g.correct and g.score == 1.0 and g.parts == (True,) * 5


def test_multi_partial_credit() -> None:
    g = grade(MULTI, ["Gustavo Petro", "Iván Cepeda"], LENIENT)
    assert not g.correct
    assert g.score == pytest.approx(2 / 3)
    assert g.parts == (True, True, False, True, True)


def test_multi_wrong_picks_cost_credit() -> None:
    g = grade(MULTI, ["Gustavo Petro", "Iván Cepeda", "Donald Trump"], LENIENT)
    assert g.score == pytest.approx(1 / 3)
    assert g.parts == (True, True, False, False, True)
    assert g.feedback == "Trump ist US-Präsident."
    assert grade(MULTI, [o.text for o in MULTI.options], LENIENT).score == pytest.approx(1 / 3)
    assert grade(MULTI, ["Donald Trump", "Marco Rubio"], LENIENT).score == 0.0
    assert grade(MULTI, [], LENIENT).score == 0.0


def test_multi_parts_follow_the_shown_order() -> None:
    shown = ("Marco Rubio", "Iván Cepeda", "Donald Trump", "Abelardo de la Espriella", "Gustavo Petro")
    g = grade(MULTI, ["Marco Rubio", "Iván Cepeda"], LENIENT, shown=shown)
    assert g.parts == (False, True, True, False, False)
    assert g.labels == ("1", "2", "3", "4", "5")
    assert grade(MULTI, ["Marco Rubio", "Iván Cepeda"], LENIENT).parts == (False, True, False, True, False)
    assert grade(MULTI, [], LENIENT, shown=shown[:2]).parts == (False, False, False, True, True)  # not the card's options


def test_multi_credit_in_words_is_the_score() -> None:
    assert grade(MULTI, ["Gustavo Petro"], LENIENT).credit == "1 of 3"
    g = grade(MULTI, ["Gustavo Petro", "Iván Cepeda", "Donald Trump"], LENIENT)
    assert g.credit == "1 of 3 (2 right picks − 1 wrong)" and g.score == pytest.approx(1 / 3)
    assert grade(MULTI, ["Gustavo Petro", "Donald Trump"], LENIENT).credit == ""  # scores 0
    assert grade(MULTI, [], LENIENT).credit == ""  # picking nothing earns nothing
    assert grade(MULTI, list(MULTI.answers), LENIENT).credit == ""  # right, not partly right


def test_multi_picks_are_shown_in_the_cards_order() -> None:
    g = grade(MULTI, {"Marco Rubio", "Iván Cepeda", "Gustavo Petro"}, LENIENT)
    assert g.given == "Gustavo Petro; Iván Cepeda; Marco Rubio"
    assert g.expected == "Gustavo Petro; Iván Cepeda; Abelardo de la Espriella"


def test_multi_unknown_pick_is_wrong() -> None:
    g = grade(MULTI, ["Gustavo Petro", "Iván Cepeda", "Abelardo de la Espriella", "Joe Biden"], LENIENT)
    assert not g.correct and g.score < 1


def test_truefalse() -> None:
    card = TrueFalse(id="t", statement="Petro darf wieder kandidieren.", answer=False)
    assert grade(card, False, LENIENT).correct
    assert not grade(card, True, LENIENT).correct
    assert grade(card, "falsch", LENIENT).correct
    assert grade(card, "No", LENIENT).correct
    assert not grade(card, "vielleicht", LENIENT).correct
    assert grade(card, False, LENIENT).expected == "False"


# --- numbers ---------------------------------------------------------------------

RANGE = Number(id="n", question="Wann lief der Plan Colombia?", range=NumberRange(2000, 2015))


@pytest.mark.parametrize(
    "given", ["2000–2015", "2000-2015", "2000 to 2015", "2000 bis 2015", "von 2000 bis 2015", "from 2000 to 2015"]
)
def test_range_card(given: str) -> None:
    g = grade(RANGE, given, LENIENT)
    assert g.correct and g.parts == (True, True) and g.expected == "2000–2015" and g.given == given


def test_range_needs_both_ends() -> None:
    g = grade(RANGE, "2000-2014", LENIENT)
    assert not g.correct and g.parts == (True, False) and g.score == 0.5
    assert not grade(RANGE, "2000", LENIENT).correct
    assert not grade(RANGE, "irgendwann", LENIENT).correct


def test_range_parts_are_from_and_to() -> None:
    g = grade(RANGE, "2000", LENIENT)
    assert g.parts == (True, False) and g.labels == ("from", "to") and g.credit == "1 of 2"
    assert grade(RANGE, "irgendwann", LENIENT).labels == ("from", "to")
    assert grade(RANGE, "2000/2015", LENIENT).correct


def test_other_parts_are_numbered_with_credit_as_right_of_all() -> None:
    g = grade(ORDER, ["M-19", "Bürgermeister", "Präsident", "Visum"], LENIENT)
    assert g.labels == ("1", "2", "3", "4") and g.credit == f"{sum(g.parts)} of 4"
    assert grade(ORDER, list(reversed(ORDER.items)), LENIENT).credit == ""


def test_range_with_tolerance() -> None:
    card = Number(id="n", question="?", range=NumberRange(2000, 2015), tolerance=1)
    assert grade(card, "1999-2016", LENIENT).correct
    assert not grade(card, "1998-2015", LENIENT).correct


def test_exact_number_with_tolerance() -> None:
    card = Number(id="n", question="Wie alt ist Petro?", answer=65, tolerance=1, unit="Jahre")
    assert grade(card, "65", LENIENT).correct
    assert grade(card, "64 Jahre", LENIENT).correct
    assert grade(card, "66", LENIENT).correct
    assert not grade(card, "67", LENIENT).correct
    assert not grade(card, "64-66", LENIENT).correct
    assert grade(card, "65", LENIENT).expected == "65 (± 1) Jahre"


def test_exact_number_without_tolerance() -> None:
    card = Number(id="n", question="?", answer=65)
    assert grade(card, "65", STRICT).correct
    assert not grade(card, "64", LENIENT).correct


def test_decimal_comma() -> None:
    card = Number(id="n", question="?", answer=2.5)
    assert grade(card, "2,5", LENIENT).correct
    assert grade(card, "2.5", LENIENT).correct
    assert not grade(card, "25", LENIENT).correct


def test_thousands_separators() -> None:
    card = Number(id="n", question="?", answer=1_000_000)
    for given in ("1000000", "1.000.000", "1,000,000", "1 000 000"):  # noqa: F402
        assert grade(card, given, LENIENT).correct, given


# --- cloze, order, match -------------------------------------------------------------

CLOZE = Cloze(id="z", text="{{Petro}} war Bürgermeister von {{Bogotá|Bogota}} von {{2012}} bis 2015.")


def test_cloze_gap_by_gap() -> None:
    g = grade(CLOZE, ["petro", "Bogota", "2012"], LENIENT)
    assert g.correct and g.parts == (True, True, True) and not g.typo
    g = grade(CLOZE, ["Petro", "Medellín", "2012"], LENIENT)
    assert not g.correct and g.parts == (True, False, True) and g.score == pytest.approx(2 / 3)
    assert g.expected == "Petro war Bürgermeister von Bogotá von 2012 bis 2015."
    assert g.given == "Petro war Bürgermeister von Medellín von 2012 bis 2015."


def test_cloze_typo_and_missing_gaps() -> None:
    g = grade(CLOZE, ["Pedro", "Bogotá", "2012"], LENIENT)
    assert g.correct and g.typo
    assert g.matched == "Petro war Bürgermeister von Bogotá von 2012 bis 2015."
    assert grade(CLOZE, ["Petro"], LENIENT).parts == (True, False, False)
    assert not grade(CLOZE, ["Pedro", "Bogotá", "2012"], STRICT).correct


ORDER = Order(id="o", question="In welcher Reihenfolge?", items=("M-19", "Bürgermeister", "Präsident", "Besuch"))


def test_order_per_position() -> None:
    assert grade(ORDER, list(ORDER.items), LENIENT).correct
    g = grade(ORDER, ["M-19", "Präsident", "Bürgermeister", "Besuch"], LENIENT)
    assert not g.correct and g.parts == (True, False, False, True) and g.score == 0.5
    assert g.expected == "M-19 → Bürgermeister → Präsident → Besuch"
    assert grade(ORDER, ["M-19"], LENIENT).parts == (True, False, False, False)


MATCH = Match(id="x", question="Wer ist was?", pairs=(("Petro", "Kolumbien"), ("Trump", "USA"), ("Maduro", "Venezuela")))


def test_match_per_pair() -> None:
    assert grade(MATCH, {"Petro": "Kolumbien", "Trump": "USA", "Maduro": "Venezuela"}, LENIENT).correct
    g = grade(MATCH, {"Petro": "USA", "Trump": "Kolumbien", "Maduro": "Venezuela"}, LENIENT)
    assert not g.correct and g.parts == (False, False, True) and g.score == pytest.approx(1 / 3)
    assert grade(MATCH, {"Petro": "Kolumbien"}, LENIENT).parts == (True, False, False)
    assert g.expected == "Petro → Kolumbien; Trump → USA; Maduro → Venezuela"


def test_items_from_the_screen_compare_exactly() -> None:
    card = Order(id="o", question="?", items=("Bogotá", "Bogota"))
    assert grade(card, ["Bogotá", "Bogota"], LENIENT).correct
    assert grade(card, ["Bogota", "Bogotá"], LENIENT).parts == (False, False)
    assert grade(ORDER, ["m19", "bürgermeister", "Präsident", "Besuch"], LENIENT).correct  # re-typed items
    pairs = Match(id="x", question="?", pairs=(("a", "Bogotá"), ("b", "Bogota")))
    assert grade(pairs, {"a": "Bogota", "b": "Bogotá"}, LENIENT).parts == (False, False)
    assert grade(MATCH, {"petro": "kolumbien", "Trump": "USA", "Maduro": "Venezuela"}, LENIENT).correct


def test_flashcards_are_not_graded() -> None:
    with pytest.raises(TypeError, match="flashcard"):
        grade(Flashcard(id="f", front="a", back="b"), "b", LENIENT)


# --- properties ------------------------------------------------------------------------

words = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)
phrases = st.lists(words, min_size=1, max_size=4).map(" ".join)
anything = st.text(max_size=40)
modes = st.sampled_from([LENIENT, STRICT, EXACT])


@given(phrases, st.lists(phrases, max_size=3), st.booleans(), modes)
def test_the_answer_and_every_alternative_grade_right(answer: str, alternatives: list[str], surname: bool, settings: Settings) -> None:
    card = typed(answer, *alternatives, surname=surname)
    for accepted in (answer, *alternatives):
        g = grade(card, accepted, settings)
        assert g.correct and not g.typo and g.score == 1.0


@given(phrases, st.lists(phrases, min_size=1, max_size=4, unique_by=answer_key), st.data())
def test_a_distractor_never_grades_right(answer: str, distractors: list[str], data: st.DataObject) -> None:
    distractors = [d for d in distractors if answer_key(d) != answer_key(answer)]
    assume(distractors)
    choice = Choice(id="c", question="?", answer=answer, distractors=tuple(Option(d) for d in distractors))
    multi = Multi(id="m", question="?", answers=(answer,), distractors=choice.distractors)
    settings = data.draw(modes)
    assert grade(choice, answer, settings).correct
    for d in distractors:
        assert not grade(choice, d, settings).correct
        assert not grade(multi, [answer, d], settings).correct
        assert not grade(multi, [d], settings).correct


@given(phrases, st.lists(phrases, max_size=2), st.booleans(), anything, st.sampled_from([LENIENT, STRICT]))
def test_grading_a_normalised_answer_changes_nothing(answer: str, alternatives: list[str], surname: bool, given: str, settings: Settings) -> None:
    card = typed(answer, *alternatives, surname=surname)
    for text in (given, answer, *alternatives):
        once, twice = grade(card, normalize(text), settings), grade(card, normalize(normalize(text)), settings)
        raw = grade(card, text, settings)
        assert once.correct == twice.correct == raw.correct
        assert once.typo == twice.typo == raw.typo


@given(st.lists(st.lists(phrases, min_size=1, max_size=3), min_size=1, max_size=4), modes)
def test_every_cloze_alternative_grades_right(gaps: list[list[str]], settings: Settings) -> None:
    gaps = [[w.replace("|", " ").replace("}", " ").replace("{", " ") for w in alts] for alts in gaps]
    card = Cloze(id="z", text=" ".join("{{" + "|".join(alts) + "}}" for alts in gaps))
    assume(card.gaps == tuple(tuple(a.strip() for a in alts) for alts in gaps))
    for pick in range(3):
        response = [alts[min(pick, len(alts) - 1)] for alts in gaps]
        g = grade(card, response, settings)
        assert g.correct and g.score == 1.0 and all(g.parts)


@given(st.integers(-10**6, 10**6), st.integers(0, 100), st.integers(-200, 200))
def test_numbers_within_tolerance_grade_right(answer: int, tolerance: int, offset: int) -> None:
    card = Number(id="n", question="?", answer=answer, tolerance=tolerance)
    assert grade(card, str(answer + offset), LENIENT).correct == (abs(offset) <= tolerance)


@given(st.integers(0, 3000), st.integers(0, 3000))
def test_range_answer_grades_right(a: int, b: int) -> None:
    card = Number(id="n", question="?", range=NumberRange(min(a, b), max(a, b)))
    assert grade(card, grade(card, "", LENIENT).expected, LENIENT).correct


def test_match_text_accepts_sequences() -> None:
    assert match_text("Bogota", ("Bogotá",), "lenient").correct
