"""Spreadsheets (CSV, TSV, .xlsx) with a header row <-> cards; the same layout is written and read back.

Columns (any order, any case): id, kind, question, answer, alternatives,
options, unit, hint, explanation, quote, tags. Lists (options, alternatives, several
answers, tags) are separated by `|` (a literal bar is written `\\|`); a match
card's options are `left -> right`; a number's answer is `1822`, `1822:5` (give
or take 5) or `2000..2015` (a range).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from quiz.deck.errors import DeckError, Problem
from quiz.deck.model import (
    Card,
    Choice,
    Cloze,
    Deck,
    Flashcard,
    Match,
    Multi,
    Number,
    NumberRange,
    Option,
    Order,
    TrueFalse,
    TypedAnswer,
)

from .harvest import Harvest, digest, slug
from .text import tidy

COLUMNS = ("id", "kind", "question", "answer", "alternatives", "options", "unit", "hint", "explanation", "quote", "tags")
ALIASES = {
    "front": "question", "term": "question", "statement": "question", "text": "question", "frage": "question",
    "back": "answer", "definition": "answer", "answers": "answer", "antwort": "answer",
    "explain": "explanation", "distractors": "options", "type": "kind", "tag": "tags",
}
LIST_SPLIT_RE = re.compile(r"(?<!\\)\|")
ARROW = " -> "
NUMBER = r"[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?"
TOLERANCE_RE = re.compile(rf"^\s*({NUMBER})\s*(?::|±|\+-|\+/-)\s*({NUMBER})\s*$")
SPAN_RE = re.compile(rf"^\s*({NUMBER})\s*(?:\.\.|–|—)\s*({NUMBER})\s*$")
SINGLE_RE = re.compile(rf"^\s*({NUMBER})\s*$")
TRUE_WORDS = {"true", "t", "yes", "y", "wahr", "ja", "richtig", "1"}
FALSE_WORDS = {"false", "f", "no", "n", "falsch", "nein", "0"}
MAX_ROWS = 100_000


def header_columns(row: Iterable[str]) -> list[str | None]:
    """Each header cell's column name, None for a column quiz does not know."""
    out: list[str | None] = []
    for cell in row:
        name = cell.strip().lstrip("\ufeff").lower()
        name = ALIASES.get(name, name)
        out.append(name if name in COLUMNS else None)
    return out


def looks_like(first_line: str) -> bool:
    for delimiter in (",", "\t", ";"):
        names = header_columns(first_line.split(delimiter))
        if "question" in names and sum(n is not None for n in names) >= 2:
            return True
    return False


def read_text(text: str, name: str) -> Harvest:
    """Cards of CSV or TSV text; the delimiter (comma, semicolon or tab) is the one the header row uses."""
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ",", ";"), key=lambda d: sum(n is not None for n in header_columns(first.split(d))))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                raise DeckError([Problem(name, line, 1, f"more than {MAX_ROWS} rows")])
    except csv.Error as exc:
        raise DeckError([Problem(name, line, 1, f"cannot read the row: {exc}")]) from None
    return read_rows(rows, name)


