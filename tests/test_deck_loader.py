"""The loader turns deck files into the model and rejects bad ones with positions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from recording import paths_passed

from quiz.deck import cache, files, yamlimport
from quiz.deck.errors import DeckError
from quiz.deck.files import bundled_decks, find_deck_files, resolve_deck
from quiz.deck.loader import load_deck, load_text
from quiz.deck.model import KINDS, Choice, Cloze, Match, Multi, Number, NumberRange, Option
from quiz.deck.writer import dump
from quiz.paths import bundled_decks_dir

TOUR = bundled_decks_dir() / "tour.en.yaml"


def problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(DeckError) as info:
        load_text(text, "deck.yaml")
    return [(p.line, p.column, p.message) for p in info.value.problems]


def test_tour_deck_has_every_kind() -> None:
    deck = load_deck(TOUR)
    assert deck.id == "tour-en"
    assert deck.title == "Petro in Washington: a tour of every question kind"
    assert {card.kind for card in deck.cards} == set(KINDS)
    assert deck.path == TOUR


def test_tour_deck_fields_are_read() -> None:
    deck = load_deck(TOUR)
    dealer = deck.card("dealer-whom")
    assert isinstance(dealer, Choice)
    assert dealer.answer == "Gustavo Petro"
    assert dealer.distractors[1] == Option(
        "Daniel Noboa", "Noboa is Ecuador's president; Petro asked Trump to mediate in his conflict with him."
    )
    assert dealer.quote == "Trump bezeichnete ihn als Drogendealer"
    motto = deck.card("motto")
    assert isinstance(motto, Choice) and motto.answer == "Make Americas Great Again"
    assert [o.text for o in motto.distractors] == ["Make Latin America Great Again", "Make Colombia Great Again", "Keep America Great"]
    plan = deck.card("plan-colombia-year")
    assert isinstance(plan, Number) and plan.range == NumberRange(2000, 2015) and plan.answer is None
    cloze = deck.card("mayor-years")
    assert isinstance(cloze, Cloze) and cloze.gaps == (("2012",), ("2015",))
    match = deck.card("who-is-who")
    assert isinstance(match, Match) and match.pairs[0] == ("Gustavo Petro", "President of Colombia")
    assert deck.card("president-since").settings.matching == "exact"
    assert deck.settings_for(deck.card("gifts")).matching == "lenient"


def test_cards_remember_their_line() -> None:
    deck = load_deck(TOUR)
    lines = TOUR.read_text(encoding="utf-8").splitlines()
    for card in deck.cards:
        assert lines[card.line - 1].strip() == f"- id: {card.id}"


def test_tour_deck_round_trips() -> None:
    deck = load_deck(TOUR)
    assert load_text(dump(deck)) == deck


def test_bundled_decks_and_resolve() -> None:
    ids = [deck.id for deck in bundled_decks()]
    assert "tour-en" in ids
    assert len(ids) == len(set(ids)), "two bundled decks share an id"
    assert resolve_deck("tour-en").id == "tour-en"
    assert resolve_deck("tour.en").id == "tour-en"
    assert resolve_deck(str(TOUR)).id == "tour-en"


def test_resolve_unknown_deck_names_the_bundled_ones() -> None:
    with pytest.raises(DeckError, match="^no-such-deck: no such deck file or bundled deck .*tour-en"):
        resolve_deck("no-such-deck")


def test_resolve_reads_only_the_bundled_file_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    read = paths_passed(monkeypatch, cache, "read_deck")
    for spec in ("tour-en", "tour.en", "tour.en.yaml"):
        read.clear()
        assert resolve_deck(spec).id == "tour-en"
        assert [p.name for p in read] == ["tour.en.yaml"], spec
    read.clear()
    with pytest.raises(DeckError):
        resolve_deck("no-such-deck")
    assert len(read) > 1  # only then is every bundled deck read, to find it by id


def test_resolve_finds_a_bundled_deck_by_an_id_its_file_name_does_not_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "capitals.yaml").write_text(dump(load_deck(TOUR)).replace("id: tour-en", "id: world-capitals", 1))
    monkeypatch.setattr(files, "bundled_decks_dir", lambda: tmp_path)
    assert resolve_deck("world-capitals").path == tmp_path / "capitals.yaml"
    assert resolve_deck("capitals").id == "world-capitals"


def test_a_broken_bundled_deck_named_by_its_file_reports_its_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.yaml").write_text("deck: {id: broken}\n")
    monkeypatch.setattr(files, "bundled_decks_dir", lambda: tmp_path)
    with pytest.raises(DeckError, match=r"broken.yaml:\d+:\d+: "):
        resolve_deck("broken")


def test_find_deck_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yml").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("x")
    missing = tmp_path / "missing.yaml"
    assert find_deck_files([tmp_path, missing]) == [tmp_path / "a.yaml", tmp_path / "sub" / "b.yml", missing]


def test_options_form_of_multi() -> None:
    deck = load_text(
        """
