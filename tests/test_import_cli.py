"""`quiz import`: a deck written whole or not at all, a summary of what was kept, and bad input named by file and line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import genanki
import pytest
from shared_fixtures import shared

from quiz.cli import main
from quiz.deck.loader import load_deck
from quiz.interchange import anki_package


def run(*args: str) -> int:
    return main(["import", *args])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_gift_file_becomes_a_deck_with_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text("::q1::Capital of France?{=Paris ~Lyon}\n\nEssay?{}\n\nBroken?{=a =b ~c}\n", encoding="utf-8")
    target = tmp_path / "out.yaml"
    assert run(str(source), "-o", str(target)) == 0
    err = capsys.readouterr().err
    assert f"{source}: 2 cards (1 choice, 1 flashcard), 1 skipped, 1 warning" in err
    assert f"skipped: {source}:5:1: several options are marked =" in err
    assert f"wrote {target} (deck quiz, 2 cards)" in err
    deck = load_deck(target)
    assert [c.id for c in deck.cards][0] == "q1"
    assert target.read_text(encoding="utf-8").startswith("# Imported by `quiz import` from quiz.gift")


def test_a_hand_written_deck_is_not_replaced_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cards.csv"
    source.write_text("question,answer\nOne?,1\n", encoding="utf-8")
    target = tmp_path / "mine.yaml"
    target.write_text("deck: {id: mine, title: Mine}\ncards: []\n", encoding="utf-8")
    assert run(str(source), "-o", str(target)) == 1
    assert "was not written by `quiz import`" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").startswith("deck: {id: mine")
    assert run(str(source), "-o", str(target), "--force") == 0
    assert run(str(source), "-o", str(target)) == 0  # its own output is replaced freely


def test_several_files_make_one_deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.csv").write_text("question,answer\nOne?,1\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Zwei\ttwo\nDrei\tthree\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("a.csv", "b.txt", "--title", "Numbers") == 0
    deck = load_deck(tmp_path / "a.yaml")
    assert (deck.id, deck.title, len(deck.cards)) == ("numbers", "Numbers", 3)


def test_quizlet_custom_separators(tmp_path: Path) -> None:
    source = tmp_path / "set.txt"
    source.write_text("Hund - dog;;Katze - cat;;", encoding="utf-8")
    assert run(str(source), "-o", str(tmp_path / "d.yaml"), "--term-separator", " - ", "--card-separator", ";;") == 0
    deck = load_deck(tmp_path / "d.yaml")
    assert [(c.front, c.back) for c in deck.cards] == [("Hund", "dog"), ("Katze", "cat")]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.gift", b"Fine?{T}\n\nBroken?{=a ~b\n", "bad.gift:3:8: the answers opened with '{' here are never closed"),
        ("ragged.csv", b"question,answer\nOne?,1\nTwo?,2,extra\n", "ragged.csv:3:1: this row has 3 cells but the header row names 2 columns"),
        ("latin1.csv", "question,answer\nCafé?,oui\n".encode("latin-1"), "latin1.csv:2:4: the file is not UTF-8 text (byte 0xe9)"),
        ("utf16.csv", "question,answer\nOne?,1\n".encode("utf-16"), "utf16.csv:1:1: the file is UTF-16 text"),
        ("empty.gift", b"", "empty.gift: the file is empty"),
        ("unknown.txt", b"just some words\n", "unknown.txt:1:1: cannot tell the format from the content"),
    ],
)
def test_bad_text_input_is_named_by_file_and_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, expected: str
) -> None:
    (tmp_path / name).write_bytes(content)
    before = _files(tmp_path)
    assert run(str(tmp_path / name), "-o", str(tmp_path / "out.yaml")) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / name}"[: -len(name)] + expected in err
    assert "nothing was written" in err and "Traceback" not in err
    assert _files(tmp_path) == before


def test_an_encoding_can_be_named(tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("question,answer\nCafé?,oui\n".encode("cp1252"))
    assert run(str(source), "-o", str(tmp_path / "d.yaml"), "--encoding", "cp1252") == 0
    assert load_deck(tmp_path / "d.yaml").cards[0].prompt == "Café?"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    path.write_bytes(buffer.getvalue())
    return path


def _good_package(tmp_path: Path) -> bytes:
    deck = genanki.Deck(2_059_400_111, "Good")
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=["Q", "A"], guid="g"))
    target = tmp_path / "good.apkg.tmp"
    genanki.Package(deck).write_to_file(str(target))
    data = target.read_bytes()
    target.unlink()
    return data


def _corrupt_sqlite(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_good_package(tmp_path))) as archive:
        database = bytearray(archive.read("collection.anki2"))
    database[100:4096] = b"\xde\xad" * 1998  # the schema page overwritten
    return bytes(database)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: _good_package(tmp)[:700], "not a complete zip archive (a cut-off download?)"),
        (lambda tmp: b"PK\x03\x04" + b"\0" * 40, "not a complete zip archive"),
        (lambda tmp: _zip(tmp / "x.zip", {"collection.anki2": b"\0" * (60 * 2**20)}).read_bytes(), "(a zip bomb?)"),
        (lambda tmp: _zip(tmp / "x.zip", {"collection.anki2": b"this is no database" * 100}).read_bytes(), "not a readable Anki database"),
        (lambda tmp: _zip(tmp / "x.zip", {"collection.anki2": _corrupt_sqlite(tmp)}).read_bytes(), "not a readable Anki database"),
        (lambda tmp: _zip(tmp / "x.zip", {"collection.anki21b": b"\x28\xb5\x2f\xfd garbage"}).read_bytes(), "damaged"),
        (lambda tmp: _zip(tmp / "x.zip", {"notes.txt": b"hello"}).read_bytes(), "holds no collection.anki2"),
    ],
    ids=["truncated", "zip-header-only", "zip-bomb", "not-sqlite", "corrupt-sqlite", "bad-zstd", "no-collection"],
)
def test_bad_packages_are_refused_with_their_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, expected: str
) -> None:
    source = tmp_path / "deck.apkg"
    source.write_bytes(make(tmp_path))  # type: ignore[operator]
    (tmp_path / "x.zip").unlink(missing_ok=True)
    before = _files(tmp_path)
    assert run(str(source), "-o", str(tmp_path / "out.yaml")) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{source}: ") and expected in err, err
    assert "Traceback" not in err
    assert _files(tmp_path) == before


def test_a_package_whose_header_lies_about_its_size_is_still_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anki_package, "MAX_INFLATED", 2**20)
    source = _zip(tmp_path / "deck.apkg", {"collection.anki2": bytes(range(256)) * 8192})  # 2 MB, compresses poorly
    with pytest.raises(anki_package.DeckError, match="inflates to more than 1 MB"):
        anki_package.read(source, "deck.apkg")


def test_every_shared_fixture_imports_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [
        "anki-apkg/ap_gov_vocab_legacy_anki2.apkg",
        "anki-apkg/literatura_generated_by_anki-apkg-export.apkg",
        "anki-apkg/music_intervals_modern_anki21b.apkg",
        "anki-txt/anki-ai_notes_export_guid_notetype_deck_tags.txt",
    ]
    for name in names:
        target = tmp_path / (Path(name).stem + ".yaml")
        assert run(str(shared(name)), "-o", str(target)) == 0, capsys.readouterr().err
        assert load_deck(target).cards
    assert main(["validate", str(tmp_path)]) == 0



def test_the_guides_spreadsheet_template_imports_with_every_kind(tmp_path: Path) -> None:
    guide = (Path(__file__).parents[1] / "docs" / "import-export.md").read_text(encoding="utf-8")
    template = guide.split("```csv\n", 1)[1].split("```", 1)[0]
    (tmp_path / "cards.csv").write_text(template, encoding="utf-8")
    assert run(str(tmp_path / "cards.csv"), "-o", str(tmp_path / "cards.yaml")) == 0
    deck = load_deck(tmp_path / "cards.yaml")
    assert sorted(card.kind for card in deck.cards) == sorted(
        ["choice", "answer", "number", "multi", "truefalse", "cloze", "order", "match", "flashcard"]
    )


def test_an_excel_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Question", "Answer", "Kind"])
    sheet.append(["How many legs has a spider?", 8, "number"])
    sheet.append(["Capital of Peru?", "Lima", "answer"])
    book.save(tmp_path / "cards.xlsx")
    assert run(str(tmp_path / "cards.xlsx"), "-o", str(tmp_path / "d.yaml")) == 0
    deck = load_deck(tmp_path / "d.yaml")
    assert [(c.kind, c.prompt) for c in deck.cards] == [("number", "How many legs has a spider?"), ("answer", "Capital of Peru?")]
    assert deck.cards[0].answer == 8  # type: ignore[union-attr]


def test_a_damaged_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _zip(tmp_path / "cards.xlsx", {"xl/workbook.xml": b"<broken"})
    assert run(str(tmp_path / "cards.xlsx"), "-o", str(tmp_path / "d.yaml")) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'cards.xlsx'}: not a readable .xlsx workbook") and "Traceback" not in err
    assert not (tmp_path / "d.yaml").exists()


def test_a_header_less_anki_export_is_told_from_quizlet(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text('front<br>two\tback &amp; more\n"multi\nline"\tend\n', encoding="utf-8")
    assert run(str(source), "-o", str(tmp_path / "d.yaml")) == 0
    cards = load_deck(tmp_path / "d.yaml").cards
    assert [(c.front, c.back) for c in cards] == [("front\ntwo", "back & more"), ("multi line", "end")]  # type: ignore[union-attr]
