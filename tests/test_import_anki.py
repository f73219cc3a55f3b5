"""Anki in: the shared packages and text export (read from ../shared, skipped when absent), and packages made here."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import genanki
import pytest
from shared_fixtures import shared

from quiz.deck.model import Cloze, Flashcard, TypedAnswer
from quiz.interchange import anki_package, anki_text
from quiz.interchange.build import make_deck

PACKAGES = {
    "ap_gov_vocab_legacy_anki2.apkg": (242, {"flashcard": 242}),
    "literatura_generated_by_anki-apkg-export.apkg": (20, {"flashcard": 20}),
    "music_intervals_modern_anki21b.apkg": (340, {"flashcard": 340}),
}


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_the_shared_packages_import(name: str) -> None:
    path = shared(f"anki-apkg/{name}")
    imported = make_deck([anki_package.read(path, name)])
    cards, kinds = PACKAGES[name]
    assert len(imported.deck.cards) == cards
    assert imported.kinds() == Counter(kinds)
    assert not imported.skipped


def test_the_legacy_package_keeps_reversed_notes_tags_and_deck_name() -> None:
    harvest = anki_package.read(shared("anki-apkg/ap_gov_vocab_legacy_anki2.apkg"), "gov.apkg")
    first = harvest.cards[0]
    assert harvest.title == "Gov Vocab"
    assert first == Flashcard(
        id=first.id, tags=("Ch.2",), front="unalienable", back="A human right based on nature or God.", reverse=True
    )


def test_the_modern_package_reads_the_zstd_collection_not_the_dummy() -> None:
    path = shared("anki-apkg/music_intervals_modern_anki21b.apkg")
    with zipfile.ZipFile(path) as archive:
        assert {"collection.anki2", "collection.anki21b"} <= set(archive.namelist())
    harvest = anki_package.read(path, "music.apkg")
    assert harvest.title == "Music Intervals"
    card = harvest.cards[0]
    assert isinstance(card, Flashcard) and (card.front, card.back) == ("The perfect 5th of C is...", "G")
    assert "Music Intervals::1/ Easy - major 2nd, 3rd, perfect 5th" in card.tags


def test_the_shared_text_export_imports_and_reports_its_pictures() -> None:
    path = shared("anki-txt/anki-ai_notes_export_guid_notetype_deck_tags.txt")
    harvest = anki_text.read(path.read_text(encoding="utf-8"), "notes.txt")
    imported = make_deck([harvest])
    assert len(imported.deck.cards) == 5
    first = imported.deck.cards[0]
    assert isinstance(first, Flashcard)
    assert (first.front, first.back, first.tags) == ("Command to create a soft link", "```bash\n$ ln -s <file> <link>\n```", ("linux",))
    assert [p.line for p in imported.skipped] == [7, 8, 9]  # pictures alone on the front
    assert sum("media left out" in p.message for p in imported.warnings) == 4


def _package(tmp_path: Path, notes: list[genanki.Note], name: str = "made.apkg") -> Path:
    deck = genanki.Deck(2_059_400_110, "Made here")
    for note in notes:
        deck.add_note(note)
    target = tmp_path / name
    genanki.Package(deck).write_to_file(str(target))
    return target


def test_cloze_typed_and_basic_note_types(tmp_path: Path) -> None:
    cloze = genanki.Note(
        model=genanki.CLOZE_MODEL,
        fields=["{{c1::Paris::city}} is in {{c2::France}}, and {{c1::Lyon}} too.<br>", "Extra <b>bold</b>"],
        guid="cl0ze",
    )
    typed = genanki.Note(model=genanki.BASIC_TYPE_IN_THE_ANSWER_MODEL, fields=["Capital of Italy?", "Rome"], guid="typ3d")
    basic = genanki.Note(
        model=genanki.BASIC_MODEL, fields=["<div>Two</div><ul><li>one</li><li>two</li></ul>", "&lt;2&gt;&nbsp;"], guid="b4sic"
    )
    harvest = anki_package.read(_package(tmp_path, [cloze, typed, basic]), "made.apkg")
    c1, c2, answer, flash = harvest.cards
    assert isinstance(c1, Cloze) and c1.text == "{{Paris}} is in France, and {{Lyon}} too." and c1.hint == "city"
    assert isinstance(c2, Cloze) and c2.text == "Paris is in {{France}}, and Lyon too." and c2.explain == "Extra bold"
    assert c1.id.endswith("-c1") and c2.id.endswith("-c2") and c1.id[:-3] == c2.id[:-3]
    assert isinstance(answer, TypedAnswer) and (answer.question, answer.answer) == ("Capital of Italy?", "Rome")
    assert isinstance(flash, Flashcard) and (flash.front, flash.back) == ("Two\n- one\n- two", "<2>")


def test_ids_follow_note_guids_so_a_new_export_keeps_progress(tmp_path: Path) -> None:
    before = genanki.Note(model=genanki.BASIC_MODEL, fields=["Front", "Back"], guid="same")
    after = genanki.Note(model=genanki.BASIC_MODEL, fields=["Front, corrected", "Back"], guid="same")
    first = anki_package.read(_package(tmp_path, [before], "a.apkg"), "a.apkg").cards[0]
    second = anki_package.read(_package(tmp_path, [after], "b.apkg"), "b.apkg").cards[0]
    assert first.id == second.id


def test_a_colpkg_is_read_like_an_apkg(tmp_path: Path) -> None:
    made = _package(tmp_path, [genanki.Note(model=genanki.BASIC_MODEL, fields=["Q", "A"], guid="g")])
    colpkg = tmp_path / "collection.colpkg"
    colpkg.write_bytes(made.read_bytes())
    assert len(anki_package.read(colpkg, "collection.colpkg").cards) == 1


def test_media_references_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    note = genanki.Note(model=genanki.BASIC_MODEL, fields=['What is this? <img src="cat.jpg">', "A cat [sound:meow.mp3]"], guid="m")
    harvest = anki_package.read(_package(tmp_path, [note]), "m.apkg")
    assert sorted(p.message.split(": ", 1)[1] for p in harvest.warnings) == ["media left out: cat.jpg", "media left out: meow.mp3"]
    assert isinstance(harvest.cards[0], Flashcard) and harvest.cards[0].back == "A cat"


def test_header_less_text_export_and_quoted_multiline_fields() -> None:
    text = 'front one\tback one\n"two\nlines"\t"a ""quoted"" back"\n'
    harvest = anki_text.read(text, "plain.txt")
    assert [(c.front, c.back) for c in harvest.cards if isinstance(c, Flashcard)] == [
        ("front one", "back one"),
        ("two lines", 'a "quoted" back'),
    ]


def test_text_export_cloze_notes() -> None:
    text = "#separator:Semicolon\n#html:false\n#notetype column:1\nCloze;{{c1::Bern}} is the capital.;\n"
    (card,) = anki_text.read(text, "c.txt").cards
    assert isinstance(card, Cloze) and card.text == "{{Bern}} is the capital."


def _zip(tmp_path: Path, members: dict[str, bytes], name: str = "bad.apkg") -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path
