"""`quiz validate` in German: every problem told in German at the same `file:line:column`, the summary too; English stays English."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.paths import bundled_decks_dir

BROKEN = Path(__file__).with_name("broken_decks")
TOUR = bundled_decks_dir() / "tour.en.yaml"
PLACE = re.compile(r"^(.+?):(\d+):(\d+): (.+)$")

GERMAN = {
    "unknown-field-typo.yaml": "10:5: unbekanntes Feld 'quesiton' in einer Karte vom Typ answer; meintest du 'question'?",
    "truefalse-not-bool.yaml": "11:13: 'answer' muss true oder false sein, nicht \"maybe\"",
    "missing-field.yaml": "8:5: in einer Karte vom Typ flashcard fehlt das Pflichtfeld 'back'",
    "yaml-colon-in-text.yaml": "10:25: YAML-Syntaxfehler: ein Text enthält ': '; setze den ganzen Text in Anführungszeichen",
    "yaml-unclosed-quote.yaml": "10:15: YAML-Syntaxfehler: ein in Zeile 10 geöffnetes Anführungszeichen wird nie geschlossen",
    "field-of-other-kind.yaml": "10:5: 'statement' ist kein Feld in einer Karte vom Typ choice; es gehört zu Karten vom Typ truefalse",
    "question-too-long.yaml": "10:15: 'question' ist zu lang (20.003 Zeichen; höchstens 10.000)",
    "order-one-item.yaml": "11:12: 'items' braucht mindestens 2 Einträge",
    "answer-is-distractor.yaml": "14:9: die Antwort 'Gustavo Petro' ist auch ein Distraktor",
    "missing-cards.yaml": "4:1: in der Stapeldatei fehlt das Pflichtfeld 'cards'",
}
ENGLISH_WORDS = re.compile(r"\b(must|is|the|field|missing|not|needs|line|unknown|error)\b")


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main([*args])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(("name", "expected"), GERMAN.items())
def test_a_broken_deck_is_explained_in_german(name: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / name
    code, out = validate(capsys, "--lang", "de", "validate", str(path))
    assert code == 1
    assert out[0].startswith(f"{path}:{expected}")
    assert out[-1] == "1 Problem in 1 Datei (1 Datei, 0 Karten in 0 fehlerfreien Stapeln)"


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = validate(capsys, "validate", str(BROKEN / "unknown-field-typo.yaml"), str(BROKEN / "truefalse-not-bool.yaml"))
    assert code == 1
    assert out == [
        f"{BROKEN / 'unknown-field-typo.yaml'}:10:5: unknown field 'quesiton' in an answer card; did you mean 'question'?",
        f"{BROKEN / 'truefalse-not-bool.yaml'}:11:13: 'answer' must be true or false, not \"maybe\"",

        "2 problems in 2 files (2 files, 0 cards in 0 good decks)",
    ]


def test_every_broken_deck_keeps_its_places_and_loses_its_english(capsys: pytest.CaptureFixture[str]) -> None:
    """The same problems at the same places in both languages, and no English sentence left in the German ones."""
    _, english = validate(capsys, "validate", str(BROKEN))
    _, german = validate(capsys, "--lang", "de", "validate", str(BROKEN))
    assert len(german) == len(english) > 80
    for en_line, de_line in zip(english[:-1], german[:-1], strict=True):
        en_place, de_place = PLACE.match(en_line), PLACE.match(de_line)
        assert en_place is not None and de_place is not None, (en_line, de_line)
        assert en_place.group(1, 2, 3) == de_place.group(1, 2, 3)
        message = re.sub(r"'[^']*'|\"[^\"]*\"|\(kinds?:[^)]*\)", "", de_place.group(4))  # quoted values are the teacher's
        assert not ENGLISH_WORDS.search(message), de_line
    assert german[-1].startswith(f"{len(german) - 1} Probleme in ")


def test_a_missing_file_and_a_good_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nicht-da.yaml"
    code, out = validate(capsys, "--lang", "de", "validate", str(missing), str(TOUR))
    assert code == 1
    assert out == [f"{missing}:1:1: diese Datei gibt es nicht", "1 Problem in 1 Datei (2 Dateien, 14 Karten in 1 fehlerfreien Stapel)"]
    (tmp_path / "leer").mkdir()
    code, out = validate(capsys, "--lang", "de", "validate", str(tmp_path / "leer"))
    assert out[0] == f"{tmp_path / 'leer'}:1:1: keine Stapeldateien (*.yaml, *.yml) in diesem Ordner"
    code, out = validate(capsys, "--lang", "de", "validate", str(TOUR))
    assert (code, out) == (0, ["alles in Ordnung: 1 Datei, 14 Karten in 1 fehlerfreien Stapel"])


@pytest.mark.parametrize("variable", ["QUIZ_LANG", "LANG"])
def test_german_chosen_by_the_environment(variable: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    if variable == "LANG":
        monkeypatch.delenv("QUIZ_LANG")
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", "de_DE.UTF-8")
    else:
        monkeypatch.setenv("QUIZ_LANG", "de")
    code, out = validate(capsys, "validate", str(BROKEN / "missing-field.yaml"))
    assert code == 1
    assert out[0].endswith("8:5: in einer Karte vom Typ flashcard fehlt das Pflichtfeld 'back'")


def test_a_broken_facts_file_is_explained_in_german(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    examples = Path(__file__).resolve().parent.parent / "docs" / "examples"
    for name in ("schwebebahn.facts.yaml", "schwebebahn.de.txt"):
        shutil.copy(examples / name, tmp_path / name)
    facts = tmp_path / "schwebebahn.facts.yaml"
    text = facts.read_text(encoding="utf-8")
    text = text.replace("relation: jumped_into", "relation: jumpd_into", 1).replace("quote: Schon im Oktober 1900", "quote: Schon im November 1900", 1)
    facts.write_text(text, encoding="utf-8")
    code, out = validate(capsys, "--lang", "de", "validate", str(facts))
    assert code == 1
    lines = text.splitlines()
    relation = next(i for i, t in enumerate(lines, 1) if "jumpd_into" in t)
    quote = next(i for i, t in enumerate(lines, 1) if "November 1900" in t)
    assert f"{facts}:{relation}:15: Fakt 'tuffi': unbekannte Relation 'jumpd_into'" in out
    assert any(line.startswith(f"{facts}:{quote}:") and "das Zitat steht nicht wörtlich im Artikel" in line for line in out), out
    assert out[-1] == "2 Probleme in 1 Datei (1 Datei, 0 Karten in 0 fehlerfreien Stapeln)"
    code, out = validate(capsys, "validate", str(facts))
    assert f"{facts}:{relation}:15: fact 'tuffi': unknown relation 'jumpd_into'" in out
