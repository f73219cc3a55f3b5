"""The deck model: what a deck file means, independent of YAML.

Everything downstream (grading, scheduling, the UI, reports) works on these
frozen dataclasses, never on raw YAML. Positions (`line`) are kept for error
messages but excluded from equality, so a deck that is written back and read
again compares equal.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import MISSING, Field, field, fields
from pathlib import Path

from .datarecord import datarecord

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Any, Literal

    Matching = Literal["lenient", "strict", "exact"]
MATCHING_MODES: tuple[str, ...] = ("lenient", "strict", "exact")


@datarecord
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


@datarecord
class Source:
    """Where a deck's facts come from (shown with each quote)."""

    title: str | None = None
    date: dt.date | None = None
    file: str | None = None
    url: str | None = None


@datarecord
class Option:
    """An option of a choice/multi card, with optional feedback for whoever picks it."""

    text: str
    feedback: str | None = None


@datarecord
class NumberRange:
    """An answer that is a span, like the years 2000–2015; both ends are inclusive."""

    min: int | float
    max: int | float


@datarecord
class Written:
    """How a card's field is written in a deck file: its format and what it means.

    Declared once, on the field itself; the deck format's reader, the card
    builder, the writer and the JSON Schema are all derived from it
    (`format` names the field's format in `deck/format.py`'s `FORMATS`).
    """

    format: str
    description: str
    required: bool = False


def written(form: str, description: str, *, required: bool = False, default: Any = MISSING) -> Any:
    """A card field that a deck file gives (see `Written`)."""
    return field(default=default, metadata={"written": Written(form, description, required)})


def written_fields(card_type: type[CardBase]) -> tuple[tuple[Field[Any], Written], ...]:
    """The fields of a kind that a deck file gives, with how; those every card has come first."""
    return tuple((f, f.metadata["written"]) for f in fields(card_type) if "written" in f.metadata)


@datarecord(kw_only=True)
class CardBase:
    """Fields every card kind has. `id` is what progress is keyed on."""

    kind = ""
    """The kind's name in a deck file: the class's, not a field (so not annotated)."""
    id: str = written("ident", "Stable id, unique in the deck; progress follows it. Never change it.", required=True)
    tags: tuple[str, ...] = written("texts", "Tags for choosing cards to study.", default=())
    hint: str | None = written("text", "Shown when the learner asks for a hint.", default=None)
    explain: str | None = written("text", "Shown after answering.", default=None)
    quote: str | None = written("text", "The source sentence the card is based on, word for word.", default=None)
    fact: str | None = written("text", "The fact the card asks about, in one sentence.", default=None)
    settings: Settings = written("card settings", "Settings for this card only; they override the deck's.", default=Settings())
    line: int = field(default=0, compare=False, repr=False)

    @property
    def prompt(self) -> str:
        """The text that asks the question."""
        raise NotImplementedError


@datarecord(kw_only=True)
class Flashcard(CardBase):
    """Front and back; the learner rates themselves. `reverse` also asks back -> front."""

    kind = "flashcard"
    front: str = written("text", "Shown first.", required=True)
    back: str = written("text", "Shown when the card is turned.", required=True)
    reverse: bool = written("bool", "Also ask back -> front.", default=False)

    @property
    def prompt(self) -> str:
        return self.front


@datarecord(kw_only=True)
class Choice(CardBase):
    """One right answer among distractors."""

    kind = "choice"
    question: str = written("text", "The question.", required=True)
    answer: str = written("text", "The right answer.", required=True)
    distractors: tuple[Option, ...] = written("options", "Wrong answers (texts, or text + feedback).")
    answer_feedback: str | None = written("text", "Shown to a learner who picks the right answer.", default=None)

    @property
    def prompt(self) -> str:
        return self.question

    @property
    def options(self) -> tuple[Option, ...]:
        """Answer first, then distractors (unshuffled)."""
        return (Option(self.answer, self.answer_feedback), *self.distractors)


@datarecord(kw_only=True)
class Multi(CardBase):
    """Several right answers among distractors; partial credit."""

    kind = "multi"
    question: str = written("text", "The question.", required=True)
    answers: tuple[str, ...] = written("answers", "The right answers.", required=True)
    distractors: tuple[Option, ...] = written("options", "Wrong answers (texts, or text + feedback).")

    @property
    def prompt(self) -> str:
        return self.question

    @property
    def options(self) -> tuple[Option, ...]:
        return (*(Option(a) for a in self.answers), *self.distractors)


@datarecord(kw_only=True)
class TrueFalse(CardBase):
    """A statement that is true or false."""

    kind = "truefalse"
    statement: str = written("text", "A statement that is true or false.", required=True)
    answer: bool = written("bool", "true or false.", required=True)

    @property
    def prompt(self) -> str:
        return self.statement


@datarecord(kw_only=True)
class TypedAnswer(CardBase):
    """A short answer typed in, with accepted alternatives."""

    kind = "answer"
    question: str = written("text", "The question.", required=True)
    answer: str = written("text", "The expected answer.", required=True)
    alternatives: tuple[str, ...] = written("texts", "Other accepted answers.", default=())
    surname: bool = written("bool", "The answer is a person's name: the surname alone is accepted.", default=False)

    @property
    def prompt(self) -> str:
        return self.question


@datarecord(kw_only=True)
class Number(CardBase):
    """Either an exact `answer` (with `tolerance`) or a `range` such as years 2000-2015."""

    kind = "number"
    question: str = written("text", "The question.", required=True)
    answer: int | float | None = written("number", "The answer, one number (or give a range instead).", default=None)
    tolerance: int | float = written(
        "not negative", "How far off the answer, or each end of a range, may be and still count.", default=0
    )
    range: NumberRange | None = written(
        "range", "The answer is a range such as the years 2000-2015; the learner gives both ends.", default=None
    )
    unit: str | None = written("text", "Shown after the input, e.g. years or km.", default=None)

    @property
    def prompt(self) -> str:
        return self.question


GAP_RE = re.compile(r"\{\{(.*?)\}\}")


@datarecord(kw_only=True)
class Cloze(CardBase):
    """A text with gaps written `{{answer}}` or `{{answer|alternative}}`."""

    kind = "cloze"
    text: str = written("text", "Text with gaps written {{answer}} or {{answer|alternative}}.", required=True)

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


@datarecord(kw_only=True)
class Order(CardBase):
    """`items` are written in the correct order; they are shuffled when shown."""

    kind = "order"
    question: str = written("text", "The question.", required=True)
    items: tuple[str, ...] = written("items", "The items in the right order; they are shuffled when asked.", required=True)

    @property
    def prompt(self) -> str:
        return self.question


@datarecord(kw_only=True)
class Match(CardBase):
    """`pairs` map each left item to its right partner."""

    kind = "match"
    question: str = written("text", "The question.", required=True)
    pairs: tuple[tuple[str, str], ...] = written("pairs", "left: right lines; the right sides are shuffled.", required=True)

    @property
    def prompt(self) -> str:
        return self.question


Card = Flashcard | Choice | Multi | TrueFalse | TypedAnswer | Number | Cloze | Order | Match
CARD_TYPES: dict[str, type[CardBase]] = {
    cls.kind: cls for cls in (Flashcard, Choice, Multi, TrueFalse, TypedAnswer, Number, Cloze, Order, Match)
}
KINDS: tuple[str, ...] = tuple(CARD_TYPES)


@datarecord
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
