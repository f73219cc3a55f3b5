"""What the learner sees after answering: verdict, answers (typo marked), notes, rating.

A cloze lists its gaps one per line (what was typed, ✓ or ✗, the right word where
it differs) and shows the text once, with the right words in: the learner sees at
a glance what was wrong, and the rating stays on screen under a long text.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.deck.model import Card, Cloze, Match, Multi, Order, TrueFalse

from ..texts import N_, _, number
from ..when import relative
from .notes import notes_content
from .rating import RatingBar

if TYPE_CHECKING:
    from quiz.engine.grading import Grade, PartAnswer
    from quiz.engine.presentation import Presented
    from quiz.engine.session import Outcome

MARK = "reverse underline"
GAP_STYLE = "bold underline"
"""The right words in a cloze's text, styled like the numbered gaps of the question."""
ECHO_LIMIT = 200
"""Characters of a typed answer repeated back: a pasted essay must not push the rating off-screen.
Picked answers (order, match) are as long as the right answer and are always shown whole."""
PART_ECHO_LIMIT = 60
"""Characters of one typed part (a cloze gap) repeated back, so each gap stays about one line."""
BLANK = N_("(blank)")
PART_NAMES = {"from": N_("from"), "to": N_("to")}
"""The grader's names of a range's two parts; other parts are numbered."""
def said_as_pressed(grade: Grade, card: Card) -> Grade:
    """A true/false card's answers in the words of the buttons the learner pressed."""
    if not isinstance(card, TrueFalse):
        return grade
    from .answers.truefalse import in_button_words

    return replace(grade, given=in_button_words(grade.given), expected=in_button_words(grade.expected))


def part_name(label: str) -> str:
    return _(PART_NAMES[label]) if label in PART_NAMES else label


def echoed(text: str, limit: int = ECHO_LIMIT) -> str:
    """The learner's answer as repeated in the feedback, cut short when it is very long."""
    if len(text) <= limit:
        return text
    return _("{start}… ({count} characters)").format(start=text[:limit].rstrip(), count=number(len(text), ","))


def marked_difference(given: str, target: str) -> tuple[Content, Content]:
    """Both strings with the characters that differ marked, so a typo is visible on either side."""
    matcher = difflib.SequenceMatcher(None, given.casefold(), target.casefold(), autojunk=False)
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        style = "" if tag == "equal" else MARK
        left.append((given[i1:i2], style))
        right.append((target[j1:j2], style))
    return Content.assemble(*left), Content.assemble(*right)


def verdict(grade: Grade) -> tuple[str, str]:
    """The headline and its CSS class; the symbol carries the meaning, colour only repeats it."""
    if grade.correct:
        return (_("✓ Right, with a typo") if grade.typo else _("✓ Right")), "right"
    if grade.credit:
        return _("✗ Partly right: {credit}").format(credit=grade.credit), "partial"
    return _("✗ Wrong"), "wrong"


def part_line(label: str, width: int, ok: bool, part: PartAnswer) -> Content:
    """`2  1998 ✗ → 1999`: the part's number, what the learner typed, the mark, the right text
    where it differs; a typo has its differing letters marked on both sides."""
    number = (f"{label:>{width}}  ", "bold")
    if part.typo:
        given, target = marked_difference(echoed(part.given, PART_ECHO_LIMIT), part.expected)
        return Content.assemble(number, given, _(" ✓ typo → "), target)
    typed = (echoed(part.given, PART_ECHO_LIMIT), "") if part.given else (_(BLANK), "italic")
    if ok:
        return Content.assemble(number, typed, " ✓")
    return Content.assemble(number, typed, " ✗ → ", part.expected)


def filled_text(card: Cloze) -> Content:
    """The cloze's text with the right words in, marked where the gaps were."""
    gaps = card.gaps
    return Content.assemble(
        *((gaps[segment][0], GAP_STYLE) if isinstance(segment, int) else Content(segment) for segment in card.segments())
    )


