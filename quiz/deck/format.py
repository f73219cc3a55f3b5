"""The deck format, declared once.

Each field has a type that knows two things: how to read a YAML node
(recording a teacher-readable problem when the node is wrong) and how to
describe itself as JSON Schema. The loader reads decks by these declarations
and `quiz schema` prints the schema generated from them, so the two cannot
drift apart. Rules that span fields (the answer is not a distractor, min <=
max, ...) live in the loader; the schema states those it can.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import field

from ..i18n import N_, _, ngettext, number
from ..shown import CONTROL_RE, INVISIBLE_RE
from .cards import build_card
from .datarecord import datarecord
from .durations import DURATION_RE, format_duration, parse_duration
from .model import CARD_TYPES, KINDS, MATCHING_MODES, Card, CardBase, NumberRange, Option, Settings, written_fields
from .yamlnodes import (
    BOOL,
    FLOAT,
    INT,
    KNOWN_TAGS,
    MAP,
    NULL,
    PLAIN_TAGS,
    SEQ,
    STR,
    TIMESTAMP,
    BadScalar,
    MappingNode,
    Node,
    Reader,
    ScalarNode,
    SequenceNode,
    StreamedSequence,
    clip,
    describe,
    is_finite_number,
    merged_pairs,
    scalar_value,
    short,
    show_tag,
)

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Any

    JSON = dict[str, Any]

MAX_TEXT_CHARS = 10_000
"""The longest text a deck field may hold: a long paragraph. A screen-filling question is
still shown at once; a megabyte one would freeze the app on every screen that shows it."""
MAX_ID_CHARS = 200
MAX_STEP = dt.timedelta(days=365)
"""The longest learning or relearning step: the scheduler adds steps to dates, which end in year 9999."""
MAX_NUMBER = 1e100
"""The largest number (in size) a number card may hold: any larger would lose its digits as a float."""
MAX_COUNT = 1_000_000
_UNSHOWN = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff"
_CONTROL_FREE = f"[^{_UNSHOWN}]"
TEXT_PATTERN = f"^{_CONTROL_FREE}*[^\\s{_UNSHOWN}]{_CONTROL_FREE}*$"
ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]*$"
ID_RE = re.compile(ID_PATTERN, re.ASCII)
LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LANGUAGE_RE = re.compile(LANGUAGE_PATTERN, re.ASCII)


def text_problem(name: str, text: str, max_chars: int = MAX_TEXT_CHARS) -> str | None:
    """What is wrong with the deck text `name` holds ('NAME contains ...', 'NAME is too long ...'), or None."""
    if len(text) > max_chars:
        return _("{name} is too long ({count} characters; at most {most})").format(
            name=name, count=number(len(text), ",d"), most=number(max_chars, ",d")
        )
    bad = CONTROL_RE.search(text)
    if bad is not None:
        return _("{name} contains the control character {code}; decks hold plain text only").format(
            name=name, code=f"U+{ord(bad.group()):04X}"
        )
    bad = INVISIBLE_RE.search(text)
    if bad is not None:
        return _(
            "{name} contains the invisible character {code} (a direction mark or zero-width space); decks hold plain text only"
        ).format(name=name, code=f"U+{ord(bad.group()):04X}")
    return None


class Type:
    """A field type: reads a node (None on failure) and describes itself as JSON Schema."""

    def to_model(self, value: Any) -> Any:
        """The value as the model keeps it (what `read` gives, turned into the model's objects)."""
        return value

    def dump(self, value: Any) -> Any:
        """The model's value as a deck file writes it: `read` gives it back."""
        return value

    def read(self, r: Reader, node: Node, name: str) -> Any:
        raise NotImplementedError

    def schema(self) -> JSON:
        raise NotImplementedError


def _wrong(r: Reader, node: Node, name: str, wanted: str) -> None:
    """Record 'NAME must be WANTED, not WHAT-WAS-WRITTEN' (or that a YAML tag is not allowed); `wanted` is translated."""
    if node.tag not in KNOWN_TAGS:
        r.problem(node, _("{name}: the YAML tag {tag} is not allowed in a deck").format(name=name, tag=show_tag(node.tag)))
    else:
        r.problem(node, _("{name} must be {wanted}, not {given}").format(name=name, wanted=wanted, given=describe(node)))


def _scalar(r: Reader, node: Node, name: str, wanted: str) -> Any:
    """The value of a scalar node, or None (with a problem) for lists, mappings and odd tags."""
    if not isinstance(node, ScalarNode):
        _wrong(r, node, name, wanted)
        return None
    try:
        return scalar_value(node)
    except BadScalar as exc:
        r.problem(node, f"{name}: {exc}")
        return None


@datarecord
class Text(Type):
    """Plain text; numbers, dates and true/false count as the text they are written as."""

    description: str = N_("text")
    pattern: re.Pattern[str] | None = None
    pattern_help: str = ""
    max_chars: int = MAX_TEXT_CHARS

    def read(self, r: Reader, node: Node, name: str) -> str | None:
        if not isinstance(node, ScalarNode):
            _wrong(r, node, name, _(self.description))
            return None
        if node.tag not in PLAIN_TAGS:
            _wrong(r, node, name, _("text"))
            return None
        text = "" if node.tag == NULL else node.value.strip()
        if not text:
            r.problem(node, _("{name} is empty").format(name=name))
            return None
        problem = text_problem(name, text, self.max_chars)
        if problem is not None:
            r.problem(node, problem)
            return None
        if self.pattern is not None and not self.pattern.fullmatch(text):
            r.problem(node, _("{name} is not valid ({given}): {help}").format(name=name, given=short(text), help=_(self.pattern_help)))
            return None
        return text

    def schema(self) -> JSON:
        if self.pattern is None:
            return {"$ref": TEXT_REF}
        return {"type": ["string", "number", "boolean"], "pattern": self.pattern.pattern, "maxLength": self.max_chars}


TEXT_REF = "#/$defs/text"
TEXT_SCHEMA: JSON = {
    "description": "Plain text, shown as written; numbers and true/false count as the text they are written as.",
    "type": ["string", "number", "boolean"],
    "pattern": TEXT_PATTERN,
    "maxLength": MAX_TEXT_CHARS,
}


IDENT = Text(
    N_("an id"),
    ID_RE,
    N_("use letters, digits, '-', '_' and '.', starting with a letter or digit"),
    MAX_ID_CHARS,
)
LANGUAGE = Text(N_("a language code"), LANGUAGE_RE, N_("use a language code such as en, de or pt-BR"), MAX_ID_CHARS)


@datarecord
class Bool(Type):
    def read(self, r: Reader, node: Node, name: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == BOOL:
            value = _scalar(r, node, name, _("true or false"))
            return None if value is None else bool(value)
        _wrong(r, node, name, _("true or false"))
        return None

    def schema(self) -> JSON:
        return {"type": "boolean"}


@datarecord
class Integer(Type):
    minimum: int = 0
    maximum: int = MAX_COUNT

    def read(self, r: Reader, node: Node, name: str) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == INT:
            value = _scalar(r, node, name, _("a whole number"))
            if value is None:
                return None
            if value < self.minimum:
                r.problem(node, _("{name} must be at least {minimum}, not {given}").format(name=name, minimum=self.minimum, given=value))
                return None
            if value > self.maximum:
                most = number(self.maximum, ",d")
                r.problem(node, _("{name} must be at most {maximum}, not {given}").format(name=name, maximum=most, given=clip(node.value)))
                return None
            return int(value)
        _wrong(r, node, name, _("a whole number"))
        return None

    def schema(self) -> JSON:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@datarecord
class Number(Type):
    """A finite number; optionally bounded (bounds are exclusive where said)."""

    minimum: float | None = None
    exclusive_min: float | None = None
    exclusive_max: float | None = None

    def read(self, r: Reader, node: Node, name: str) -> int | float | None:
        if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT):
            value: int | float | None = _scalar(r, node, name, _("a number"))
            if value is None:
                return None
            if not is_finite_number(value):
                r.problem(node, _("{name} must be a finite number, not {given}").format(name=name, given=clip(node.value)))
                return None
            if abs(value) > MAX_NUMBER:
                bounds = _("between {low} and {high}").format(low=f"-{MAX_NUMBER:g}", high=f"{MAX_NUMBER:g}")
                r.problem(node, _("{name} must be {bounds}, not {given}").format(name=name, bounds=bounds, given=clip(node.value)))
                return None
            if self.minimum is not None and value < self.minimum:
                r.problem(node, _("{name} must be at least {minimum}, not {given}").format(name=name, minimum=f"{self.minimum:g}", given=node.value))
                return None
            if self.exclusive_min is not None and value <= self.exclusive_min:
                r.problem(node, _("{name} must be {bounds}, not {given}").format(name=name, bounds=self._bounds(), given=node.value))
                return None
            if self.exclusive_max is not None and value >= self.exclusive_max:
                r.problem(node, _("{name} must be {bounds}, not {given}").format(name=name, bounds=self._bounds(), given=node.value))
                return None
            return value
        _wrong(r, node, name, _("a number"))
        return None

    def _bounds(self) -> str:
        if self.exclusive_min is not None and self.exclusive_max is not None:
            return _("between {low} and {high}").format(low=f"{self.exclusive_min:g}", high=f"{self.exclusive_max:g}")
        if self.exclusive_min is not None:
            return _("greater than {low}").format(low=f"{self.exclusive_min:g}")
        return _("less than {high}").format(high=f"{self.exclusive_max:g}")

    def schema(self) -> JSON:
        out: JSON = {"type": "number", "maximum": MAX_NUMBER}
        if self.minimum is None:
            out["minimum"] = -MAX_NUMBER
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.exclusive_min is not None:
            out["exclusiveMinimum"] = self.exclusive_min
        if self.exclusive_max is not None:
            out["exclusiveMaximum"] = self.exclusive_max
        return out


@datarecord
class Enum(Type):
    values: tuple[str, ...]

    def read(self, r: Reader, node: Node, name: str) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == STR and node.value in self.values:
            return str(node.value)
        given = node.value if isinstance(node, ScalarNode) else describe(node)
        r.problem(
            node,
            _("{name} must be one of {values}, not {given}{suggestion}").format(
                name=name, values=", ".join(self.values), given=short(given), suggestion=did_you_mean(given[:100], self.values)
            ),
        )
        return None

    def schema(self) -> JSON:
        return {"enum": list(self.values)}


@datarecord
class Date(Type):
    def read(self, r: Reader, node: Node, name: str) -> dt.date | None:
        if isinstance(node, ScalarNode) and node.tag in (TIMESTAMP, STR):
            value: Any = None
            try:
                value = scalar_value(node)
                if isinstance(value, str):
                    value = dt.date.fromisoformat(value.strip())
            except (BadScalar, ValueError):
                value = None
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
        _wrong(r, node, name, _("a date written like 2026-02-03"))
        return None

    def schema(self) -> JSON:
        return {"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"}


@datarecord
class Duration(Type):
    maximum: dt.timedelta = MAX_STEP

    def read(self, r: Reader, node: Node, name: str) -> dt.timedelta | None:
        if isinstance(node, ScalarNode) and node.tag == STR and DURATION_RE.match(node.value):
            try:
                value = parse_duration(node.value, self.maximum)
            except ValueError as exc:
                r.problem(node, f"{name}: {exc}")
                return None
            if value > dt.timedelta(0):
                return value
        _wrong(r, node, name, _("a duration like 30s, 10m, 1h or 2d"))
        return None

    def dump(self, value: Any) -> Any:
        return format_duration(value)

    def schema(self) -> JSON:
        return {"type": "string", "pattern": DURATION_RE.pattern.replace("(\\d+)", "(0*[1-9]\\d*)")}


@datarecord
class ListOf(Type):
    item: Type
    min_items: int = 0
    example: str = "[first, second]"
    unique: bool = False  # the loader checks this itself, ignoring case; the schema can say it exactly

    def read(self, r: Reader, node: Node, name: str) -> tuple[Any, ...] | None:
        if not isinstance(node, SequenceNode) or node.tag != SEQ:
            _wrong(r, node, name, _("a list such as {example}").format(example=self.example))
            return None
        if len(node.value) < self.min_items:
            needs = ngettext("{name} needs at least {count} item", "{name} needs at least {count} items", self.min_items)
            r.problem(node, needs.format(name=name, count=self.min_items))
            return None
        before = len(r.problems)
        label = _("an item of {name}").format(name=name)
        items = tuple(self.item.read(r, item, label) for item in node.value)
        return items if len(r.problems) == before else None

    def to_model(self, value: Any) -> Any:
        return tuple(self.item.to_model(item) for item in value)

    def dump(self, value: Any) -> Any:
        return [self.item.dump(item) for item in value]

    def schema(self) -> JSON:
        out: JSON = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return out


@datarecord
class Pairs(Type):
    """A mapping of left item -> right item (match cards); order is kept."""

    def dump(self, value: Any) -> Any:
        return {left: right for left, right in value}

    min_items: int = 2

    def read(self, r: Reader, node: Node, name: str) -> tuple[tuple[str, str], ...] | None:
        if not isinstance(node, MappingNode) or node.tag != MAP:
            _wrong(r, node, name, _("a mapping of left: right lines"))
            return None
        before = len(r.problems)
        out: list[tuple[str, str]] = []
        seen: dict[str, int] = {}
        for key, value in merged_pairs(node, r.merge_memo, r.problem):
            left = TEXT.read(r, key, _("a left side in {name}").format(name=name))
            right = TEXT.read(r, value, _("a right side in {name}").format(name=name))
            if left is None or right is None:
                continue
            folded = left.casefold()
            if folded in seen:
                r.problem(key, _("{name} has {left} twice (first on line {line})").format(name=name, left=repr(left), line=seen[folded]))
                continue
            seen[folded] = key.start_mark.line + 1
            out.append((left, right))
        if len(r.problems) != before:
            return None
        if len(out) < self.min_items:
            needs = ngettext("{name} needs at least {count} pair", "{name} needs at least {count} pairs", self.min_items)
            r.problem(node, needs.format(name=name, count=self.min_items))
            return None
        return tuple(out)

    def schema(self) -> JSON:
        return {
            "type": "object",
            "minProperties": self.min_items,
            "propertyNames": {"pattern": TEXT_PATTERN},
            "additionalProperties": TEXT.schema(),
        }


@datarecord
class Field:
    name: str
    type: Type
    description: str
    required: bool = False


@datarecord
class Record(Type):
    """A mapping with known fields; unknown ones get a 'did you mean'."""

    title: str
    fields: tuple[Field, ...]
    shorthand: Type | None = None  # e.g. an option may be written as plain text
    elsewhere: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Field name -> where it belongs instead: a text marked for translation, and the value of its `{fields}`."""
    free_prefix: str | None = None  # fields starting with it are ignored (room for YAML anchors)
    def_name: str | None = None  # in the schema: a shared definition under $defs, referred to by name
    model: Callable[..., Any] | None = None  # the model's class for it, built from the fields by name
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    def read(self, r: Reader, node: Node, name: str) -> dict[str, Any] | None:
        if isinstance(node, ScalarNode) and self.shorthand is not None:
            value = self.shorthand.read(r, node, name)
            return None if value is None else {self.fields[0].name: value}
        if not isinstance(node, MappingNode) or node.tag != MAP:
            _wrong(r, node, name, _("a mapping ('name: value' lines)"))
            return None
        return self.read_fields(r, node, _(self.title))

    def read_fields(self, r: Reader, node: MappingNode, what: str) -> dict[str, Any] | None:
        """Read every field; None if anything was wrong (problems recorded)."""
        before = len(r.problems)
        out: dict[str, Any] = {}
        lines: dict[str, int] = {}
        suggested: set[str] = set()
        by_name = self.by_name
        for key, value in merged_pairs(node, r.merge_memo, r.problem):
            if not isinstance(key, ScalarNode) or not isinstance(key.value, str):
                r.problem(key, _("field names in {what} must be plain words, not {given}").format(what=what, given=describe(key)))
                continue
            name = key.value
            spec = by_name.get(name)
            if spec is None:
                if self.free_prefix is not None and name.startswith(self.free_prefix):
                    continue
                r.problem(key, self.unknown(name, what))
                import difflib  # only for a misspelt field: a deck without one does without it

                suggested.update(difflib.get_close_matches(name, by_name, n=1, cutoff=0.6))
                continue
            if name in lines:
                r.problem(key, _("'{name}' is given twice in {what} (first on line {line})").format(name=name, what=what, line=lines[name]))
                continue
            lines[name] = key.start_mark.line + 1
            value_read = spec.type.read(r, value, f"'{name}'")
            if value_read is not None:
                out[name] = value_read
        for spec in self.fields:
            if spec.required and spec.name not in lines and spec.name not in suggested:
                r.problem(node, _("{what} is missing the required field '{name}'").format(what=what, name=spec.name))
        return out if len(r.problems) == before else None

    def to_model(self, value: Any) -> Any:
        if self.model is None:
            return value
        return self.model(**{name: self.by_name[name].type.to_model(v) for name, v in value.items()})

    def dump(self, value: Any) -> Any:
        """Set fields only; a record that has a shorthand and only its first field is written as that."""
        given = {f.name: getattr(value, f.name) for f in self.fields if getattr(value, f.name) is not None}
        if self.shorthand is not None and list(given) == [self.fields[0].name]:
            return self.shorthand.dump(given[self.fields[0].name])
        return {name: self.by_name[name].type.dump(v) for name, v in given.items()}

    def unknown(self, name: str, what: str) -> str:
        if name in self.elsewhere:
            where, fields_ = self.elsewhere[name]
            elsewhere = _(where).format(fields=fields_)
            return _("'{name}' is not a field of {what}; {elsewhere}").format(name=name, what=what, elsewhere=elsewhere)
        return _("unknown field '{name}' in {what}{suggestion}").format(name=name, what=what, suggestion=did_you_mean(name, self.by_name))

    def schema(self) -> JSON:
        if self.def_name is not None:
            return {"$ref": f"#/$defs/{self.def_name}"}
        return self.definition()

    def definition(self) -> JSON:
        """The full schema, also for records that are referred to by name."""
        out: JSON = {
            "type": "object",
            "properties": {f.name: {"description": f.description, **f.type.schema()} for f in self.fields},
            "additionalProperties": False,
        }
        if self.free_prefix is not None:
            out["patternProperties"] = {f"^{re.escape(self.free_prefix)}": {"description": "Free for YAML anchors."}}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        if self.shorthand is not None:
            return {"anyOf": [self.shorthand.schema(), out]}
        return out


def did_you_mean(name: str, known: Any) -> str:
    """'; did you mean 'x'?' for the closest known name, or ''."""
    import difflib

    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    return _("; did you mean '{name}'?").format(name=close[0]) if close else ""


# ---------------------------------------------------------------- declarations

TEXT = Text()
TEXTS = ListOf(TEXT)

OPTION = Record(
    N_("an option"),
    (
        Field("text", TEXT, "The option as shown.", required=True),
        Field("feedback", TEXT, "Shown to a learner who picks this option."),
    ),
    shorthand=TEXT,
    def_name="option",
    model=Option,
)
OPTIONS = ListOf(OPTION, example="[Nicolás Maduro, Daniel Noboa]", unique=True)

RANGE = Record(
    N_("a range"),
    (
        Field("min", Number(), "Where the range starts, e.g. 2000.", required=True),
        Field("max", Number(), "Where the range ends, e.g. 2015.", required=True),
    ),
    def_name="range",
    model=NumberRange,
)

SOURCE = Record(
    N_("the source"),
    (
        Field("title", TEXT, "Title of the article or book the facts come from."),
        Field("date", Date(), "Publication date, e.g. 2026-02-03."),
        Field("file", TEXT, "Path of the source text."),
        Field("url", TEXT, "Web address of the source."),
    ),
    def_name="source",
)

STEPS = ListOf(Duration(), example="[1m, 10m]")
_CARD_SETTING_FIELDS = (
    Field("retention", Number(exclusive_min=0, exclusive_max=1), "Wanted chance of remembering at review, e.g. 0.9."),
    Field("learning_steps", STEPS, "Waits between the first answers of a new card, e.g. [1m, 10m]."),
    Field("relearning_steps", STEPS, "Waits after a forgotten card, e.g. [10m]."),
    Field(
        "matching",
        Enum(MATCHING_MODES),
        "How typed answers are compared: lenient (case, accents, punctuation and small typos forgiven), "
        "strict (the same but no typos) or exact (as written).",
    ),
    Field("shuffle", Bool(), "Shuffle the options of choice and multi cards (order and match are always mixed up)."),
)
DECK_SETTINGS = Record(
    N_("the deck settings"),
    (
        Field("new_per_day", Integer(), "New cards introduced per day."),
        Field("reviews_per_day", Integer(), "Most reviews per day."),
        *_CARD_SETTING_FIELDS,
    ),
    def_name="deck_settings",
)
CARD_SETTINGS = Record(
    N_("the card settings"),
    _CARD_SETTING_FIELDS,
    elsewhere={
        "new_per_day": (N_("it is set for the whole deck, under deck: settings:"), ""),
        "reviews_per_day": (N_("it is set for the whole deck, under deck: settings:"), ""),
    },
    def_name="card_settings",
    model=Settings,
)

DECK = Record(
    N_("'deck:'"),
    (
        Field("id", IDENT, "Stable id of the deck; progress is kept under it. Never change it.", required=True),
        Field("title", TEXT, "Title shown to learners.", required=True),
        Field("version", Text(N_("a version")), "Version of the deck, shown with results. Default 1."),
        Field("language", LANGUAGE, "Language of the cards, e.g. en or de."),
        Field("description", TEXT, "A few sentences about the deck."),
        Field("author", TEXT, "Who wrote the deck."),
        Field("source", SOURCE, "Where the facts come from."),
        Field("tags", TEXTS, "Tags of the whole deck."),
        Field("settings", DECK_SETTINGS, "Study settings for every card of the deck."),
    ),
)

FORMATS: dict[str, Type] = {
    "text": TEXT,
    "texts": TEXTS,
    "ident": IDENT,
    "bool": Bool(),
    "number": Number(),
    "not negative": Number(minimum=0),
    "options": OPTIONS,
    "answers": ListOf(TEXT, 1, unique=True),
    "items": ListOf(TEXT, 2, unique=True),
    "pairs": Pairs(),
    "range": RANGE,
    "card settings": CARD_SETTINGS,
}
"""The formats a card's field can have, by the name its declaration gives (see `model.Written`)."""

ALSO_WRITTEN: dict[str, dict[str, Field]] = {
    "choice": {"distractors": Field("options", OPTIONS, "All options including the answer (instead of distractors).")},
    "multi": {"distractors": Field("options", OPTIONS, "All options including the answers (instead of distractors).")},
}
"""Fields a teacher may write instead of the model's own (kind -> the field they follow -> the field);
the kind's check in `cards.py` turns them into the model's fields."""

KIND = Field("kind", Enum(KINDS), "The kind of question.", required=True)


def _declared(card_type: type[CardBase], own: bool) -> tuple[Field, ...]:
    """The format of a kind's fields, from their declarations in the model: its own, or those of every card."""
    out: list[Field] = []
    also = ALSO_WRITTEN.get(card_type.kind, {})
    for f, how in written_fields(card_type):
        if (f.name in COMMON_NAMES) == own:
            continue
        out.append(Field(f.name, FORMATS[how.format], how.description, required=how.required))
        if f.name in also:
            out.append(also[f.name])
    return tuple(out)


COMMON_NAMES = frozenset(f.name for f, _ in written_fields(CardBase))
_BASE = _declared(CardBase, own=False)
COMMON = (_BASE[0], KIND, *_BASE[1:])
"""The fields every card has: id and kind first, then the rest (written after the kind's own fields)."""

KIND_FIELDS: dict[str, tuple[Field, ...]] = {kind: _declared(card_type, own=True) for kind, card_type in CARD_TYPES.items()}


def _elsewhere(kind: str) -> dict[str, tuple[str, str]]:
    """For a field another kind has: say which kinds use it."""
    own = {f.name for f in KIND_FIELDS[kind]}
    users: dict[str, list[str]] = {}
    for other, fields_ in KIND_FIELDS.items():
        for f in fields_:
            if f.name not in own:
                users.setdefault(f.name, []).append(other)
    out = {name: (N_("it belongs to {fields} cards"), ", ".join(kinds)) for name, kinds in users.items()}
    for f in _CARD_SETTING_FIELDS:  # a setting written straight on the card
        if f.name not in own:
            out.setdefault(f.name, (N_("it is a setting: write it under settings:, e.g. settings: {{{fields}: ...}}"), f.name))
    return out


def a_kind_card(kind: str) -> str:
    """'a choice card', 'an answer card', 'a flashcard', in the language in use."""
    if kind.endswith("card"):
        return _("a {kind}").format(kind=kind)
    if kind[0] in "aeiou":
        return _("an {kind} card").format(kind=kind)
    return _("a {kind} card").format(kind=kind)


CARDS: dict[str, Record] = {
    kind: Record(a_kind_card(kind), (*COMMON[:2], *fields_, *COMMON[2:]), elsewhere=_elsewhere(kind))
    for kind, fields_ in KIND_FIELDS.items()
}
CARD_FIELD_NAMES = frozenset(f.name for record in CARDS.values() for f in record.fields)


class CardList(Type):
    """The `cards:` list: each card read by its kind, ids unique, built into the model."""

    def read(self, r: Reader, node: Node, name: str) -> tuple[Card, ...] | None:
        if isinstance(node, StreamedSequence) and isinstance(r.streamed, CardsRead):
            if not node.items:
                r.problem(node, _("the deck has no cards; add at least one under 'cards:'"))
                return None
            return r.streamed.result()
        if not isinstance(node, SequenceNode) or node.tag != SEQ:
            _wrong(r, node, name, _("a list of cards (lines starting with '- ')"))
            return None
        if not node.value:
            r.problem(node, _("the deck has no cards; add at least one under 'cards:'"))
            return None
        reading = CardsRead(self, r)
        for item in node.value:
            reading.add(item)
        return reading.result()

    @staticmethod
    def raw_id(r: Reader, node: Node) -> str | None:
        """A card's id as written, before the card is checked, so duplicates show even in broken cards."""
        if isinstance(node, MappingNode):
            for key, value in merged_pairs(node, r.merge_memo, r.problem):
                if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                    return str(value.value).strip()
        return None

    def read_card(self, r: Reader, node: Node) -> Card | None:
        if not isinstance(node, MappingNode) or node.tag != MAP:
            _wrong(r, node, _("each card"), _("a mapping of fields (id:, kind:, ...)"))
            return None
        kind_node = None
        for key, value in merged_pairs(node, r.merge_memo, r.problem):
            if isinstance(key, ScalarNode) and key.value == "kind":
                kind_node = value
                break
        if kind_node is None:
            r.problem(node, _("the card has no 'kind'; write one of: {kinds}").format(kinds=", ".join(KINDS)))
            return None
        kind = kind_node.value if isinstance(kind_node, ScalarNode) else None
        if kind not in CARDS:
            given = describe(kind_node) if kind is None else repr(kind)
            r.problem(
                kind_node,
                _("unknown kind {given}{suggestion} (kinds: {kinds})").format(
                    given=given, suggestion=did_you_mean(str(kind), KINDS), kinds=", ".join(KINDS)
                ),
            )
            return None
        record = CARDS[kind]
        values = record.read_fields(r, node, a_kind_card(kind))
        if values is None:
            return None
        return build_card(r, kind, {name: record.by_name[name].type.to_model(v) for name, v in values.items()}, node)

    def schema(self) -> JSON:
        return {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/card"}}


class CardsRead:
    """The cards of one `cards:` list, read an item at a time (as they are composed, see `compose_streaming`)."""

    def __init__(self, cards: CardList, r: Reader, *, forget: bool = False):
        self.cards = cards
        self.r = r
        self.read: list[Card] = []
        self.first_line: dict[str, int] = {}
        self.failed = False
        self.forget = forget
        """Whether each item's nodes are let go after it is read: then the merge memo, by node id, is too."""

    def add(self, item: Node) -> None:
        r = self.r
        before = len(r.problems)
        card_id = self.cards.raw_id(r, item)
        if card_id is not None and card_id in self.first_line:
            r.problem(
                item,
                _("duplicate card id '{id}' (first used on line {line}); ids must be unique").format(id=card_id, line=self.first_line[card_id]),
            )
        else:
            if card_id is not None:
                self.first_line[card_id] = item.start_mark.line + 1
            card = self.cards.read_card(r, item)
            if card is not None:
                self.read.append(card)
        if self.forget:
            r.merge_memo.clear()
        if len(r.problems) != before:
            self.failed = True

    def result(self) -> tuple[Card, ...] | None:
        return None if self.failed else tuple(self.read)


CARD_LIST = CardList()
TOP = Record(
    N_("the deck file"),

    (
        Field("deck", DECK, "About the deck: id, title, version, source, settings.", required=True),
        Field("cards", CARD_LIST, "The cards.", required=True),
    ),
    free_prefix="x-",
)
