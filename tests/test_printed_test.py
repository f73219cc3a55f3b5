"""The printed test asks what the on-screen test asks, in the same order, with the answer key on its own page."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from quiz.classroom.exam import draw
from quiz.cli import main
from quiz.deck.files import resolve_deck
from quiz.deck.model import Choice, Multi
from quiz.interchange.printed import render


def test_same_questions_and_option_order_as_the_screen(tmp_path: Path) -> None:
    deck = resolve_deck("tour-en")
    target = tmp_path / "test.html"
    assert main(["exam", "tour-en", "--questions", "6", "--seed", "class-7b", "--print", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    paper = draw(deck, 6, "class-7b")  # what the exam screen shows for this seed
    questions, key = page.split('<section class="key">')
    positions = [questions.index(escape(q.prompt if q.card.kind != "cloze" else q.card.text.split("{{")[0])) for q in paper.questions]
    assert positions == sorted(positions)
    for q in paper.questions:
        if isinstance(q.card, (Choice, Multi)):
            start = questions.index(escape(q.prompt))
            found = [questions.index(f") {escape(o)}</li>", start) for o in q.options]
            assert found == sorted(found)
    assert key.count("<li>") == 6
    assert "break-before: page" in page


def test_the_key_names_the_letter_shown() -> None:
    deck = resolve_deck("tour-en")
    paper = draw(deck, 20, "seed-1")
    page = render(paper)
    key = page.split('<section class="key">')[1]
    for q in paper.questions:
        if isinstance(q.card, Choice):
            letter = "ABCDEFGH"[q.options.index(q.card.answer)]
            assert f"<li>{letter}) {escape(q.card.answer)}</li>" in key


def test_export_to_html_takes_every_gradable_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "all.html"
    assert main(["export", "tour-en", "--to", "html", "--seed", "s", "-o", str(target)]) == 0
    assert "test of 13 questions, seed s" in capsys.readouterr().err
    assert main(["export", "tour-en", "--to", "html", "--seed", "s", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_deck_text_is_escaped(tmp_path: Path) -> None:
    deck_file = tmp_path / "d.yaml"
    deck_file.write_text(
        "deck: {id: d, title: '<b>Title</b>'}\ncards:\n"
        "  - {id: a, kind: truefalse, statement: '<script>alert(1)</script> & co', answer: true}\n",
        encoding="utf-8",
    )
    target = tmp_path / "d.html"
    assert main(["export", str(deck_file), "--to", "html", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "<h1>&lt;b&gt;Title&lt;/b&gt;</h1>" in page


@pytest.mark.parametrize("target", ["gift", "apkg", "csv"])
def test_export_writes_and_reports_what_is_lost(tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str) -> None:
    out = tmp_path / f"tour.{target}"
    assert main(["export", "tour-en", "--to", target, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert out.stat().st_size > 0
    assert "lost: " in err
    if target == "gift":
        assert "left out: career-order: an order card (GIFT cannot ask for an order)" in err
    assert main(["import", str(out), "-o", str(tmp_path / "back.yaml")]) == 0
