"""Anki notes -> cards, shared by packages and text exports: templates rendered, clozes split, HTML made plain."""

from __future__ import annotations

import re
from dataclasses import replace

from quiz.deck.datarecord import datarecord
from quiz.deck.format import ID_RE
from quiz.deck.model import Card, Cloze, Flashcard, TypedAnswer

from .harvest import Harvest, digest
from .text import html_to_text, one_line

CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
SECTION_RE = re.compile(r"\{\{([#^])\s*([^}]+?)\s*\}\}(.*?)\{\{/\s*\2\s*\}\}", re.DOTALL)
FIELD_RE = re.compile(r"\{\{([^#^/}][^}]*)\}\}")
ANSWER_RULE_RE = re.compile(r"<hr[^>]*\bid\s*=\s*[\"']?answer[\"']?[^>]*>", re.IGNORECASE)
QUIZ_ID = "QuizId"
EXPLAIN = "Explain"  # quiz's own note types keep a card's explanation apart from its back
TYPE_RE = re.compile(r"\{\{type:(?:cloze:)?([^}]+)\}\}")


@datarecord
class NoteType:
    """What a package says about a note type: its field names and card templates (question, answer)."""

    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str], ...]

    @property
    def is_cloze(self) -> bool:
        return any("{{cloze:" in q for q, _ in self.templates)


def note_id(guid: str) -> str:
    """A card id from an Anki note's GUID (GUIDs hold punctuation that ids cannot)."""
    return f"anki-{digest(guid)}"


def render(template: str, fields: dict[str, str]) -> str:
    """A card template filled with a note's fields (conditional sections, filters such as `text:` and `cloze:`)."""
    previous = None
    while previous != template:
        previous = template

        def section(m: re.Match[str]) -> str:
            present = bool(fields.get(m.group(2).strip(), "").strip())
            return m.group(3) if present == (m.group(1) == "#") else ""

        template = SECTION_RE.sub(section, template)

    def field(m: re.Match[str]) -> str:
        name = m.group(1).strip()
        if name == "FrontSide" or name.startswith("type:"):
            return ""
        return fields.get(name.rsplit(":", 1)[-1].strip(), "")

    return FIELD_RE.sub(field, template)


def plain(html: str, harvest: Harvest, note: str, *, is_html: bool = True) -> str:
    """Plain text of a field; the media it names are reported, since they cannot be shown."""
    if not is_html:
        return html.strip()
    text, media = html_to_text(html)
    for item in media:
        harvest.warn(f"media left out: {item}", note=note)
    return text


def cloze_cards(text: str, numbers: list[int] | None, base: str, extra: str | None, tags: tuple[str, ...]) -> list[Cloze]:
    """One cloze card per cloze number; `{{c1::answer::hint}}` becomes a gap, other numbers' answers stay as text."""
    found = sorted({int(m.group(1)) for m in CLOZE_RE.finditer(text)})
    cards = []
    for number in numbers if numbers is not None else found:
        if number not in found:
            continue
        hints = [m.group(3).strip() for m in CLOZE_RE.finditer(text) if int(m.group(1)) == number and m.group(3)]

        def gap(m: re.Match[str], n: int = number) -> str:
            answer = one_line(m.group(2))
            return "{{" + answer.replace("|", "/") + "}}" if int(m.group(1)) == n else answer

        cards.append(
            Cloze(
                id=f"{base}-c{number}",
                tags=tags,
                hint="; ".join(hints) or None,
                explain=extra or None,
                text=CLOZE_RE.sub(gap, text),
            )
        )
    return cards


def note_cards(
    harvest: Harvest,
    note: str,
    guid: str,
    notetype: NoteType,
    values: list[str],
    tags: tuple[str, ...],
    ordinals: list[int] | None = None,
    is_html: bool = True,
) -> list[Card]:
    """The cards of one note. `ordinals` are the note's card numbers in a package (None: every template)."""
    fields = dict(zip(notetype.fields, values, strict=False))
    own = fields.get(QUIZ_ID, "").strip()
    base = own if ID_RE.fullmatch(own) else note_id(guid)  # a package quiz wrote names its cards' ids
    explain = None
    if own and EXPLAIN in fields:
        explain = plain(fields.pop(EXPLAIN), harvest, note, is_html=is_html) or None
    if notetype.is_cloze:
        return _clozes(harvest, note, base, notetype, fields, tags, ordinals, is_html)
    made: list[Card] = []
    sides: dict[int, tuple[str, str]] = {}
    for ordinal, (question, answer) in enumerate(notetype.templates):
        if ordinals is not None and ordinal not in ordinals:
            continue
        typed = TYPE_RE.search(question)
        front = plain(render(question, fields), harvest, note, is_html=is_html)
        rule = ANSWER_RULE_RE.search(answer)
        back_html = render(answer[rule.end() :], fields) if rule else render(answer, fields)
        card_id = base if ordinal == 0 else f"{base}-{ordinal + 1}"
        if typed:
            expected = one_line(plain(fields.get(typed.group(1).strip(), ""), harvest, note, is_html=is_html))
            if not front or not expected:
                harvest.skip("a type-in card with an empty question or answer", note=note)
                continue
            made.append(TypedAnswer(id=card_id, tags=tags, explain=explain, question=front, answer=expected))
            continue
        back = plain(back_html, harvest, note, is_html=is_html)
        if not rule and back.startswith(front):
            back = back[len(front) :].strip()
        if not front or not back:
            side = "front" if not front else "back"
            harvest.skip(f"card {ordinal + 1} has an empty {side} (pictures and sounds are not shown)", note=note)
            continue
        sides[ordinal] = (front, back)
        made.append(Flashcard(id=card_id, tags=tags, explain=explain, front=front, back=back))
    if len(made) == 2 and sides.get(0) and sides.get(1) and sides[0] == sides[1][::-1]:
        first = made[0]
        assert isinstance(first, Flashcard)
        return [replace(first, reverse=True)]
    return made


def _clozes(
    harvest: Harvest,
    note: str,
    base: str,
    notetype: NoteType,
    fields: dict[str, str],
    tags: tuple[str, ...],
    ordinals: list[int] | None,
    is_html: bool,
) -> list[Card]:
    question = next(q for q, _ in notetype.templates if "{{cloze:" in q)
    name = re.search(r"\{\{cloze:([^}]+)\}\}", question)
    source = fields.get(name.group(1).strip(), "") if name else ""
    if "image-occlusion:" in source or "occlusion" in notetype.name.lower():
        harvest.skip(f"an image occlusion note ({notetype.name}) needs its picture, which cannot be shown", note=note)
        return []
    text = plain(source, harvest, note, is_html=is_html)
    extras = [
        plain(value, harvest, note, is_html=is_html)
        for key, value in fields.items()
        if name is not None and key not in (name.group(1).strip(), QUIZ_ID) and value.strip()
    ]
    numbers = [o + 1 for o in ordinals] if ordinals is not None else None
    cards = cloze_cards(text, numbers, base, "\n".join(e for e in extras if e), tags)
    if cards and base == fields.get(QUIZ_ID, "").strip():
        cards[0] = replace(cards[0], id=base)  # quiz's own cloze: one card, its id as written
    if not cards:
        harvest.skip("a cloze note without {{c1::...}} gaps", note=note)
    return list(cards)
