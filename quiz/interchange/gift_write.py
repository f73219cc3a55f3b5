"""Deck -> Moodle GIFT: every kind GIFT can say; the rest (order cards, clozes with several gaps) reported."""

from __future__ import annotations

from quiz.deck.model import (
    Card,
    Choice,
    Cloze,
    Deck,
    Flashcard,
    Match,
    Multi,
    Number,
    Option,
    Order,
    TrueFalse,
    TypedAnswer,
)

from .exported import Exported

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """GIFT's escapes: `\\~ \\= \\# \\{ \\} \\:` and `\\\\`; a line break is `\\n`."""
    out = "".join(f"\\{char}" if char in SPECIAL else char for char in text)
    return out.replace("\n", "\\n")


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _option(marker: str, option: Option, weight: str = "") -> str:
    feedback = f" #{escape(option.feedback)}" if option.feedback else ""
    return f"\t{marker}{weight}{escape(option.text)}{feedback}"


def _body(card: Card, result: Exported) -> str | None:
    """The question text with its answers in braces, or None when GIFT cannot hold the card."""
    if isinstance(card, Flashcard):
        if card.reverse:
            result.lost.append(f"{card.id}: asked the other way round too (GIFT has no such question)")
        return f"{escape(card.front)} {{\n\t####{escape(card.back)}\n}}"
    if isinstance(card, Choice):
        right = _option("=", Option(card.answer, card.answer_feedback))
        return f"{escape(card.question)} {{\n" + "\n".join([right, *(_option("~", d) for d in card.distractors)]) + "\n}"
    if isinstance(card, Multi):
        share = _weight(100 / len(card.answers))
        lines = [_option("~", Option(a), f"%{share}%") for a in card.answers]
        lines += [_option("~", d, "%-100%") for d in card.distractors]
        return f"{escape(card.question)} {{\n" + "\n".join(lines) + "\n}"
    if isinstance(card, TrueFalse):
        return f"{escape(card.statement)} {{{'TRUE' if card.answer else 'FALSE'}}}"
    if isinstance(card, TypedAnswer):
        if card.surname:
            result.lost.append(f"{card.id}: the surname alone is not accepted in Moodle")
        answers = " ".join(f"={escape(a)}" for a in (card.answer, *card.alternatives))
        return f"{escape(card.question)} {{{answers}}}"
    if isinstance(card, Number):
        if card.unit:
            result.lost.append(f"{card.id}: the unit {card.unit!r} (Moodle's GIFT numbers have none)")
        if card.range is not None:
            value = f"{card.range.min}..{card.range.max}"
        else:
            value = f"{card.answer}:{card.tolerance}" if card.tolerance else f"{card.answer}"
        return f"{escape(card.question)} {{#{value}}}"
    if isinstance(card, Cloze):
        gaps = card.gaps
        if len(gaps) != 1:
            result.left_out.append(f"{card.id}: a cloze with {len(gaps)} gaps (GIFT's missing word has one)")
            return None
        before, _, after = (escape(str(s)) if isinstance(s, str) else "" for s in card.segments())
        answers = " ".join(f"={escape(a)}" for a in gaps[0])
        return f"{before}{{{answers}}}{after}" if after.strip() else f"{before}_____ {{{answers}}}"
    if isinstance(card, Match):
        pairs = "\n".join(f"\t={escape(left)} -> {escape(right)}" for left, right in card.pairs)
        return f"{escape(card.question)} {{\n{pairs}\n}}"
    if isinstance(card, Order):
        result.left_out.append(f"{card.id}: an order card (GIFT cannot ask for an order)")
        return None
    return None


def write(deck: Deck) -> Exported:
    """The deck as a GIFT file: one question per card, titled with the card's id, tags as Moodle tag comments."""
    result = Exported(b"")
    parts = [f"// {deck.title} (deck {deck.id}, version {deck.version}), written by quiz export", ""]
    for card in deck.cards:
        body = _body(card, result)
        if body is None:
            continue
        if card.explain and not isinstance(card, Flashcard):
            body = body[:-1].rstrip() + f"\n\t####{escape(card.explain)}\n}}" if body.endswith("}") else body
        elif card.explain:
            result.lost.append(f"{card.id}: the explanation (a flashcard's back is GIFT's general feedback)")
        if card.hint:
            result.lost.append(f"{card.id}: the hint")
        tags = " ".join(f"[tag:{tag}]" for tag in card.tags if "]" not in tag and "\n" not in tag)
        if tags:
            parts.append(f"// {tags}")
        parts += [f"::{escape(card.id)}::{body}", ""]
        result.cards += 1
    result.data = "\n".join(parts).encode()
    return result