deck: {id: d, title: T}
cards:
  - id: m
    kind: multi
    question: Which?
    options: [A, B, {text: C, feedback: no}]
    answers: [a, B]
"""
    )
    card = deck.cards[0]
    assert isinstance(card, Multi)
    assert card.answers == ("A", "B")
    assert card.distractors == (Option("C", "no"),)


def test_numbers_and_dates_count_as_text() -> None:
    deck = load_text(
        """
deck: {id: d, title: T, version: 2, language: no}
cards:
  - {id: 2022, kind: answer, question: Year?, answer: 2022, alternatives: [yes, 1.50]}
"""
    )
    assert deck.version == "2" and deck.language == "no"
    card = deck.cards[0]
    assert card.id == "2022" and card.answer == "2022" and card.alternatives == ("yes", "1.50")


def test_merge_keys_are_flattened() -> None:
    deck = load_text(
        """
deck: {id: d, title: T}
x-base: &base {kind: answer, question: Q?, answer: A}
cards:
  - {<<: *base, id: one}
  - {<<: *base, id: two, answer: B}
"""
    )
    assert [c.answer for c in deck.cards] == ["A", "B"]  # type: ignore[union-attr]


def test_unknown_top_level_field_is_reported() -> None:
    assert problems("deck: {id: d, title: T}\ncard: []\ncards: []\n") == [
        (2, 1, "unknown field 'card' in the deck file; did you mean 'cards'?"),
        (3, 8, "the deck has no cards; add at least one under 'cards:'"),
    ]


def test_empty_file_and_byte_order_mark(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    with pytest.raises(DeckError, match=r"empty.yaml:1:1: the file is empty"):
        load_deck(empty)
    with_bom = tmp_path / "bom.yaml"
    with_bom.write_bytes(b"\xef\xbb\xbf" + TOUR.read_bytes())
    assert load_deck(with_bom) == load_deck(TOUR)


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quiz.deck.loader as loader

    monkeypatch.setattr(loader, "MAX_BYTES", 1000)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 1001)
    with pytest.raises(DeckError, match=r"big.yaml:1:1: the file is too large"):
        load_deck(big)


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="is a folder, not a deck file"):
        load_deck(tmp_path)
    with pytest.raises(DeckError, match="no such file"):
        load_deck(tmp_path / "nope.yaml")


def test_merge_bomb_stays_linear() -> None:
    """Merges of merges of the same anchors would double per level if flattened naively."""
    levels = ["x-l0: &l0 {kind: answer, question: Q?, answer: A}"]
    for i in range(1, 40):
        levels.append(f"x-l{i}: &l{i} {{<<: [*l{i - 1}, *l{i - 1}, *l{i - 1}]}}")
    text = "\n".join(levels) + "\ndeck: {id: d, title: T}\ncards:\n  - {<<: *l39, id: c}\n"
    deck = load_text(text)
    assert deck.cards[0].answer == "A"  # type: ignore[union-attr]


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(DeckError, match="YAML syntax error"):
        load_text("deck: " + "[" * 20000 + "]" * 20000)
    nested = "deck:\n" + "".join("  " * i + "- \n" for i in range(1, 3000))
    with pytest.raises(DeckError):
        load_text(nested)


def test_rich_markup_stays_literal_text() -> None:
    deck = load_text("deck: {id: d, title: '[bold red]T[/]'}\ncards:\n  - {id: c, kind: answer, question: '[b]Q[/b]?', answer: A}\n")
    assert deck.title == "[bold red]T[/]"
    assert deck.cards[0].prompt == "[b]Q[/b]?"


def test_every_control_character_is_rejected() -> None:
    for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]:
        text = f'deck: {{id: d, title: "T\\u{code:04x}x"}}\ncards:\n  - {{id: c, kind: answer, question: Q, answer: A}}\n'
        with pytest.raises(DeckError, match=f"control character U\\+{code:04X}"):
            load_text(text)
    assert load_text('deck: {id: d, title: "a\\tb\\nc"}\ncards:\n  - {id: c, kind: answer, question: Q, answer: A}\n')


def test_yaml_reader_pattern_is_the_cheap_one_and_refuses_the_same_characters() -> None:
    code = (
        "import sys; import quiz.deck.yamlnodes; import yaml.reader;"
        "print(yaml.reader.Reader.NON_PRINTABLE.pattern == quiz.deck.yamlimport.YAML_REFUSED)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"  # PyYAML's pattern is still written as `YAML_NOT_ALLOWED`: `yaml` finds ours
    theirs, ours = re.compile(yamlimport.YAML_NOT_ALLOWED + "+"), re.compile(yamlimport.YAML_REFUSED + "+")
    every = "".join(map(chr, range(0x110000)))
    assert [m.span() for m in theirs.finditer(every)] == [m.span() for m in ours.finditer(every)]


def test_windows_line_endings(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(TOUR.read_bytes().replace(b"\n", b"\r\n"))
    assert load_deck(crlf) == load_deck(TOUR)


def test_pure_python_parser_gives_the_same_decks_and_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml the loader falls back to PyYAML's own parser, with the same results."""
    import yaml

    import quiz.deck.yamlnodes as yamlnodes

    broken = (Path(__file__).with_name("broken_decks") / "unknown-field-typo.yaml").read_text(encoding="utf-8")
    fast_deck, fast_problems = load_deck(TOUR), problems(broken)
    monkeypatch.setattr(yamlnodes, "_Loader", yaml.SafeLoader)
    assert load_deck(TOUR) == fast_deck
    assert problems(broken) == fast_problems