def part_lines(grade: Grade, card: Card | None = None) -> list[Content]:
    """One line per typed part, then the whole answer once for context."""
    labels = [part_name(label) for label in grade.labels]
    width = max(len(label) for label in labels)
    lines = [
        part_line(label, width, ok, part)
        for label, ok, part in zip(labels, grade.parts, grade.part_answers, strict=False)
    ]
    whole = filled_text(card) if isinstance(card, Cloze) else Content(grade.expected)
    lines.append(Content.assemble((_("Answer:") + " ", "bold"), whole))
    return lines


def aligned(*labels: str) -> list[str]:
    """Labels padded to one width (and a space), so the answers after them line up in any language."""
    width = max(len(label) for label in labels)
    return [label.ljust(width) + " " for label in labels]


def whole_lines(grade: Grade) -> list[Content]:
    """The learner's answer and the right one, each whole (typo marked), then which parts were right."""
    lines: list[Content] = []
    if grade.typo and grade.matched:
        given, target = marked_difference(grade.given, grade.matched)
        labels = aligned(_("You typed:"), _("Answer:"))
        lines.append(Content.assemble((labels[0], "bold"), given))
        lines.append(Content.assemble((labels[1], "bold"), target))
    else:
        if not grade.correct:
            said = echoed(grade.given, max(ECHO_LIMIT, 2 * len(grade.expected)))
            labels = aligned(_("You said:"), _("Answer:"))
            lines.append(Content.assemble((labels[0], "bold"), (said or _("(nothing)"), "")))
            lines.append(Content.assemble((labels[1], "bold"), grade.expected))
        else:
            lines.append(Content.assemble((_("Answer:") + " ", "bold"), grade.expected))
    if grade.parts and not all(grade.parts):
        marks = "  ".join(f"{part_name(label)} {'✓' if ok else '✗'}" for label, ok in zip(grade.labels, grade.parts, strict=False))
        lines.append(Content.assemble((_("By part:") + "  ", "bold"), marks))
    return lines


def option_lines(grade: Grade, presented: Presented, response: object) -> list[Content] | None:
    """Multi-select, match and order, said part by part, each part named by its own text, one per line:
    the options' numbers are gone from the screen by now. None for other kinds (or without the response)."""
    card, shown = presented.card, presented.options
    if not grade.parts or response is None:
        return None
    lines: list[Content] = []
    if isinstance(card, Multi) and isinstance(response, (list, tuple, set, frozenset)):
        ticked = {str(r) for r in response}
        for option, ok in zip(shown, grade.parts, strict=False):
            right = option in card.answers
            if option in ticked:
                said = _("ticked, right") if right else _("ticked, but not right")
            else:
                said = _("not ticked, right") if not right else _("not ticked, but right")
            lines.append(Content.assemble(("✓ " if ok else "✗ ", "bold"), option, ("  " + said, "italic")))
        return lines
    if isinstance(card, Match) and isinstance(response, dict):
        partners = dict(card.pairs)
        for (left, _partner), ok in zip(card.pairs, grade.parts, strict=False):
            given = str(response.get(left, ""))
            line = Content.assemble(("✓ " if ok else "✗ ", "bold"), (left, "bold"), " → ", given or _(BLANK))
            if not ok:
                line = Content.assemble(line, ("  " + _("right: {partner}").format(partner=partners[left]), "italic"))
            lines.append(line)
        return lines
    if isinstance(card, Order) and isinstance(response, (list, tuple)):
        for n, (given, ok) in enumerate(zip(response, grade.parts, strict=False), 1):
            line = Content.assemble(("✓ " if ok else "✗ ", "bold"), f"{n}. ", str(given))
            if not ok:
                line = Content.assemble(line, ("  " + _("right: {item}").format(item=card.items[n - 1]), "italic"))
            lines.append(line)
        return lines
    return None


def answer_lines(grade: Grade, card: Card | None = None, presented: Presented | None = None,
                 response: object = None) -> Content:
    """What was answered against what is right: typed parts (cloze gaps) one by one, options and pairs
    one by one by their text, else whole; `card` lets a cloze mark the right words in its text."""
    by_option = None if presented is None else option_lines(grade, presented, response)
    if by_option is not None:
        lines = by_option
        if not grade.correct:
            lines.append(Content.assemble((_("Answer:") + " ", "bold"), grade.expected))
    else:
        lines = part_lines(grade, card) if grade.part_answers else whole_lines(grade)
    if grade.feedback:
        lines.append(Content.assemble(("» ", "bold"), grade.feedback))
    return Content("\n").join(lines)


