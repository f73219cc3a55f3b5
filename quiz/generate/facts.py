"""The facts model: what a teacher's facts file means, independent of YAML.

A facts file holds an article's entities (typed: people, countries, years...),
relations with question templates in every deck language, and facts that link
entities through a relation, each backed by a verbatim quote from the article.
The generator turns these into cards; nothing here knows about cards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path

from quiz.deck.datarecord import datarecord

Localized = dict[str, str]
"""One text per deck language, e.g. {"de": "Kolumbien", "en": "Colombia"}."""

NUMBER_TYPES: tuple[str, ...] = ("year", "age", "number")
"""Slot types whose values are whole numbers written in the fact itself."""
TEXT_TYPE = "text"
"""Slot type whose value is a text per language, e.g. the words somebody said."""
LITERAL_TYPES: tuple[str, ...] = (*NUMBER_TYPES, TEXT_TYPE)

FORMS: tuple[str, ...] = ("short", "gen", "nom", "acc", "dat", "role")
"""What a template may ask of an entity: `{slot}` is its name, `{slot.gen}` its genitive..."""


@datarecord
class Entity:
    """A person, country, city, organisation... that facts talk about."""

    id: str
    type: str
    name: Localized
    short: Localized | None = None
    forms: dict[str, Localized] = field(default_factory=dict)  # form -> language -> text
    mentions: tuple[str, ...] = ()  # how the article names it (source language)
    also: tuple[str, ...] = ()  # further accepted typed answers
    role: Localized | None = None
    groups: tuple[str, ...] = ()  # categories (us-official, colombian-city): wrong options share one with the answer
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)

    def label(self, language: str) -> str:
        return self.name[language]

    def short_label(self, language: str) -> str:
        return (self.short or self.name)[language]


@datarecord
class Relation:
    """A kind of statement, with its sentence and questions in every language.

    `says[lang]` is the statement ("{speaker} called {target} a drug dealer.");
    `ask[slot][lang]` the question whose answer is that slot. Slots without a
    question are never asked for.
    """

    id: str
    slots: dict[str, str]  # slot -> entity type or literal type
    says: Localized
    ask: dict[str, Localized]
    symmetric: bool = False
    typed: tuple[str, ...] = ()  # slots also asked as a typed answer, not only as a choice
    swap: tuple[str, ...] = ()  # slots a false statement may change (a changed year range can still be half true)
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


Value = str | int | dict[str, str]
"""An argument: an entity id, a number (years, ages) or a text per language."""


@datarecord
class Fact:
    """One thing the article says, with the quote that says it.

    A fact either links entities through a relation (`relation`, `args`) or is
    a plain statement that only makes a cloze card (then `explain` is needed).
    `refs` names words of the quote that stand for an entity not named there
    ("ihn" -> petro). `false` picks the swap that makes the false statement;
    `avoid` keeps entities out of wrong options and swaps. `accept` adds
    answers every card made from the fact takes; `matching` makes its cards
    stricter where one letter is the point.
    """

    id: str
    quote: str
    relation: str | None = None
    args: dict[str, Value] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    cloze: Localized | None = None
    explain: Localized | None = None
    false: dict[str, Value] = field(default_factory=dict)
    avoid: tuple[str, ...] = ()  # entities never offered as wrong options here (e.g. true outside the article)
    tags: tuple[str, ...] = ()
    accept: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    """Further typed answers, per slot name or cloze gap answer, per language: {"opponent": {"de": ("Ecuador",)}}."""
    matching: str | None = None  # "strict" or "exact": the fact's typed cards and cloze forgive no typos
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@datarecord
class Event:
    fact: str
    label: Localized


@datarecord
class Timeline:
    """Facts in the order they happened, asked as one order card."""

    id: str
    question: Localized
    events: tuple[Event, ...]
    explain: Localized | None  # None: the generator states the events' facts in order
    tags: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@datarecord
class Article:
    title: str
    date: dt.date
    file: Path  # absolute
    language: str
    text: str


@datarecord
class Facts:
    """A whole facts file. Dict orders follow the file, so output is deterministic."""

    path: Path
    deck_id: str
    languages: tuple[str, ...]
    title: Localized
    description: Localized | None
    author: str | None
    tags: tuple[str, ...]
    article: Article
    entities: dict[str, Entity]
    relations: dict[str, Relation]
    facts: tuple[Fact, ...]
    timelines: tuple[Timeline, ...] = ()

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)