def test_null_is_empty_but_quoted_null_is_text() -> None:
    card = "deck: {id: d, title: T}\ncards:\n  - {id: c, kind: answer, question: Q, answer: %s}\n"
    for empty in ("~", "null", ""):
        assert problems(card % empty) == [(3, 48, "'answer' is empty")]
    assert load_text(card % '"null"').cards[0].answer == "null"  # type: ignore[union-attr]


def test_duplicate_ids_are_found_even_in_broken_cards() -> None:
    text = """deck: {id: d, title: T}
cards:
  - {id: c, kind: answer, question: Q}
  - {id: c, kind: truefalse, statement: S, answer: true}
"""
    assert problems(text) == [
        (3, 5, "an answer card is missing the required field 'answer'"),
        (4, 5, "duplicate card id 'c' (first used on line 3); ids must be unique"),
    ]


def test_garbage_collector_is_restored_after_loading() -> None:
    import gc

    assert gc.isenabled()
    load_deck(TOUR)
    assert gc.isenabled()
    with pytest.raises(DeckError):
        load_text("deck: [")
    assert gc.isenabled()
    gc.disable()
    try:
        load_deck(TOUR)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cards_are_checked_as_they_are_composed_and_let_go() -> None:
    """Validation memory follows one card: each card's nodes are handed over when composed and dropped after."""
    import gc
    import weakref

    from quiz.deck import yamlnodes

    text = "deck: {id: d, title: T}\ncards:\n" + "".join(f"  - {{id: c{i}, kind: answer, question: Q{i}, answer: A}}\n" for i in range(50))
    alive: list[weakref.ref[object]] = []

    def take(item: object) -> None:
        alive.append(weakref.ref(item))

    root = yamlnodes.compose_streaming(text, "deck.yaml", "cards", take)
    gc.collect()
    assert len(alive) == 50 and all(ref() is None for ref in alive)
    cards = dict((k.value, v) for k, v in root.value)["cards"]  # type: ignore[union-attr]
    assert isinstance(cards, yamlnodes.StreamedSequence) and cards.items == 50 and cards.value == []


def test_validation_memory_per_card_stays_small() -> None:
    import tracemalloc

    count = 2000
    text = "deck: {id: d, title: T}\ncards:\n" + "".join(
        f"  - id: card-{i}\n    kind: choice\n    question: Which one is number {i}?\n    answer: Right {i}\n"
        f"    distractors: [Wrong {i}a, Wrong {i}b, Wrong {i}c]\n    tags: [bench, group-{i % 10}]\n"
        for i in range(count)
    )
    tracemalloc.start()
    try:
        deck = load_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(deck.cards) == count
    assert peak / count < 2048, f"{peak / count:.0f} bytes per card"


def test_anchors_and_merges_reach_across_streamed_cards() -> None:
    text = """deck: {id: d, title: T}
cards:
  - &base {id: a, kind: answer, question: Q, answer: A, hint: shared}
  - {<<: *base, id: b}
  - id: c
    kind: answer
    question: *qq
    answer: A
"""
    assert problems(text) == [(7, 15, "YAML syntax error: a text starting with '*' must be in quotes")]
    deck = load_text(text.split("  - id: c")[0])
    assert [card.id for card in deck.cards] == ["a", "b"]
    assert deck.cards[1].hint == "shared" and deck.cards[1].question == "Q"  # type: ignore[union-attr]


def test_a_yaml_error_after_broken_cards_is_reported_alone() -> None:
    text = "deck: {id: d, title: T}\ncards:\n  - {id: a, kind: nonsense}\n  - {id: b, kind: answer, question: [unclosed\n"
    found = problems(text)
    assert len(found) == 1 and "nonsense" not in found[0][2]


def test_lists_of_cards_that_are_not_streamed_read_the_same() -> None:
    plain = "deck: {id: d, title: T}\ncards:\n  - {id: a, kind: answer, question: Q, answer: A}\n"
    anchored = plain.replace("cards:\n", "cards: &all\n")
    assert load_text(anchored) == load_text(plain)
    twice = plain + "cards:\n  - {id: b, kind: answer, question: Q, answer: A}\n"
    assert any("'cards' is given twice" in message for _, _, message in problems(twice))
    assert any("must start with 'deck:'" in message for _, _, message in problems("- {deck: {id: d}}\n"))
    assert problems("deck: {id: d, title: T}\ncards: []\n")[0][2].startswith("the deck has no cards")
