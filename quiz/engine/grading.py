"""Is an answer right? Each card kind grades its own kind of input.

Responses: choice -> the option's text; multi -> a collection of option
texts; truefalse -> bool; answer and number -> the typed text; cloze -> one
text per gap; order -> the items in the learner's order; match -> a mapping
left -> right. Flashcards are rated by the learner, not graded.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import fields, replace
from typing import assert_never, cast

from quiz.deck.datarecord import datarecord
from quiz.deck.model import (
    DEFAULT_SETTINGS,
    Card,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Number,
    Option,
    Order,
    Settings,
    TrueFalse,
    TypedAnswer,
)
from quiz.i18n import _, ngettext

from .answers import answer_text, fill_gaps, response_text
from .matching import match_text
from .normalize import answer_key, fold, trim
from .numbers import parse_span, within
from .pace import expected_seconds

# Words accepted for true/false when a typed answer arrives instead of a bool.
TRUE_WORDS = frozenset(["true", "t", "yes", "y", "wahr", "w", "ja", "j", "richtig", "r", "verdadero", "v", "si", "s", "cierto", "correct", "c", "1"])
FALSE_WORDS = frozenset(["false", "f", "no", "n", "falsch", "nein", "falso", "incorrect", "wrong", "0"])

RANGE_LABELS = ("from", "to")
"""The two parts of a range answer, as the feedback names them."""


@datarecord
class PartAnswer:
    """One typed part of an answer (a cloze gap): what the learner gave and what is right.

    Kept per part so the feedback can list just the gaps, each with its own verdict,
    instead of the whole text twice.
    """

    given: str  # as typed, surrounding spaces trimmed; "" when left blank
    expected: str  # the accepted form a right part matched (typo or not), else the canonical answer
    typo: bool = False  # right, but with a small typo


@datarecord
class Grade:
    """The verdict on one answer, with what the learner should be shown."""

    correct: bool  # counts as right (a typo still counts as right)
    score: float  # 0..1, partial credit for multi/order/match/cloze
    expected: str  # the correct answer as text to show the learner
    given: str  # the learner's answer as text
    typo: bool = False  # right, but with a small typo
    matched: str | None = None  # the accepted answer the input was matched against
    feedback: str | None = None  # feedback of the option the learner picked, if any
    parts: tuple[bool, ...] = ()
    """Each part right or not, in the order the learner saw them: per gap (cloze), per
    position of the learner's order (order), per left-hand item (match), per option as
    shown (multi: the `shown` order given to `grade`, as `Presented.grade` does), per end
    of a range (number)."""
    labels: tuple[str, ...] = ()  # what to call each part on screen: "1", "2", ... or "from", "to"
    credit: str = ""  # partial credit in words ("2 of 3"), empty unless partly right
    expected_seconds: float = 0.0  # how long a learner who knows the card needs (see `pace`)
    part_answers: tuple[PartAnswer, ...] = ()
    """The texts of each part, parallel to `parts` and `labels`, where parts are typed
    (cloze gaps); empty for other kinds."""


@datarecord
class Verdict:
    """What one kind's grader decides; `grade` adds the texts to show."""

    correct: bool
    score: float
    typo: bool = False
    matched: str | None = None
    feedback: str | None = None
    parts: tuple[bool, ...] = ()
    labels: tuple[str, ...] = ()  # default: the parts numbered from 1
    credit: str = ""  # default: right parts of all parts
    part_answers: tuple[PartAnswer, ...] = ()


def _find_option(options: Sequence[Option], picked: object) -> Option | None:
    """The option the learner picked: by its exact text, else by its normalised text."""
    text = str(picked)
    for option in options:
        if option.text == text:
            return option
    key = answer_key(text)
    for option in options:
        if key and answer_key(option.text) == key:
            return option
    return None


