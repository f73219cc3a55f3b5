"""Moodle GIFT text -> questions, as Moodle reads it (kinds, weights, feedback, escapes, formats).

The result follows the structure of the GIFT-grammar-PEG.js parse (type, title,
stem, choices with weight and feedback), so it can be checked against that
project's reference parses. Turning questions into cards is `gift.py`'s job.
"""

from __future__ import annotations

import re
from dataclasses import field

from quiz.deck.datarecord import datarecord
from quiz.deck.errors import DeckError, Problem

ESCAPABLE = "~=#{}:\\"
FORMAT_RE = re.compile(r"^\s*\[(moodle|html|markdown|plain)\]", re.IGNORECASE)
META_RE = re.compile(r"\[(id|tag):([^\]]*)\]")
TRUE_FALSE_RE = re.compile(r"^(TRUE|FALSE|T|F)(?=\s|#|$)")
NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
NUMBER_RE = re.compile(rf"^\s*({NUMBER})\s*$")
TOLERANCE_RE = re.compile(rf"^\s*({NUMBER})\s*:\s*({NUMBER})\s*$")
SPAN_RE = re.compile(rf"^\s*({NUMBER})\s*\.\.\s*({NUMBER})\s*$")
BLANK = "_____"
WEIGHT_RE = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")


@datarecord
class Text:
    """A text with the format it is written in (moodle, html, markdown, plain)."""

    format: str
    text: str


@datarecord
class NumberAnswer:
    """`1822`, `1822:5` (tolerance) or `3.141..3.142` (span)."""

    number: float | None = None
    tolerance: float | None = None
    low: float | None = None
    high: float | None = None


@datarecord
class Choice:
    """One answer of a question: right (`=`) or not (`~`), its weight in percent, its feedback."""

    correct: bool
    weight: float | None
    text: Text | NumberAnswer
    feedback: Text | None = None
    match: str | None = None  # the right-hand side of a matching pair


@datarecord(frozen=False)
class Question:
    """One GIFT question; `kind` is one of MC, TF, Short, Numerical, Matching, Essay, Description."""

    kind: str
    line: int
    stem: Text
    title: str | None = None
    embedded: bool = False  # a missing-word question: the answers stood inside the text
    choices: list[Choice] = field(default_factory=list)
    number: NumberAnswer | None = None  # a numerical question with a single answer
    truth: bool | None = None
    true_feedback: Text | None = None
    false_feedback: Text | None = None
    general_feedback: Text | None = None
    category: str | None = None
    id: str | None = None
    tags: tuple[str, ...] = ()
    problem: str | None = None  # why the answers could not be read


def parse(text: str, name: str) -> list[Question]:
    """Every question of a GIFT file. A brace never closed refuses the whole file (DeckError with its line)."""
    questions: list[Question] = []
    category: str | None = None
    for line, chunk, meta in _chunks(text, name):
        stripped = chunk.strip()
        if stripped.startswith("$CATEGORY:"):
            category = stripped[len("$CATEGORY:") :].strip()
            rest = stripped.split("\n", 1)[1] if "\n" in stripped else ""
            if not rest.strip():
                continue
            chunk = rest
        question = _question(chunk, line)
        question.category = category
        ids = [value for key, value in meta if key == "id"]
        question.id = ids[-1].strip() if ids else None
        question.tags = tuple(value.strip() for key, value in meta if key == "tag" and value.strip())
        questions.append(question)
    return questions


def _chunks(text: str, name: str) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """Questions as (first line, text, [id]/[tag] comments): blank lines separate them outside braces."""
    out: list[tuple[int, str, list[tuple[str, str]]]] = []
    lines: list[str] = []
    meta: list[tuple[str, str]] = []
    start = 0
    depth = 0
    opened_at = opened_column = 0
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if line.lstrip().startswith("//"):
            meta.extend(META_RE.findall(line))
            continue
        if not line.strip() and depth == 0:
            if lines:
                out.append((start, "\n".join(lines), meta))
                lines, meta = [], []
            continue
        if not lines:
            start = number
        lines.append(line)
        escaped = False
        for column, char in enumerate(line, 1):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "{":
                if depth:
                    message = f"the answers opened with '{{' here are not closed before another '{{' on line {number}"
                    raise DeckError([Problem(name, opened_at, opened_column, message + " (write \\{ for a literal brace)")])
                depth, opened_at, opened_column = 1, number, column
            elif char == "}":
                if not depth:
                    raise DeckError([Problem(name, number, column, "a '}' closes no answers; write \\} for a literal brace")])
                depth = 0
    if depth:
        raise DeckError([Problem(name, opened_at, opened_column, "the answers opened with '{' here are never closed with '}'")])
    if lines:
        out.append((start, "\n".join(lines), meta))
    return out


def _find(text: str, target: str, start: int = 0) -> int:
    """Position of `target` not preceded by an escaping backslash, or -1."""
    i = start
    while i <= len(text) - len(target):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def _split(text: str, separators: str) -> list[tuple[str, str]]:
    """Split at unescaped separator characters: [(separator, text after it)]; the text before the first has ''."""
    parts: list[tuple[str, str]] = []
    current: list[str] = []
    marker = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char in separators:
            parts.append((marker, "".join(current)))
            marker, current = char, []
        else:
            current.append(char)
        i += 1
    parts.append((marker, "".join(current)))
    return parts


