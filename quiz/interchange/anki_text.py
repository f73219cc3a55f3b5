"""Anki's "notes in plain text" exports -> cards, with or without the `#separator:`-style header lines."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from quiz.deck.errors import DeckError, Problem
from quiz.deck.model import Card

from .anki_notes import CLOZE_RE, NoteType, note_cards
from .harvest import Harvest

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
BASIC = NoteType("Basic", ("Front", "Back"), (("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),))
REVERSED = NoteType(
    "Basic (and reversed card)",
    ("Front", "Back"),
    (("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"), ("{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}")),
)
TYPED = NoteType("Basic (type in the answer)", ("Front", "Back"), (("{{Front}}{{type:Back}}", "{{Back}}"),))
CLOZE = NoteType("Cloze", ("Text", "Back Extra"), (("{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"),))


def looks_like(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(("#separator:", "#html:", "#notetype", "#deck", "#tags", "#guid", "#columns:"))


def read(text: str, name: str) -> Harvest:
    """Cards of an Anki text export; the header lines say the separator, HTML and which columns hold what."""
    harvest = Harvest(name)
    lines = text.split("\n")
    headers: dict[str, str] = {}
    first = 0
    while first < len(lines) and lines[first].startswith("#") and ":" in lines[first]:
        key, value = lines[first][1:].split(":", 1)
        headers[key.strip().lower()] = value.strip()
        first += 1
    separator = SEPARATORS.get(headers.get("separator", "tab").lower(), headers.get("separator", "\t"))
    if len(separator) != 1:
        raise DeckError([Problem(name, 1, 1, f"the separator {separator!r} is not one character")])
    is_html = headers.get("html", "true").lower() == "true"
    special = {key: _column(headers, key, name) for key in ("guid column", "notetype column", "deck column", "tags column")}
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=separator, quotechar='"', strict=True)
    line = first + 1
    try:
        for row in reader:
            start, line = line, first + reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            _note(harvest, row, start, special, is_html)
    except csv.Error as exc:
        raise DeckError([Problem(name, line, 1, f"cannot read the row: {exc}")]) from None
    decks = {t for c in harvest.cards for t in c.tags if t.startswith("deck:")}
    if len(decks) == 1:
        deck = decks.pop()
        harvest.cards = [_without_tag(c, deck) for c in harvest.cards]
        harvest.title = deck[5:] if deck != "deck:Default" else None
    return harvest


def _without_tag(card: Card, tag: str) -> Card:
    return replace(card, tags=tuple(t for t in card.tags if t != tag))


def _column(headers: dict[str, str], key: str, name: str) -> int | None:
    value = headers.get(key)
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise DeckError([Problem(name, 1, 1, f"#{key}:{value} is not a column number")])
    return int(value) - 1


def _note(harvest: Harvest, row: list[str], line: int, special: dict[str, int | None], is_html: bool) -> None:
    def cell(key: str) -> str:
        index = special[key]
        return row[index].strip() if index is not None and index < len(row) else ""

    taken = {i for i in special.values() if i is not None}
    values = [value for i, value in enumerate(row) if i not in taken]
    notetype_name = cell("notetype column")
    guid = cell("guid column") or f"{harvest.source}\x1f{values[0] if values else ''}"
    tags = tuple(cell("tags column").split())
    deck = cell("deck column")
    if deck:
        tags = (*tags, f"deck:{deck}")
    lowered = notetype_name.lower()
    if "occlusion" in lowered:
        harvest.skip(f"an image occlusion note ({notetype_name}) needs its picture, which cannot be shown", line)
        return
    if any(CLOZE_RE.search(v) for v in values[:1]) or "cloze" in lowered:
        notetype = CLOZE
    elif "type" in lowered:
        notetype = TYPED
    elif "reverse" in lowered and "optional" not in lowered:
        notetype = REVERSED
    else:
        notetype = BASIC
    lost = [v for v in values[len(notetype.fields) :] if v.strip()]
    if lost and notetype is not CLOZE:
        harvest.warn(f"{len(lost)} field(s) after the first {len(notetype.fields)} are left out", line)
    if len(values) < 2 and notetype is not CLOZE:
        harvest.skip("a note needs a front and a back (only one field)", line)
        return
    before = len(harvest.skipped), len(harvest.warnings)
    cards = note_cards(harvest, f"{line}", guid, notetype, values, tags, None, is_html)
    _relocate(harvest, before, line)
    for card in cards:
        harvest.add(card, line)


def _relocate(harvest: Harvest, before: tuple[int, int], line: int) -> None:
    """Problems found by the note reader name the row's line, not a note id."""
    for items, start in ((harvest.skipped, before[0]), (harvest.warnings, before[1])):
        for i in range(start, len(items)):
            message = items[i].message.split(": ", 1)[1] if items[i].message.startswith("note ") else items[i].message
            items[i] = Problem(harvest.source, line, 1, message)
