"""YAML text -> node tree, safely, keeping the line and column of every value.

Decks are composed, never constructed: PyYAML's composer (the C one when
libyaml is present) only builds a tree of nodes with positions, so nothing in
a deck can create Python objects, and an alias is just a second reference to
the same node. The loader then reads that tree by the deck format, so it only
descends where the format expects structure and an alias bomb is never
expanded. Merge keys (`<<`) are flattened with a memo for the same reason.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

# isort: off
from . import yamlimport  # noqa: F401 - before `yaml`: PyYAML imported for less
import yaml
# isort: on
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.error import Mark
from yaml.events import MappingEndEvent, SequenceEndEvent, SequenceStartEvent
from yaml.nodes import MappingNode as MappingNode
from yaml.nodes import Node as Node
from yaml.nodes import ScalarNode as ScalarNode
from yaml.nodes import SequenceNode as SequenceNode
from yaml.resolver import Resolver

from ..i18n import _
from .errors import DeckError, Problem

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Any

try:  # libyaml is several times faster; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, text: str):
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

        def dispose(self) -> None:
            pass

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
PLAIN_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP})
KNOWN_TAGS = PLAIN_TAGS | {SEQ, MAP, MERGE}

_constructor = SafeConstructor()


def compose(text: str, path: str) -> Node | None:
    """The document's root node, or None for an empty document; DeckError on bad YAML."""
    return _composed(lambda: yaml.compose(text, Loader=_Loader), text, path)


def compose_streaming(text: str, path: str, key: str, on_item: Callable[[Node], None]) -> Node | None:
    """`compose`, except that each item of the list under `key` in the top mapping goes to `on_item` when composed.

    The item's nodes are then let go, so a deck of 50,000 cards never holds
    50,000 cards' nodes (with two position marks each) at once. The list's node
    is a `StreamedSequence`, counting its items; one with an explicit tag or an
    anchor, a second list under the same key, and lists anywhere else are
    composed as usual. An anchor inside an item stays alive for later aliases.
    A YAML error after some items raises DeckError as `compose` does.
    """

    def run() -> Node | None:
        composer = _StreamingComposer(text, key, on_item)
        try:
            return composer.get_single_node()
        finally:
            composer.dispose()

    return _composed(run, text, path)


def _composed(compose_now: Callable[[], Node | None], text: str, path: str) -> Node | None:
    try:
        return compose_now()
    except yaml.MarkedYAMLError as exc:
        from . import yamlerrors  # only for a file that is not YAML: a good one does without it

        place, message = yamlerrors.explain(exc, text)
        raise DeckError([Problem(path, place.line, place.column, message)]) from None
    except yaml.YAMLError as exc:  # reader errors (e.g. a forbidden character) carry a position too
        line = getattr(exc, "line", None)
        column = getattr(exc, "column", None)
        text_line, text_column = _line_of_offset(text, getattr(exc, "position", 0) or 0)
        message = _("not readable as YAML: {error}").format(error=exc).splitlines()[0]
        if line is not None and column is not None:
            text_line, text_column = line + 1, column + 1
        raise DeckError([Problem(path, text_line, text_column, message)]) from None
    except RecursionError:
        raise DeckError([Problem(path, 1, 1, _("the YAML is nested too deeply"))]) from None


class StreamedSequence(SequenceNode):
    """A list whose items were handed over one by one as they were composed: `value` stays empty, `items` counts them."""

    def __init__(self, tag: str, start_mark: Mark, flow_style: bool | None):
        super().__init__(tag, [], start_mark, start_mark, flow_style=flow_style)
        self.items = 0


class _StreamingComposer(_Parser, Composer, Resolver):
    """PyYAML's own composer (in Python) over the C parser's events, streaming one list of the top mapping."""

    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document

    def __init__(self, text: str, key: str, on_item: Callable[[Node], None]):
        _Parser.__init__(self, text)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._key = key
        self._on_item = on_item
        self._top = False
        self._streamed = False

    # PyYAML's composer and its events are typed loosely by its stubs: events are read as `Any` here.

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        self._top = parent is None  # the document's root: the next node composed
        node = Composer.compose_node(self, parent, index)
        assert node is not None  # a document's node, never the end of the stream
        return node

    def compose_mapping_node(self, anchor: Any) -> MappingNode:
        top, self._top = self._top, False
        if not top:
            return Composer.compose_mapping_node(self, anchor)
        start: Any = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self._resolve(MappingNode, None, start.implicit)
        node = MappingNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        while not self.check_event(MappingEndEvent):
            key = self.compose_node(node, None)
            value = self._stream(node, key) if self._streams(key) else self.compose_node(node, key)
            node.value.append((key, value))
        end: Any = self.get_event()
        node.end_mark = end.end_mark
        return node

    def _resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        resolved: str = Resolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]
        return resolved

    def _streams(self, key: Node) -> bool:
        if self._streamed or not isinstance(key, ScalarNode) or key.tag != STR or key.value != self._key:
            return False
        if not self.check_event(SequenceStartEvent):
            return False
        event: Any = self.peek_event()
        return event.anchor is None and event.tag in (None, "!")

    def _stream(self, parent: Node, key: Node) -> StreamedSequence:
        self._streamed = True
        self.descend_resolver(parent, key)
        start: Any = self.get_event()
        node = StreamedSequence(self._resolve(SequenceNode, None, start.implicit), start.start_mark, start.flow_style)
        while not self.check_event(SequenceEndEvent):
            item = self.compose_node(node, node.items)
            node.items += 1
            self._on_item(item)
        end: Any = self.get_event()
        node.end_mark = end.end_mark
        self.ascend_resolver()
        return node