def seconds(value: float) -> str:
    return _("{seconds} s").format(seconds=number(value, ".0f") if value >= 10 else number(round(value, 1)))


def rating_reason(outcome: Outcome) -> str:
    """Why the automatic rating is what it is, when it is not simply Good: slow (the time and the time
    expected), a hint, a typo, partial credit, or a first try taken back with undo. Empty once changed by hand."""
    from quiz.engine.rating import FALLBACK_SECONDS, SLOW_RATIO, Rating

    grade = outcome.grade
    if grade is None or outcome.rating != outcome.auto_rating:
        return ""
    if outcome.first_try is not None:
        return _("Rated as your first try: an answer taken back with Ctrl+Z still counts.")
    expected = grade.expected_seconds if grade.expected_seconds > 0 else FALLBACK_SECONDS
    timing = _("took {took}; about {expected} is usual for this card").format(
        took=seconds(outcome.duration), expected=seconds(expected)
    )
    if outcome.rating == Rating.HARD:
        reasons = []
        if outcome.duration > SLOW_RATIO * expected:
            reasons.append(_("slow: {timing}").format(timing=timing))
        if outcome.hint_used:
            reasons.append(_("the hint was used"))
        if grade.typo:
            reasons.append(_("a typo"))
        if grade.score < 1:
            reasons.append(_("only partly right"))
        return _("Hard because: {reasons}.").format(reasons="; ".join(reasons)) if reasons else ""
    if outcome.rating == Rating.EASY:
        return _("Easy because it was quick: {timing}.").format(timing=timing)
    return ""


class FeedbackPanel(Vertical):
    """Shown in place of the answer widget until the learner moves on."""

    def __init__(
        self, outcome: Outcome, now: dt.datetime, waits: dict[int, str] | None = None, rollover: int | None = None
    ) -> None:
        super().__init__(id="feedback")
        self.outcome = outcome
        self.now = now
        self.waits = waits
        self.rollover = rollover
        self._placed = False

    def on_resize(self) -> None:
        """Once laid out (only then does the body know how far it scrolls), bring the verdict to the top."""
        if not self._placed:
            self._placed = True
            self.call_after_refresh(self.scroll_visible, animate=False, top=True)

    def compose(self) -> ComposeResult:
        grade = self.outcome.grade
        assert grade is not None
        grade = said_as_pressed(grade, self.outcome.presented.card)
        text, kind = verdict(grade)
        yield Static(text, classes=f"verdict {kind}", markup=False)
        presented = self.outcome.presented
        yield Static(answer_lines(grade, presented.card, presented, self.outcome.response), classes="answers")
        notes = notes_content(self.outcome.presented.deck, self.outcome.presented.card)
        if notes is not None:
            yield Static(notes, classes="notes")
        yield RatingBar(_("Rated:"), int(self.outcome.rating), id="rating", waits=self.waits)
        why = Static(Content(rating_reason(self.outcome)), id="why", classes="instructions")
        why.display = bool(rating_reason(self.outcome))
        yield why
        yield Static(self._due_line(), id="next-due", classes="instructions")

    def _due_line(self) -> Content:
        due = relative(self.outcome.next_due, self.now, self.rollover)
        leech = _(" · marked as a leech: this card keeps slipping") if self.outcome.leech else ""
        return Content(
            _("Next review {when}{leech}. Enter: next · 1-4: change rating · Ctrl+Z: undo").format(when=due, leech=leech)
        )

    def show(self, outcome: Outcome) -> None:
        """After the learner changed the rating: new rating, new due time."""
        self.outcome = outcome
        self.query_one(RatingBar).current = int(outcome.rating)
        why = self.query_one("#why", Static)
        why.update(Content(rating_reason(outcome)))
        why.display = bool(rating_reason(outcome))
        self.query_one("#next-due", Static).update(self._due_line())
