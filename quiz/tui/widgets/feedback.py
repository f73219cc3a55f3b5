"""What the learner sees after answering: verdict, answers (typo marked), notes, rating.

A cloze lists its gaps one per line (what was typed, ✓ or ✗, the right word where
it differs) and shows the text once, with the right words in: the learner sees at
a glance what was wrong, and the rating stays on screen under a long text.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.deck.model import Card, Cloze

from ..when import relative
from .notes import notes_content
from .rating import RatingBar

if TYPE_CHECKING:
    from quiz.engine.grading import Grade, PartAnswer
    from quiz.engine.session import Outcome

MARK = "reverse underline"
GAP_STYLE = "bold underline"
"""The right words in a cloze's text, styled like the numbered gaps of the question."""
ECHO_LIMIT = 200
"""Characters of a typed answer repeated back: a pasted essay must not push the rating off-screen.
Picked answers (order, match) are as long as the right answer and are always shown whole."""
PART_ECHO_LIMIT = 60
"""Characters of one typed part (a cloze gap) repeated back, so each gap stays about one line."""
BLANK = "(blank)"


def echoed(text: str, limit: int = ECHO_LIMIT) -> str:
    """The learner's answer as repeated in the feedback, cut short when it is very long."""
    if len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()}… ({len(text):,} characters)"


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
        return ("✓ Right, with a typo" if grade.typo else "✓ Right"), "right"
    if grade.credit:
        return f"✗ Partly right: {grade.credit}", "partial"
    return "✗ Wrong", "wrong"


def part_line(label: str, width: int, ok: bool, part: PartAnswer) -> Content:
    """`2  1998 ✗ → 1999`: the part's number, what the learner typed, the mark, the right text
    where it differs; a typo has its differing letters marked on both sides."""
    number = (f"{label:>{width}}  ", "bold")
    if part.typo:
        given, target = marked_difference(echoed(part.given, PART_ECHO_LIMIT), part.expected)
        return Content.assemble(number, given, " ✓ typo → ", target)
    typed = (echoed(part.given, PART_ECHO_LIMIT), "") if part.given else (BLANK, "italic")
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
    width = max(len(label) for label in grade.labels)
    lines = [
        part_line(label, width, ok, part)
        for label, ok, part in zip(grade.labels, grade.parts, grade.part_answers)
    ]
    whole = filled_text(card) if isinstance(card, Cloze) else Content(grade.expected)
    lines.append(Content.assemble(("Answer: ", "bold"), whole))
    return lines


def whole_lines(grade: Grade) -> list[Content]:
    """The learner's answer and the right one, each whole (typo marked), then which parts were right."""
    lines: list[Content] = []
    if grade.typo and grade.matched:
        given, target = marked_difference(grade.given, grade.matched)
        lines.append(Content.assemble(("You typed: ", "bold"), given))
        lines.append(Content.assemble(("Answer:    ", "bold"), target))
    else:
        if not grade.correct:
            said = echoed(grade.given, max(ECHO_LIMIT, 2 * len(grade.expected)))
            lines.append(Content.assemble(("You said: ", "bold"), (said or "(nothing)", "")))
        lines.append(Content.assemble(("Answer:   " if not grade.correct else "Answer: ", "bold"), grade.expected))
    if grade.parts and not all(grade.parts):
        marks = "  ".join(f"{label} {'✓' if ok else '✗'}" for label, ok in zip(grade.labels, grade.parts))
        lines.append(Content.assemble(("By part:  ", "bold"), marks))
    return lines


def answer_lines(grade: Grade, card: Card | None = None) -> Content:
    """What was answered against what is right: typed parts (cloze gaps) one by one, else whole;
    `card` lets a cloze mark the right words in its text."""
    lines = part_lines(grade, card) if grade.part_answers else whole_lines(grade)
    if grade.feedback:
        lines.append(Content.assemble(("» ", "bold"), grade.feedback))
    return Content("\n").join(lines)


class FeedbackPanel(Vertical):
    """Shown in place of the answer widget until the learner moves on."""

    def __init__(self, outcome: Outcome, now: dt.datetime) -> None:
        super().__init__(id="feedback")
        self.outcome = outcome
        self.now = now

    def compose(self) -> ComposeResult:
        grade = self.outcome.grade
        assert grade is not None
        text, kind = verdict(grade)
        yield Static(text, classes=f"verdict {kind}", markup=False)
        yield Static(answer_lines(grade, self.outcome.presented.card), classes="answers")
        notes = notes_content(self.outcome.presented.deck, self.outcome.presented.card)
        if notes is not None:
            yield Static(notes, classes="notes")
        yield RatingBar("Rated:", int(self.outcome.rating), id="rating")
        yield Static(self._due_line(), id="next-due", classes="instructions")

    def _due_line(self) -> Content:
        due = relative(self.outcome.next_due, self.now)
        leech = " · marked as a leech: this card keeps slipping" if self.outcome.leech else ""
        return Content(f"Next review {due}{leech}. Enter: next · 1-4: change rating · u: undo")

    def show(self, outcome: Outcome) -> None:
        """After the learner changed the rating: new rating, new due time."""
        self.outcome = outcome
        self.query_one(RatingBar).current = int(outcome.rating)
        self.query_one("#next-due", Static).update(self._due_line())
