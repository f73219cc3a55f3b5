"""The deck model: what a deck file means, independent of YAML.

Everything downstream (grading, scheduling, the UI, reports) works on these
frozen dataclasses, never on raw YAML. Positions (`line`) are kept for error
messages but excluded from equality, so a deck that is written back and read
again compares equal.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import ClassVar, Literal, Union

Matching = Literal["lenient", "strict", "exact"]
MATCHING_MODES: tuple[str, ...] = ("lenient", "strict", "exact")


@dataclass(frozen=True)
class Settings:
    """Study options. `None` means "inherit": card -> deck -> built-in default."""

    new_per_day: int | None = None
    reviews_per_day: int | None = None
    retention: float | None = None
    learning_steps: tuple[dt.timedelta, ...] | None = None
    relearning_steps: tuple[dt.timedelta, ...] | None = None
    matching: Matching | None = None
    shuffle: bool | None = None

    def merged_over(self, base: Settings) -> Settings:
        """Self's values where set, else base's."""
        return Settings(
            **{
                f.name: (getattr(self, f.name) if getattr(self, f.name) is not None else getattr(base, f.name))
                for f in fields(self)
            }
        )


DEFAULT_SETTINGS = Settings(
    new_per_day=20,
    reviews_per_day=200,
    retention=0.9,
    learning_steps=(dt.timedelta(minutes=1), dt.timedelta(minutes=10)),
    relearning_steps=(dt.timedelta(minutes=10),),
    matching="lenient",
    shuffle=True,
)


@dataclass(frozen=True)
class Source:
    """Where a deck's facts come from (shown with each quote)."""

    title: str | None = None
    date: dt.date | None = None
    file: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Option:
    """An option of a choice/multi card, with optional feedback for whoever picks it."""

    text: str
    feedback: str | None = None


@dataclass(frozen=True)
class NumberRange:
    """An answer that is a span, like the years 2000–2015; both ends are inclusive."""

    min: int | float
    max: int | float


@dataclass(frozen=True, kw_only=True)
class CardBase:
    """Fields every card kind has. `id` is what progress is keyed on."""

    kind: ClassVar[str] = ""
    id: str
    tags: tuple[str, ...] = ()
    hint: str | None = None
    explain: str | None = None
    quote: str | None = None
    fact: str | None = None
    settings: Settings = Settings()
    line: int = field(default=0, compare=False, repr=False)

    @property
    def prompt(self) -> str:
        """The text that asks the question."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class Flashcard(CardBase):
    """Front and back; the learner rates themselves. `reverse` also asks back -> front."""

    kind: ClassVar[str] = "flashcard"
    front: str
    back: str
    reverse: bool = False

    @property
    def prompt(self) -> str:
        return self.front


@dataclass(frozen=True, kw_only=True)
class Choice(CardBase):
    """One right answer among distractors."""

    kind: ClassVar[str] = "choice"
    question: str
    answer: str
    distractors: tuple[Option, ...]
    answer_feedback: str | None = None

    @property
    def prompt(self) -> str:
        return self.question

    @property
    def options(self) -> tuple[Option, ...]:
        """Answer first, then distractors (unshuffled)."""
        return (Option(self.answer, self.answer_feedback), *self.distractors)


@dataclass(frozen=True, kw_only=True)
class Multi(CardBase):
    """Several right answers among distractors; partial credit."""

    kind: ClassVar[str] = "multi"
    question: str
    answers: tuple[str, ...]
    distractors: tuple[Option, ...]

    @property
    def prompt(self) -> str:
        return self.question

    @property
    def options(self) -> tuple[Option, ...]:
        return (*(Option(a) for a in self.answers), *self.distractors)


@dataclass(frozen=True, kw_only=True)
class TrueFalse(CardBase):
    """A statement that is true or false."""

    kind: ClassVar[str] = "truefalse"
    statement: str
    answer: bool

    @property
    def prompt(self) -> str:
        return self.statement


@dataclass(frozen=True, kw_only=True)
class TypedAnswer(CardBase):
    """A short answer typed in, with accepted alternatives."""

    kind: ClassVar[str] = "answer"
    question: str
    answer: str
    alternatives: tuple[str, ...] = ()
    surname: bool = False

    @property
    def prompt(self) -> str:
        return self.question


@dataclass(frozen=True, kw_only=True)
class Number(CardBase):
    """Either an exact `answer` (with `tolerance`) or a `range` such as years 2000-2015."""

    kind: ClassVar[str] = "number"
    question: str
    answer: int | float | None = None
    tolerance: int | float = 0
    range: NumberRange | None = None
    unit: str | None = None

    @property
    def prompt(self) -> str:
        return self.question


GAP_RE = re.compile(r"\{\{(.*?)\}\}")


@dataclass(frozen=True, kw_only=True)
class Cloze(CardBase):
    """A text with gaps written `{{answer}}` or `{{answer|alternative}}`."""

    kind: ClassVar[str] = "cloze"
    text: str

    @property
    def prompt(self) -> str:
        return GAP_RE.sub("_____", self.text)

    @property
    def gaps(self) -> tuple[tuple[str, ...], ...]:
        """Accepted answers per gap, the first being the canonical one."""
        return tuple(
            tuple(part.strip() for part in m.group(1).split("|")) for m in GAP_RE.finditer(self.text)
        )

    def segments(self) -> list[str | int]:
        """The text split into literal strings and gap indexes, for rendering."""
        out: list[str | int] = []
        pos = 0
        for i, m in enumerate(GAP_RE.finditer(self.text)):
            out.append(self.text[pos : m.start()])
            out.append(i)
            pos = m.end()
        out.append(self.text[pos:])
        return out


@dataclass(frozen=True, kw_only=True)
class Order(CardBase):
    """`items` are written in the correct order; they are shuffled when shown."""

    kind: ClassVar[str] = "order"
    question: str
    items: tuple[str, ...]

    @property
    def prompt(self) -> str:
        return self.question


@dataclass(frozen=True, kw_only=True)
class Match(CardBase):
    """`pairs` map each left item to its right partner."""

    kind: ClassVar[str] = "match"
    question: str
    pairs: tuple[tuple[str, str], ...]

    @property
    def prompt(self) -> str:
        return self.question


Card = Union[Flashcard, Choice, Multi, TrueFalse, TypedAnswer, Number, Cloze, Order, Match]  # noqa: UP007
CARD_TYPES: dict[str, type[CardBase]] = {
    cls.kind: cls for cls in (Flashcard, Choice, Multi, TrueFalse, TypedAnswer, Number, Cloze, Order, Match)
}
KINDS: tuple[str, ...] = tuple(CARD_TYPES)


@dataclass(frozen=True)
class Deck:
    """A deck file as read: its cards and settings; `path` is where it was read from (not compared)."""

    id: str
    title: str
    cards: tuple[Card, ...]
    version: str = "1"
    language: str | None = None
    description: str | None = None
    author: str | None = None
    source: Source | None = None
    tags: tuple[str, ...] = ()
    settings: Settings = Settings()
    path: Path | None = field(default=None, compare=False, repr=False)

    def card(self, card_id: str) -> Card:
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def settings_for(self, card: CardBase) -> Settings:
        """Effective settings of a card: card overrides deck overrides defaults."""
        return card.settings.merged_over(self.settings.merged_over(DEFAULT_SETTINGS))
