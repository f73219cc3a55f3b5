"""Moodle GIFT questions -> cards: what each kind becomes, and what is reported as lost."""

from __future__ import annotations

from quiz.deck.format import ID_RE
from quiz.deck.model import (
    Card,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Number,
    NumberRange,
    Option,
    TrueFalse,
    TypedAnswer,
)

from . import gift_parse
from .gift_parse import NumberAnswer, Question, Text
from .harvest import Harvest, digest, slug
from .text import html_to_text, one_line, tidy

BLANK = "_____"
ESSAY_BACK = "(An essay question: answer in your own words, then rate how well you did.)"


def read(text: str, name: str) -> Harvest:
    """Cards of a GIFT file; kinds quiz cannot play are skipped with their line."""
    harvest = Harvest(name)
    descriptions: list[str] = []
    for q in gift_parse.parse(text, name):
        if harvest.title is None and q.category:
            harvest.title = q.category.rstrip("/").rsplit("/", 1)[-1] or None
        if q.problem:
            harvest.skip(q.problem, q.line)
            continue
        if q.kind == "Description":
            descriptions.append(_plain(q.stem, harvest, q.line))
            harvest.warn("a description (no answers) is kept in the deck's description, not as a card", q.line)
            continue
        card = _card(q, harvest)
        if card is not None:
            harvest.add(card, q.line)
    if descriptions:
        harvest.description = "\n\n".join(d for d in descriptions if d) or None
    return harvest


def _plain(text: Text | None, harvest: Harvest, line: int) -> str:
    if text is None:
        return ""
    if text.format == "html":
        plain, media = html_to_text(text.text)
        for item in media:
            harvest.warn(f"media left out: {item}", line)
        return plain
    return tidy(text.text)


def _card_id(q: Question) -> str:
    if q.id and slug(q.id):
        return f"gift-{slug(q.id)}"
    if q.title and ID_RE.fullmatch(q.title):
        return q.title  # a title that is an id (as `quiz export --to gift` writes) is kept as it is
    named = slug(q.title) if q.title else ""
    if named:
        return named
    return f"gift-{digest(q.kind, q.stem.text)}"


def _common(q: Question, harvest: Harvest) -> dict[str, object]:
    tags = list(q.tags)
    if q.category:
        leaf = q.category.rstrip("/").rsplit("/", 1)[-1].strip()
        if leaf and leaf not in ("top", "Default") and not leaf.startswith("$"):
            tags.append(leaf)
    explain = _plain(q.general_feedback, harvest, q.line) or None
    return {"id": _card_id(q), "tags": tuple(dict.fromkeys(tags)), "explain": explain}


def _card(q: Question, h: Harvest) -> Card | None:
    stem = _plain(q.stem, h, q.line)
    common = _common(q, h)
    if q.kind == "TF":
        feedbacks = [_plain(f, h, q.line) for f in (q.true_feedback, q.false_feedback) if f is not None]
        explain = "\n".join(x for x in [*feedbacks, str(common["explain"] or "")] if x) or None
        if feedbacks:
            h.warn("true/false feedback is shown as the explanation after either answer", q.line)
        return TrueFalse(**{**common, "explain": explain}, statement=stem, answer=bool(q.truth))  # type: ignore[arg-type]
    if q.kind == "Essay":
        model = common["explain"]
        h.warn("an essay question becomes a flashcard: the learner writes, then rates themselves", q.line)
        back = str(model) if model else ESSAY_BACK
        return Flashcard(**{**common, "explain": None}, front=stem, back=back)  # type: ignore[arg-type]
    if q.kind == "Matching":
        pairs = [(one_line(_plain(c.text, h, q.line)), c.match or "") for c in q.choices if isinstance(c.text, Text)]
        kept = tuple((left, right) for left, right in pairs if left and right)
        if len(kept) < len(pairs):
            h.warn("answers without a left side (extra wrong answers) are left out", q.line)
        return Match(**common, question=stem, pairs=kept)  # type: ignore[arg-type]
    if q.kind == "Numerical":
        return _number(q, h, stem, common)
    if q.kind == "Short":
        return _short(q, h, stem, common)
    return _choice(q, h, stem, common)