def unescape(text: str) -> str:
    """`\\~` -> `~` and so on; `\\n` is a line break (as Moodle reads it)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            following = text[i + 1]
            if following in ESCAPABLE:
                out.append(following)
                i += 2
                continue
            if following == "n":
                out.append("\n")
                i += 2
                continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _text(raw: str, default_format: str = "moodle") -> Text:
    """A text with its `[format]` prefix read; moodle text has its whitespace collapsed as Moodle shows it."""
    fmt = default_format
    found = FORMAT_RE.match(raw)
    if found:
        fmt = found.group(1).lower()
        raw = raw[found.end() :]
    if fmt in ("moodle", "plain"):
        raw = re.sub(r"\s+", " ", raw)  # line breaks in the file are spaces; an escaped \n is a line break
    value = unescape(raw.strip())
    return Text(fmt, value)


def _question(chunk: str, line: int) -> Question:
    body = chunk.strip()
    title = None
    if body.startswith("::"):
        end = _find(body, "::", 2)
        if end != -1:
            title = unescape(body[2:end]).strip()
            body = body[end + 2 :]
    opened = _find(body, "{")
    if opened == -1:
        return Question("Description", line, _text(body), title=title)
    closed = _find(body, "}", opened)
    before, answers, after = body[:opened], body[opened + 1 : closed], body[closed + 1 :]
    stem_format = FORMAT_RE.match(before)
    fmt = stem_format.group(1).lower() if stem_format else "moodle"
    embedded = bool(after.strip())
    stem_raw = f"{before}{BLANK}{after}" if embedded else before
    question = Question("MC", line, _text(stem_raw), title=title, embedded=embedded)
    _answers(question, answers, fmt)
    return question


def _answers(q: Question, raw: str, fmt: str) -> None:
    general = _find(raw, "####")
    if general != -1:
        q.general_feedback = _text(raw[general + 4 :], fmt)
        raw = raw[:general]
    content = raw.strip()
    if not content:
        q.kind = "Essay"
        return
    truth = TRUE_FALSE_RE.match(content)
    if truth:
        q.kind, q.truth = "TF", truth.group(1).startswith("T")
        feedbacks = [text for _, text in _split(content[truth.end() :], "#")][1:]
        if len(feedbacks) > 2 or _split(content[truth.end() :], "#")[0][1].strip():
            q.problem = "a true/false answer is T, TRUE, F or FALSE followed by at most two #feedbacks"
            return
        texts = [_text(f, fmt) if f.strip() else None for f in feedbacks] + [None, None]
        q.true_feedback, q.false_feedback = texts[0], texts[1]
        return
    if content.startswith("#"):
        q.kind = "Numerical"
        _numerical(q, content[1:], fmt)
        return
    items = [(marker, text) for marker, text in _split(content, "=~") if marker]
    if _split(content, "=~")[0][1].strip() or not items:
        q.problem = "answers start with = (right) or ~ (wrong)"
        return
    choices = [_choice(marker, text, fmt) for marker, text in items]
    if all(marker == "=" for marker, _ in items) and any(c.match is not None for c in choices):
        q.kind = "Matching"
        if any(c.match is None for c in choices):
            q.problem = "a matching question writes every pair as =left -> right"
    elif all(marker == "=" for marker, _ in items):
        q.kind = "Short"
    q.choices = [c if q.kind == "Matching" else Choice(c.correct, c.weight, _with_arrow(c), c.feedback) for c in choices]


def _with_arrow(choice: Choice) -> Text:
    """An option that happens to contain `->` outside a matching question keeps it."""
    assert isinstance(choice.text, Text)
    if choice.match is None:
        return choice.text
    return Text(choice.text.format, f"{choice.text.text} -> {choice.match}")


def _choice(marker: str, raw: str, fmt: str) -> Choice:
    weight = None
    found = WEIGHT_RE.match(raw)
    if found:
        weight = float(found.group(1))
        weight = int(weight) if weight.is_integer() else weight
        raw = raw[found.end() :]
    parts = _split(raw, "#")
    text, feedback = parts[0][1], "#".join(p for _, p in parts[1:]) if len(parts) > 1 else None
    match = None
    arrow = _find(text, "->")
    if arrow != -1:
        match = unescape(text[arrow + 2 :]).strip()
        text = text[:arrow]
    return Choice(
        correct=marker == "=",
        weight=weight,
        text=_text(text, fmt),
        feedback=_text(feedback, fmt) if feedback is not None and feedback.strip() else None,
        match=match,
    )


def _number(raw: str) -> NumberAnswer | None:
    if found := TOLERANCE_RE.match(raw):
        return NumberAnswer(number=_num(found.group(1)), tolerance=_num(found.group(2)))
    if found := SPAN_RE.match(raw):
        return NumberAnswer(low=_num(found.group(1)), high=_num(found.group(2)))
    if found := NUMBER_RE.match(raw):
        return NumberAnswer(number=_num(found.group(1)))
    return None


def _num(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() and "e" not in text.lower() else value


def _numerical(q: Question, raw: str, fmt: str) -> None:
    if _find(raw, "=") == -1:
        parts = _split(raw, "#")
        number = _number(unescape(parts[0][1]))
        if number is None:
            q.problem = f"{parts[0][1].strip()!r} is not a number, a number:tolerance or a min..max span"
            return
        q.number = number
        if len(parts) > 1 and parts[1][1].strip():
            q.choices = []
            q.general_feedback = q.general_feedback or _text(parts[1][1], fmt)
        return
    for marker, text in _split(raw, "=~"):
        if not marker:
            if text.strip():
                q.problem = "numerical answers are written =number or =number:tolerance"
            continue
        weight = None
        found = WEIGHT_RE.match(text)
        if found:
            weight = _num(found.group(1))
            text = text[found.end() :]
        parts = _split(text, "#")
        number = _number(unescape(parts[0][1]))
        if number is None:
            q.problem = f"{parts[0][1].strip()!r} is not a number, a number:tolerance or a min..max span"
            return
        feedback = "#".join(p for _, p in parts[1:])
        q.choices.append(Choice(marker == "=", weight, number, _text(feedback, fmt) if feedback.strip() else None))