def _line_of_offset(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


class BadScalar(ValueError):
    """A scalar PyYAML resolved to a type it then cannot build (e.g. an impossible date)."""


MAX_NUMBER_CHARS = 100
"""A number written with more characters than this is refused before it is converted (Python
refuses 4301 digits with an exception, and a 400-digit tolerance cannot become a float)."""


def scalar_value(node: ScalarNode) -> object:
    """The plain Python value of a scalar, by its resolved tag (str, int, float, bool, None, date).

    Anything PyYAML cannot build from what is written raises `BadScalar`, never another exception.
    """
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == NULL:
        return None
    if tag == BOOL:
        value = _constructor.bool_values.get(node.value.lower())
        if value is None:
            raise BadScalar(_("{given} is not true or false").format(given=short(node.value)))
        return value
    if tag in (INT, FLOAT) and len(node.value) > MAX_NUMBER_CHARS:
        raise BadScalar(
            _("the number {given} is too long (more than {count} characters)").format(given=short(node.value), count=MAX_NUMBER_CHARS)
        )
    if tag == INT:
        value = node.value
        if value.isdigit() and (len(value) == 1 or value[0] != "0"):
            return int(value)
        return _build(_constructor.construct_yaml_int, node)
    if tag == FLOAT:
        return _build(_constructor.construct_yaml_float, node)
    if tag == TIMESTAMP:
        return _build(_constructor.construct_yaml_timestamp, node)
    raise BadScalar(_("the YAML tag {tag} is not allowed in a deck").format(tag=show_tag(tag)))


def clip(text: str, limit: int = 40) -> str:
    """A value for a message, cut to `limit` characters: a message stays one readable line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short(text: str, limit: int = 40) -> str:
    """A value quoted for a message, cut to `limit` characters."""
    return repr(clip(text, limit))


def show_tag(tag: str) -> str:
    """A tag as written in YAML: `!!python/object` rather than its full URI."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else short(tag)


def _build(construct, node: ScalarNode) -> object:  # type: ignore[no-untyped-def]
    """PyYAML's constructor for the tag; what it fails with (a bad date, `!!int x`) becomes BadScalar."""
    try:
        return construct(node)
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError, IndexError) as exc:
        raise BadScalar(
            _("{given} cannot be read as {tag} ({error})").format(given=short(node.value), tag=show_tag(node.tag), error=str(exc)[:80])
        ) from None


def is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def describe(node: Node) -> str:
    """What a teacher wrote, in words, for 'must be X, not Y' messages."""
    if isinstance(node, MappingNode):
        return _("a mapping (key: value lines)")
    if isinstance(node, SequenceNode):
        return _("a list")
    if node.tag == NULL:
        return _("empty")
    try:
        value = scalar_value(node)  # type: ignore[arg-type]
    except BadScalar:
        return short(node.value) if node.value else _("an empty {tag}").format(tag=show_tag(node.tag))
    if isinstance(value, bool):
        return _("{value} (true/false)").format(value=node.value)
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=node.value)
    if isinstance(value, dt.date):
        return _("the date {value}").format(value=node.value)
    text = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f'"{text}"'


def top_keys(node: Node | None) -> frozenset[str]:
    """The plain keys of a mapping (nothing for anything else): enough to tell a deck from a facts file."""
    if not isinstance(node, MappingNode):
        return frozenset()
    return frozenset(key.value for key, _ in node.value if isinstance(key, ScalarNode))


def merged_pairs(
    node: MappingNode,
    memo: dict[int, list[tuple[Node, Node]]],
    problem: Callable[[Node, str], None] | None = None,
) -> list[tuple[Node, Node]]:
    """A mapping's (key, value) pairs with `<<` merges flattened; explicit keys win.

    Memoised per node so that chains of merges of merges stay linear (and a
    merge of something that is not a mapping is reported to `problem` once).
    """
    if not any(key.tag == MERGE for key, _value in node.value):
        pairs: list[tuple[Node, Node]] = node.value
        return pairs
    cached = memo.get(id(node))
    if cached is not None:
        return cached
    memo[id(node)] = []  # a merge cycle ends here instead of recursing forever
    explicit: list[tuple[Node, Node]] = []
    inherited: list[tuple[Node, Node]] = []
    for key, value in node.value:
        if key.tag != MERGE:
            explicit.append((key, value))
            continue
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            if isinstance(source, MappingNode):
                inherited.extend(merged_pairs(source, memo, problem))
            elif problem is not None:
                problem(
                    source,
                    _("a merge key '<<' takes a mapping (e.g. *defaults) or a list of them, not {given}").format(given=describe(source)),
                )

    names = {k.value for k, _ in explicit if isinstance(k, ScalarNode)}
    seen: set[str] = set()
    merged = list(explicit)
    for key, value in inherited:
        name = key.value if isinstance(key, ScalarNode) else None
        if name is not None and (name in names or name in seen):
            continue
        if name is not None:
            seen.add(name)
        merged.append((key, value))
    memo[id(node)] = merged
    return merged


class Reader:
    """Collects problems while the node tree is read; one per file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.merge_memo: dict[int, list[tuple[Node, Node]]] = {}
        self.streamed: object = None
        """What read the items of a `StreamedSequence` as they were composed (see `compose_streaming`)."""

    def problem(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))