def _weight(value: float | None, correct: bool) -> float:
    if value is None:
        return 100.0 if correct else 0.0
    return float(value)


def _short(q: Question, h: Harvest, stem: str, common: dict[str, object]) -> Card:
    full = [one_line(_plain(c.text, h, q.line)) for c in q.choices if isinstance(c.text, Text) and _weight(c.weight, c.correct) >= 100]
    partial = [c for c in q.choices if _weight(c.weight, c.correct) < 100]
    if partial:
        h.warn(f"{len(partial)} answer(s) with partial credit are left out (quiz gives full credit or none)", q.line)
    if not full:
        full = [one_line(_plain(c.text, h, q.line)) for c in q.choices if isinstance(c.text, Text)][:1]
    _feedback_lost(q, h)
    if stem.count(BLANK) == 1:
        gap = "|".join(a.replace("|", "/") for a in full)
        return Cloze(**common, text=stem.replace(BLANK, "{{" + gap + "}}"))  # type: ignore[arg-type]
    return TypedAnswer(**common, question=stem, answer=full[0], alternatives=tuple(full[1:]))  # type: ignore[arg-type]


def _feedback_lost(q: Question, h: Harvest) -> None:
    if any(c.feedback is not None for c in q.choices):
        h.warn("feedback on typed answers is left out (only wrong options of a choice show feedback)", q.line)


def _choice(q: Question, h: Harvest, stem: str, common: dict[str, object]) -> Card | None:
    options = [(c, one_line(_plain(c.text, h, q.line))) for c in q.choices if isinstance(c.text, Text)]
    right = [(c, text) for c, text in options if c.correct]  # without any =, Moodle allows several answers
    if len(right) == 1:
        answer = right[0]
        partial = [c for c, _ in options if c is not answer[0] and c.weight is not None and c.weight > 0]
        if partial:
            h.warn(f"{len(partial)} option(s) with partial credit count as wrong (quiz gives full credit or none)", q.line)
        distractors = tuple(Option(text, _feedback(c, h, q.line)) for c, text in options if c is not answer[0])
        return Choice(
            **common,  # type: ignore[arg-type]
            question=stem,
            answer=answer[1],
            answer_feedback=_feedback(answer[0], h, q.line),
            distractors=distractors,
        )
    if right:
        h.skip("several options are marked = (each alone fully right); quiz's choice cards have one answer", q.line)
        return None
    positive = [(c, text) for c, text in options if (c.weight or 0) > 0]
    if not positive:
        h.skip("no option is right (none is marked = or has a positive weight)", q.line)
        return None
    if any(c.feedback is not None for c, _ in positive):
        h.warn("feedback on right options of a several-answers question is left out", q.line)
    return Multi(
        **common,  # type: ignore[arg-type]
        question=stem,
        answers=tuple(text for _, text in positive),
        distractors=tuple(Option(text, _feedback(c, h, q.line)) for c, text in options if (c.weight or 0) <= 0),
    )


def _feedback(choice: gift_parse.Choice, h: Harvest, line: int) -> str | None:
    if choice.feedback is None:
        return None
    return one_line(_plain(choice.feedback, h, line)) or None


def _number(q: Question, h: Harvest, stem: str, common: dict[str, object]) -> Card | None:
    answers = [(c.text, _weight(c.weight, c.correct)) for c in q.choices if isinstance(c.text, NumberAnswer)]
    best = q.number
    if best is None:
        full = [a for a, w in answers if w >= 100]
        if not full:
            h.skip("no numerical answer has full credit", q.line)
            return None
        best = full[0]
        if len(answers) > 1:
            h.warn(f"{len(answers) - 1} other numerical answer(s) are left out; the first fully right one is kept", q.line)
    if best.low is not None and best.high is not None:
        return Number(**common, question=stem, range=NumberRange(min(best.low, best.high), max(best.low, best.high)))  # type: ignore[arg-type]
    assert best.number is not None
    return Number(**common, question=stem, answer=best.number, tolerance=best.tolerance or 0)  # type: ignore[arg-type]