def _same_item(given: object, expected: str, items: Collection[str]) -> bool:
    """Items of order/match cards come from the screen and compare exactly; a re-typed
    item (not one of the card's `items`) compares in normalised form."""
    text = str(given)
    if text == expected or text in items:
        return text == expected
    return bool(answer_key(expected)) and answer_key(text) == answer_key(expected)


def _texts(response: object) -> list[str]:
    if response is None:
        return []
    if isinstance(response, str):
        return [response]
    if isinstance(response, Collection):
        return [str(r) for r in response]
    return [str(response)]


def _text(response: object) -> str:
    """A typed response as text ("" for none)."""
    texts = _texts(response)
    return texts[0] if texts else ""


def _share(parts: Sequence[bool]) -> float:
    return sum(parts) / len(parts) if parts else 0.0


def _grade_choice(card: Choice, response: object) -> Verdict:
    picked = _find_option(card.options, response) if response is not None else None
    right = picked is not None and picked.text == card.answer
    feedback = picked.feedback if picked else None
    return Verdict(correct=right, score=float(right), feedback=feedback, matched=card.answer if right else None)


def credit_words(net: int, total: int, hits: int = 0, wrong: int = 0) -> str:
    """Partial credit in the learner's words: "2 of 3", or "1 of 2 (2 right picks − 1 wrong)" when picks cost."""
    said = _("{net} of {total}").format(net=net, total=total)
    if wrong:
        picks = ngettext("{count} right pick", "{count} right picks", hits).format(count=hits)
        said += " " + _("({picks} − {wrong} wrong)").format(picks=picks, wrong=wrong)
    return said


def _grade_multi(card: Multi, response: object, shown: Sequence[str]) -> Verdict:
    """Partial credit: (right picks - wrong picks) / number of right answers, at least 0.

    Picking nothing scores 0. `parts` follow the `shown` order of the options.
    """
    picks = _texts(response)
    chosen = {o.text for p in picks if (o := _find_option(card.options, p)) is not None}
    unknown = sum(1 for p in picks if _find_option(card.options, p) is None)
    answers = set(card.answers)
    texts = [o.text for o in card.options]
    order = list(shown) if sorted(shown) == sorted(texts) else texts
    parts = tuple((text in chosen) == (text in answers) for text in order)
    hits = len(chosen & answers)
    wrong = len(chosen - answers) + unknown
    net = max(0, hits - wrong)
    score = net / len(answers) if answers else 0.0
    credit = credit_words(net, len(answers), hits, wrong)
    feedback = "\n".join(o.feedback for o in card.distractors if o.text in chosen and o.feedback) or None
    return Verdict(
        correct=chosen == answers and not unknown, score=score, parts=parts, feedback=feedback, credit=credit
    )


def _truth(response: object) -> bool | None:
    if isinstance(response, bool):
        return response
    if isinstance(response, str):
        word = fold(response)
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return None


def _grade_truefalse(card: TrueFalse, response: object) -> Verdict:
    right = _truth(response) == card.answer
    return Verdict(correct=right, score=float(right))


def _grade_typed(card: TypedAnswer, response: object, settings: Settings) -> Verdict:
    accepted = (card.answer, *card.alternatives)
    m = match_text(_text(response), accepted, settings.matching, surname=card.surname)
    return Verdict(correct=m.correct, score=float(m.correct), typo=m.typo, matched=m.matched)


def _grade_number(card: Number, response: object) -> Verdict:
    """An exact answer within the tolerance; a range needs both ends (each within the tolerance)."""
    span = parse_span(_text(response))
    if span is None:
        parts = (False, False) if card.range else ()
        return Verdict(correct=False, score=0.0, parts=parts, labels=RANGE_LABELS if parts else ())
    if card.range is not None:
        parts = (within(span.low, card.range.min, card.tolerance), within(span.high, card.range.max, card.tolerance))
        right = all(parts)
        matched = answer_text(card) if right else None
        return Verdict(correct=right, score=_share(parts), parts=parts, matched=matched, labels=RANGE_LABELS)
    right = card.answer is not None and not span.is_range and within(span.low, card.answer, card.tolerance)
    return Verdict(correct=right, score=float(right), matched=answer_text(card) if right else None)


