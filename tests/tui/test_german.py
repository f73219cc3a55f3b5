"""The app in German: how the language is chosen, and German screens with the deck's own text unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import (
    T0,
    enter_keys,
    make_app,
    right_keys,
    settle,
    single,
    synchronously,
    tour_deck,
    wait_for,
    wait_screen,
    wrong_keys,
)
from waiting import at_most

from quiz.classroom import results
from quiz.classroom.exam import ExamSession, draw
from quiz.classroom.report import build_from_paths
from quiz.classroom.report_tables import format_text, tables
from quiz.cli import build_parser, named_command
from quiz.deck.model import Choice, Deck, Option, TypedAnswer
from quiz.engine.grading import credit_words
from quiz.tui.screens.end import EndScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.texts import choose_language, key_label, number, percent, use_language
from quiz.tui.when import relative
from quiz.tui.widgets.keybar import KeyBar

# -- which language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("de", {"QUIZ_LANG": "en", "LANG": "en_US.UTF-8"}, "de"),  # the option beats everything
        ("en", {"QUIZ_LANG": "de", "LANG": "de_DE.UTF-8"}, "en"),
        (None, {"QUIZ_LANG": "de", "LANG": "en_US.UTF-8"}, "de"),  # then the variable
        (None, {"QUIZ_LANG": "en", "LC_ALL": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "de"),  # then the locale
        (None, {"LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"}, "de"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "de"),  # LANGUAGE lists several, as gettext reads it
        (None, {"LANGUAGE": "de_CH", "LC_ALL": "en_US.UTF-8"}, "de"),
        (None, {"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),  # the first variable set decides, as in gettext
        (None, {}, "en"),  # else English
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # unknown languages fall back to English
        (None, {"QUIZ_LANG": "fr", "LANG": "de_DE.UTF-8"}, "en"),
        ("fr", {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"QUIZ_LANG": "", "LANG": "de_DE.UTF-8"}, "de"),  # an empty variable is not set
        (None, {"QUIZ_LANG": "DE"}, "de"),
    ],
)
def test_the_language_is_the_option_else_the_variable_else_the_locale_else_english(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose_language(option, environ) == expected


def test_lang_is_a_global_option_the_command_is_found_past() -> None:
    assert named_command(["--lang", "de", "play", "tour-en"]) == "play"
    args = build_parser("play").parse_args(["--lang", "de", "play", "tour-en"])
    assert args.lang == "de" and args.deck == "tour-en"
    with pytest.raises(SystemExit):
        build_parser("play").parse_args(["--lang", "fr", "play", "tour-en"])


# -- German words, numbers and times -------------------------------------------------------------


NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_due_times_read_as_german_readers_say_them() -> None:
    use_language("de")
    assert relative(NOW + dt.timedelta(minutes=10), NOW) == "in 10 Minuten"
    assert relative(NOW + dt.timedelta(minutes=1), NOW) == "in 1 Minute"
    assert relative(NOW + dt.timedelta(hours=5), NOW) == "in 5 Stunden"
    assert relative(NOW + dt.timedelta(days=1), NOW) == "morgen"
    assert relative(NOW + dt.timedelta(days=3), NOW) == "in 3 Tagen"
    assert relative(NOW + dt.timedelta(seconds=5), NOW) == "jetzt"
    late = dt.datetime(2026, 3, 2, 23, 0, tzinfo=dt.UTC)  # 25 hours on is the day after tomorrow
    assert relative(late + dt.timedelta(hours=25), late) == "in 1 Tag"
    use_language("en")
    assert relative(NOW + dt.timedelta(days=1), NOW) == "in 1 day"


def test_numbers_percentages_and_keys_are_written_the_german_way() -> None:
    use_language("de")
    assert (number(2.5), number(1234.5, ",.1f"), percent(0.85)) == ("2,5", "1.234,5", "85\u00a0%")  # a space that never breaks the line
    assert [key_label(k) for k in ("^q", "esc", "space", "f2", "⏎")] == ["Strg+Q", "Esc", "Leertaste", "F2", "⏎"]
    assert credit_words(2, 3) == "2 von 3"
    assert credit_words(1, 2, hits=2, wrong=1) == "1 von 2 (2 richtig gewählt − 1 falsch)"
    use_language("en")
    assert (number(1234.5, ",.1f"), percent(0.85), key_label("^q")) == ("1,234.5", "85%", "^q")
    assert credit_words(1, 2, hits=2, wrong=1) == "1 of 2 (2 right picks − 1 wrong)"


def test_every_table_title_and_column_of_the_class_report_reads_in_german(tmp_path: Path) -> None:
    deck = Deck(id="capitals", title="Hauptstädte", cards=(Choice(id="fr", question="Hauptstadt von Frankreich?",
                                                                    answer="Paris", distractors=(Option("Lyon"),)),))
    for name in ("ann", "ben"):
        session = ExamSession(draw(deck, 1, "s"), clock=lambda: T0)
        session.answer("Lyon", duration=5)
        results.write(results.StudentResults(name, T0, (session.finish(),)), tmp_path)
    use_language("de")
    report = build_from_paths([tmp_path])
    titles = [table.title for table in tables(report)]
    assert titles == [
        "Schülerinnen und Schüler: Hauptstädte (Stapel capitals, Version 1, Seed s), 2 Schülerinnen und Schüler",
        "Fragen: Hauptstädte (Stapel capitals, Version 1, Seed s), 2 Schülerinnen und Schüler",
    ]
    text = format_text(report)
    assert "Lösungsquote" in text and "Trennschärfe" in text and "Was die Begriffe bedeuten" in text
    assert "0,00" in text and "0.00" not in text  # a decimal comma
    assert "zu wenige für eine aussagekräftige Trennschärfe" in text  # two pupils: said so


# -- German screens --------------------------------------------------------------------------------


CAPITAL = TypedAnswer(id="capital", question="Hauptstadt von Kolumbien?", answer="Bogotá", hint="Sie liegt in den Anden.")


def german_app(tmp_path: Path, deck: Deck, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QUIZ_LANG", "de")
    return make_app(tmp_path, deck)


async def to_the_end(pilot, screen: StudyScreen) -> EndScreen:
    """Leave the feedback, then answer right whatever comes back, until the session ends."""
    await pilot.press("enter")
    await settle(pilot)
    for _ in at_most(20, "at the end of the session"):
        if not isinstance(pilot.app.screen, StudyScreen):
            break
        await enter_keys(pilot, *right_keys(screen.session.current))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    return await wait_screen(pilot, EndScreen)


def shown(screen, selector: str) -> str:
    return "\n".join(widget.render().plain if hasattr(widget.render(), "plain") else str(widget.render())
                     for widget in screen.query(selector))


@synchronously
async def test_the_study_screen_feedback_and_end_speak_german_and_leave_the_deck_text_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = german_app(tmp_path, Deck(id="k", title="Länder", cards=(CAPITAL,)), monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert shown(screen, "#prompt") == "Hauptstadt von Kolumbien?"
        assert shown(screen, ".instructions") == "Tippe deine Antwort ein, dann Enter."
        await wait_for(pilot, lambda: bool(screen.query(KeyBar)), "the key bar")
        await pilot.press("f2")  # h would be typed into the box
        assert shown(screen, "#hint") == "Tipp: Sie liegt in den Anden."
        await enter_keys(pilot, *"Bogpta", "enter")
        await settle(pilot)
        assert shown(screen, ".verdict") == "✓ Richtig, mit Tippfehler"
        answers = shown(screen, ".answers")
        assert "Getippt:" in answers and "Lösung:  Bogotá" in answers
        rating = [str(button.label) for button in screen.query(".rate")]
        assert [label[1:].rsplit(" ", 1)[0] for label in rating] == ["1 Nochmal", "2 Schwer", "3 Gut", "4 Leicht"]
        assert rating[0].endswith(" 1min") and rating[3].endswith("T")  # a minute, days ("Tage")
        assert shown(screen, "#next-due").startswith("Nächstes Mal ")
        keys = {key.description for key in screen.query("FooterKey")}
        assert {"Weiter", "Stapel", "Beenden"} <= keys and "Next" not in keys
        end = await to_the_end(pilot, screen)
        assert shown(end, ".title") == "Lernrunde geschafft"
        summary = shown(end, "#summary")
        assert " von " in summary and "richtig · Ergebnis 100\u00a0% · Zeit 0 s" in summary and "Nächste Wiederholung: in " in summary
        assert shown(end, "#missed .subtitle") == "Alles richtig. Super gemacht!"


@synchronously
async def test_a_wrong_answer_in_german_lists_the_misses_with_the_deck_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = german_app(tmp_path, single(tour_deck(), "dealer-whom"), monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        presented = screen.session.current
        assert shown(screen, ".instructions") == "Wähle eine Antwort: Zifferntasten oder Pfeile und Enter."
        await enter_keys(pilot, *wrong_keys(presented))
        await settle(pilot)
        assert shown(screen, ".verdict") == "✗ Falsch"
        assert f"Lösung:        {presented.card.answer}" in shown(screen, ".answers")
        end = await to_the_end(pilot, screen)
        assert shown(end, "#missed .subtitle") == "Falsch beantwortet (1):"
        assert shown(end, ".missed-card") == f"✗ {presented.prompt}"
        assert [str(b.label) for b in end.query("KeyButton")] == ["r  Fehler nochmal üben", "s  Statistik", "Enter  Stapel"]


@synchronously
async def test_the_same_screens_stay_english_in_english(tmp_path: Path) -> None:
    app = make_app(tmp_path, single(tour_deck(), "dealer-whom"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert shown(screen, ".instructions") == "Pick one: number keys, or arrows and Enter."
        await enter_keys(pilot, *right_keys(screen.session.current))
        await settle(pilot)
        assert shown(screen, ".verdict") == "✓ Right"
        rating = [str(button.label) for button in screen.query(".rate")]
        assert [label[1:].rsplit(" ", 1)[0] for label in rating] == ["1 Again", "2 Hard", "3 Good", "4 Easy"]
        assert rating[0].endswith(" 1m") and rating[3].endswith("d")
        end = await to_the_end(pilot, screen)
        assert shown(end, ".title") == "Session complete" and "score 100%" in shown(end, "#summary")
        assert isinstance(end.query_one("#summary"), Static)


@synchronously
async def test_true_or_false_is_answered_and_shown_in_the_words_of_the_buttons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.deck.model import TrueFalse
    from quiz.tui.widgets.options import NumberedOptions

    card = TrueFalse(id="quito", statement="Quito ist die Hauptstadt von Ecuador.", answer=True)
    app = german_app(tmp_path, Deck(id="k", title="Länder", language="de", cards=(card,)), monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        buttons = [str(option.prompt).split(" ", 1)[1] for option in screen.query_one(NumberedOptions).options]
        assert buttons == ["Wahr", "Falsch"]
        await pilot.press("f")
        await settle(pilot)
        answers = shown(screen, ".answers")
        assert "Deine Antwort: Falsch" in answers and "Lösung:        Wahr" in answers


@synchronously
async def test_a_number_box_asks_again_in_german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = german_app(tmp_path, single(tour_deck(), "plan-colombia-year"), monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, StudyScreen)
        assert shown(screen, ".instructions") == "Tippe den Bereich ein, von–bis (z. B. 1990-1995), dann Enter."
        await enter_keys(pilot, *"viel", "enter")
        await settle(pilot)
        assert shown(screen, ".instructions") == "Das ist keine Zahl und kein Bereich. Tippe z. B. 1990-1995."
        assert screen.state == "asking"