def read_xlsx(path: Path, name: str) -> Harvest:
    """Cards of the first sheet of an Excel workbook."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, InvalidFileException) as exc:
        raise DeckError([Problem(name, 0, 0, f"not a readable .xlsx workbook ({exc})")]) from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            if number > MAX_ROWS:
                raise DeckError([Problem(name, number, 1, f"more than {MAX_ROWS} rows")])
            cells = ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            rows.append((number, cells))
    finally:
        book.close()
    return read_rows(rows, name, ragged_ok=True)


def read_rows(rows: list[tuple[int, list[str]]], name: str, *, ragged_ok: bool = False) -> Harvest:
    harvest = Harvest(name, title=None)
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise DeckError([Problem(name, 1, 1, "the file is empty")])
    header_line, header = rows[0]
    columns = header_columns(header)
    if "question" not in columns:
        raise DeckError(
            [Problem(name, header_line, 1, "the first row must name the columns, at least 'question' "
                     f"(known: {', '.join(COLUMNS)})")]
        )
    unknown = [cell for cell, column in zip(header, columns, strict=True) if column is None and cell.strip()]
    if unknown:
        harvest.warn(f"columns left out (not known): {', '.join(unknown)}", header_line)
    for line, row in rows[1:]:
        if len(row) != len(header) and not (ragged_ok and len(row) < len(header)):
            raise DeckError(
                [Problem(name, line, 1, f"this row has {len(row)} cells but the header row names {len(header)} columns "
                         "(a missing or extra separator or quote?)")]
            )
        values = {column: tidy(cell) for column, cell in zip(columns, row, strict=False) if column is not None}
        try:
            card = _card(values)
        except ValueError as exc:
            harvest.skip(str(exc), line)
            continue
        harvest.add(card, line)
    return harvest


def _items(text: str) -> tuple[str, ...]:
    return tuple(part.strip().replace("\\|", "|") for part in LIST_SPLIT_RE.split(text) if part.strip())


def _number(text: str) -> float | int:
    text = text.replace(",", ".")
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2**53 and not any(c in text for c in ".eE") else value


def _card(v: dict[str, str]) -> Card:
    question, answer = v.get("question", ""), v.get("answer", "")
    kind = v.get("kind", "").lower() or _guess_kind(v)
    if not question:
        raise ValueError("the question is empty")
    common = {
        "id": v.get("id") or f"row-{digest(kind, question)}",
        "tags": _items(v.get("tags", "")),
        "hint": v.get("hint") or None,
        "explain": v.get("explanation") or None,
        "quote": v.get("quote") or None,
    }
    options = _items(v.get("options", ""))
    if kind == "flashcard":
        if not answer:
            raise ValueError("a flashcard needs an answer (its back)")
        return Flashcard(**common, front=question, back=answer)  # type: ignore[arg-type]
    if kind in ("flashcard-reverse", "reverse"):
        return Flashcard(**common, front=question, back=answer, reverse=True)  # type: ignore[arg-type]
    if kind == "choice":
        right = answer.replace("\\|", "|")
        distractors = tuple(Option(o) for o in options if o.casefold() != right.casefold())
        return Choice(**common, question=question, answer=right, distractors=distractors)  # type: ignore[arg-type]
    if kind == "multi":
        answers = _items(answer)
        folded = {a.casefold() for a in answers}
        distractors = tuple(Option(o) for o in options if o.casefold() not in folded)
        return Multi(**common, question=question, answers=answers, distractors=distractors)  # type: ignore[arg-type]
    if kind == "truefalse":
        word = answer.strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError(f"a true/false answer is true or false, not {answer!r}")
        return TrueFalse(**common, statement=question, answer=word in TRUE_WORDS)  # type: ignore[arg-type]
    if kind == "answer":
        if not answer:
            raise ValueError("a typed answer needs an answer")
        return TypedAnswer(**common, question=question, answer=answer, alternatives=_items(v.get("alternatives", "")))  # type: ignore[arg-type]
    if kind == "number":
        unit = v.get("unit") or None
        if found := SPAN_RE.match(answer):
            low, high = _number(found.group(1)), _number(found.group(2))
            return Number(**common, question=question, range=NumberRange(low, high), unit=unit)  # type: ignore[arg-type]
        if found := TOLERANCE_RE.match(answer):
            return Number(**common, question=question, answer=_number(found.group(1)), tolerance=_number(found.group(2)), unit=unit)  # type: ignore[arg-type]
        if found := SINGLE_RE.match(answer):
            return Number(**common, question=question, answer=_number(found.group(1)), unit=unit)  # type: ignore[arg-type]
        raise ValueError(f"a number answer is 1822, 1822:5 or 2000..2015, not {answer!r}")
    if kind == "cloze":
        return Cloze(**common, text=question)  # type: ignore[arg-type]
    if kind == "order":
        return Order(**common, question=question, items=options)  # type: ignore[arg-type]
    if kind == "match":
        pairs = []
        for option in options:
            if "->" not in option:
                raise ValueError(f"a match option is written 'left -> right', not {option!r}")
            left, right = option.split("->", 1)
            pairs.append((left.strip(), right.strip()))
        return Match(**common, question=question, pairs=tuple(pairs))  # type: ignore[arg-type]
    raise ValueError(f"unknown kind {kind!r}")


def _guess_kind(v: dict[str, str]) -> str:
    if "{{" in v.get("question", ""):
        return "cloze"
    if v.get("options"):
        return "multi" if len(_items(v.get("answer", ""))) > 1 else "choice"
    if v.get("alternatives"):
        return "answer"
    return "flashcard"


def _join(items: Iterable[str]) -> str:
    return " | ".join(item.replace("|", "\\|") for item in items)


def _fmt(value: float | int) -> str:
    return repr(value)  # every digit: 0.1 stays 0.1, 1e-07 stays 1e-07


def row_of(card: Card) -> dict[str, str]:
    """A card in the spreadsheet layout (what it cannot hold is listed by `lost`)."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        id=card.id, kind=card.kind, hint=card.hint or "", explanation=card.explain or "", quote=card.quote or "", tags=_join(card.tags)
    )
    if isinstance(card, Flashcard):
        row.update(question=card.front, answer=card.back, kind="flashcard-reverse" if card.reverse else "flashcard")
    elif isinstance(card, Choice):
        row.update(question=card.question, answer=card.answer.replace("|", "\\|"), options=_join(o.text for o in card.options))
    elif isinstance(card, Multi):
        row.update(question=card.question, answer=_join(card.answers), options=_join(o.text for o in card.options))
    elif isinstance(card, TrueFalse):
        row.update(question=card.statement, answer="true" if card.answer else "false")
    elif isinstance(card, TypedAnswer):
        row.update(question=card.question, answer=card.answer, alternatives=_join(card.alternatives))
    elif isinstance(card, Number):
        if card.range is not None:
            answer = f"{_fmt(card.range.min)}..{_fmt(card.range.max)}"
        else:
            assert card.answer is not None
            answer = _fmt(card.answer) + (f":{_fmt(card.tolerance)}" if card.tolerance else "")
        row.update(question=card.question, answer=answer, unit=card.unit or "")
    elif isinstance(card, Cloze):
        row.update(question=card.text)
    elif isinstance(card, Order):
        row.update(question=card.question, options=_join(card.items))
    elif isinstance(card, Match):
        row.update(question=card.question, options=_join(f"{left}{ARROW}{right}" for left, right in card.pairs))
    return row


def lost(card: Card) -> list[str]:
    """What of a card the spreadsheet layout cannot hold."""
    out = ["fact"] if card.fact else []
    if card.settings != type(card.settings)():
        out.append("settings")
    if isinstance(card, (Choice, Multi)) and any(o.feedback for o in card.options):
        out.append("option feedback")
    if isinstance(card, TypedAnswer) and card.surname:
        out.append("surname")
    return out


def write_csv(deck: Deck, delimiter: str = ",") -> str:
    """The deck as CSV (or TSV) in the import layout, header row first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for card in deck.cards:
        writer.writerow(row_of(card))
    return out.getvalue()


def title_of(path: Path) -> str:
    return path.stem.replace("_", " ").strip() or slug(path.stem)