def _grade_cloze(card: Cloze, response: object, settings: Settings) -> Verdict:
    texts = _texts(response)
    typed = [trim(texts[i]) if i < len(texts) else "" for i in range(len(card.gaps))]
    matches = [match_text(text, alternatives, settings.matching) for text, alternatives in zip(typed, card.gaps, strict=False)]
    parts = tuple(m.correct for m in matches)
    right = all(parts) and bool(parts)
    matched = fill_gaps(card, [m.matched or "" for m in matches]) if right else None
    typo = right and any(m.typo for m in matches)
    part_answers = tuple(
        PartAnswer(given=text, expected=m.matched if m.correct and m.matched else alternatives[0], typo=m.typo)
        for text, m, alternatives in zip(typed, matches, card.gaps, strict=False)
    )
    return Verdict(
        correct=right, score=_share(parts), parts=parts, typo=typo, matched=matched, part_answers=part_answers
    )


def _grade_order(card: Order, response: object) -> Verdict:
    given = _texts(response)
    parts = tuple(i < len(given) and _same_item(given[i], item, card.items) for i, item in enumerate(card.items))
    right = all(parts) and len(given) == len(card.items)
    return Verdict(correct=right, score=_share(parts), parts=parts)


def _grade_match(card: Match, response: object) -> Verdict:
    pairs = response.items() if isinstance(response, Mapping) else cast("Iterable[tuple[object, object]]", response or ())
    given = {str(left): str(right) for left, right in pairs}
    rights = {right for _, right in card.pairs}
    by_key = {answer_key(k): v for k, v in given.items()}
    parts = tuple(
        (left in given and _same_item(given[left], right, rights))
        or (left not in given and answer_key(left) in by_key and _same_item(by_key[answer_key(left)], right, rights))
        for left, right in card.pairs
    )
    return Verdict(correct=all(parts), score=_share(parts), parts=parts)


def _named_parts(verdict: Verdict) -> Verdict:
    """Labels and credit filled in: parts numbered from 1, credit as right parts of all parts."""
    parts = verdict.parts
    labels = verdict.labels or tuple(str(i) for i in range(1, len(parts) + 1))
    partly = not verdict.correct and verdict.score > 0
    credit = (verdict.credit or credit_words(sum(parts), len(parts))) if partly and parts else ""
    return replace(verdict, labels=labels, credit=credit)


def grade(card: Card, response: object, settings: Settings, *, shown: Sequence[str] = ()) -> Grade:
    """Grade `response` to `card`; `settings` are the card's effective settings (for `matching`).

    `shown` is the order the options were shown in (multi); the parts follow it.
    """
    settings = settings.merged_over(DEFAULT_SETTINGS)
    match card:
        case Choice():
            verdict = _grade_choice(card, response)
        case Multi():
            verdict = _grade_multi(card, response, shown)
        case TrueFalse():
            verdict = _grade_truefalse(card, response)
        case TypedAnswer():
            verdict = _grade_typed(card, response, settings)
        case Number():
            verdict = _grade_number(card, response)
        case Cloze():
            verdict = _grade_cloze(card, response, settings)
        case Order():
            verdict = _grade_order(card, response)
        case Match():
            verdict = _grade_match(card, response)
        case Flashcard():
            raise TypeError(f"card {card.id!r} is a flashcard: the learner rates it, it is not graded")
        case _:
            assert_never(card)
    named = _named_parts(verdict)  # shallow: the part answers stay dataclasses
    return Grade(
        expected=answer_text(card),
        given=response_text(card, response),
        expected_seconds=expected_seconds(card),
        **{f.name: getattr(named, f.name) for f in fields(named)},
    )
