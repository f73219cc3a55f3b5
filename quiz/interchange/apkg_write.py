"""Deck -> Anki package (.apkg) with genanki; note GUIDs come from card ids, so a new export updates the notes.

Every note type carries the card's id in a `QuizId` field that no template
shows: importing the package back into quiz keeps the ids (and the progress).
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

from quiz.deck.model import Card, Choice, Cloze, Deck, Flashcard, Match, Multi, Number, Order, TrueFalse, TypedAnswer

from .anki_notes import EXPLAIN, QUIZ_ID
from .exported import Exported
from .harvest import digest

CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }"
ANSWER = "{{FrontSide}}<hr id=answer>"


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _models():
    """The note types, with fixed ids so that every export names the same ones."""
    import genanki

    fields = [{"name": "Front"}, {"name": "Back"}, {"name": QUIZ_ID}, {"name": EXPLAIN}]
    explain = "{{#" + EXPLAIN + "}}<br><br><i>{{" + EXPLAIN + "}}</i>{{/" + EXPLAIN + "}}"
    basic = genanki.Model(
        1_607_392_301, "quiz Basic", fields=fields,
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": ANSWER + "{{Back}}" + explain}], css=CSS,
    )
    reversed_ = genanki.Model(
        1_607_392_302, "quiz Basic (and reversed card)", fields=fields,
        templates=[
            {"name": "Card 1", "qfmt": "{{Front}}", "afmt": ANSWER + "{{Back}}" + explain},
            {"name": "Card 2", "qfmt": "{{Back}}", "afmt": ANSWER + "{{Front}}" + explain},
        ],
        css=CSS,
    )
    typed = genanki.Model(
        1_607_392_303, "quiz Basic (type in the answer)", fields=fields,
        templates=[{"name": "Card 1", "qfmt": "{{Front}}<br><br>{{type:Back}}", "afmt": "{{Front}}<hr id=answer>{{type:Back}}" + explain}],
        css=CSS,
    )
    cloze = genanki.Model(
        1_607_392_304, "quiz Cloze", fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": QUIZ_ID}, {"name": EXPLAIN}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}],
        css=CSS, model_type=genanki.Model.CLOZE,
    )
    return basic, reversed_, typed, cloze


def _letters(options: tuple[str, ...]) -> str:
    return "<br>".join(f"{chr(ord('A') + i)}) {_html(o)}" for i, o in enumerate(options))


def _sides(card: Card, result: Exported) -> tuple[str, str, str]:
    """(note type, first field, second field) of a card."""
    if isinstance(card, Flashcard):
        return ("reversed" if card.reverse else "basic"), _html(card.front), _html(card.back)
    if isinstance(card, TypedAnswer):
        if card.alternatives:
            result.lost.append(f"{card.id}: the other accepted answers (Anki compares with one)")
        return "typed", _html(card.question), _html(card.answer)
    if isinstance(card, Cloze):
        gap_texts = iter(card.gaps)
        text = "".join(
            _html(part) if isinstance(part, str) else "{{c1::" + _html(next(gap_texts)[0]) + "}}" for part in card.segments()
        )
        if any(len(g) > 1 for g in card.gaps):
            result.lost.append(f"{card.id}: the other accepted answers of a gap")
        return "cloze", text, _html(card.explain or "")
    if isinstance(card, (Choice, Multi)):
        options = tuple(sorted((o.text for o in card.options), key=str.casefold))
        right = (card.answer,) if isinstance(card, Choice) else card.answers
        back = "<br>".join(f"{chr(ord('A') + options.index(r))}) {_html(r)}" for r in right)
        return "basic", f"{_html(card.question)}<br><br>{_letters(options)}", back
    if isinstance(card, TrueFalse):
        return "basic", f"{_html(card.statement)}<br><br>True or false?", "True" if card.answer else "False"
    if isinstance(card, Number):
        if card.range is not None:
            value = f"{card.range.min}–{card.range.max}"
        else:
            value = f"{card.answer}" + (f" (± {card.tolerance})" if card.tolerance else "")
        return "basic", _html(card.question), _html(value + (f" {card.unit}" if card.unit else ""))
    if isinstance(card, Order):
        items = tuple(sorted(card.items, key=str.casefold))
        return "basic", f"{_html(card.question)}<br><br>{_letters(items)}", "<br>".join(_html(i) for i in card.items)
    if isinstance(card, Match):
        rights = tuple(sorted((r for _, r in card.pairs), key=str.casefold))
        front = f"{_html(card.question)}<br><br>" + "<br>".join(_html(left) for left, _ in card.pairs)
        return "basic", front + "<br><br>" + _letters(rights), "<br>".join(f"{_html(left)} → {_html(r)}" for left, r in card.pairs)
    raise TypeError(card.kind)


def write(deck: Deck) -> Exported:
    """The deck as .apkg bytes: one note per card; explanations go on the back."""
    import genanki

    models = dict(zip(("basic", "reversed", "typed", "cloze"), _models(), strict=True))
    anki_deck = genanki.Deck(int(digest("quiz deck", deck.id, size=4), 16) | 1 << 30, deck.title)
    result = Exported(b"")
    for card in deck.cards:
        kind, first, second = _sides(card, result)
        if card.hint:
            result.lost.append(f"{card.id}: the hint")
        if kind in ("basic",) and not isinstance(card, Flashcard):
            result.lost.append(f"{card.id}: a {card.kind} card becomes a front and back, rated by the learner")
        tags = [tag.replace(" ", "_") for tag in card.tags]
        if any(" " in tag for tag in card.tags):
            result.lost.append(f"{card.id}: spaces in tags (Anki's tags have none; written as _)")
        note = genanki.Note(
            model=models[kind], fields=[first, second, card.id, _html(card.explain or "") if kind != "cloze" else ""], tags=tags, guid=genanki.guid_for(deck.id, card.id)
        )
        anki_deck.add_note(note)
        result.cards += 1
    with tempfile.TemporaryDirectory(prefix="quiz-export-") as folder:
        target = Path(folder) / "deck.apkg"
        genanki.Package(anki_deck).write_to_file(str(target))
        result.data = target.read_bytes()
    return result
