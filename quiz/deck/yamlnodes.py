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
from typing import cast

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode as MappingNode
from yaml.nodes import Node as Node
from yaml.nodes import ScalarNode as ScalarNode
from yaml.nodes import SequenceNode as SequenceNode

from . import yamlerrors
from .errors import DeckError, Problem

try:  # libyaml is several times faster; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        place, message = yamlerrors.explain(exc, text)
        raise DeckError([Problem(path, place.line, place.column, message)]) from None
    except yaml.YAMLError as exc:  # reader errors (e.g. a forbidden character) carry a position too
        line = getattr(exc, "line", None)
        column = getattr(exc, "column", None)
        text_line, text_column = _line_of_offset(text, getattr(exc, "position", 0) or 0)
        message = f"not readable as YAML: {exc}".splitlines()[0]
        if line is not None and column is not None:
            text_line, text_column = line + 1, column + 1
        raise DeckError([Problem(path, text_line, text_column, message)]) from None
    except RecursionError:
        raise DeckError([Problem(path, 1, 1, "the YAML is nested too deeply")]) from None


def _line_of_offset(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


class BadScalar(ValueError):
    """A scalar PyYAML resolved to a type it then cannot build (e.g. an impossible date)."""


def scalar_value(node: ScalarNode) -> object:
    """The plain Python value of a scalar, by its resolved tag (str, int, float, bool, None, date)."""
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == INT:
        value = node.value
        if value.isdigit() and (len(value) == 1 or value[0] != "0"):
            return int(value)
        return _build(_constructor.construct_yaml_int, node)
    if tag == FLOAT:
        return _build(_constructor.construct_yaml_float, node)
    if tag == BOOL:
        return _constructor.bool_values[node.value.lower()]
    if tag == NULL:
        return None
    if tag == TIMESTAMP:
        return _build(_constructor.construct_yaml_timestamp, node)
    raise BadScalar(f"the YAML tag {show_tag(tag)} is not allowed in a deck")


def show_tag(tag: str) -> str:
    """A tag as written in YAML: `!!python/object` rather than its full URI."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _build(construct, node: ScalarNode) -> object:  # type: ignore[no-untyped-def]
    try:
        return construct(node)
    except (ValueError, OverflowError) as exc:
        raise BadScalar(f"{node.value!r} cannot be read ({exc})") from None


def is_finite_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def describe(node: Node) -> str:
    """What a teacher wrote, in words, for 'must be X, not Y' messages."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL:
        return "empty"
    try:
        value = scalar_value(node)  # type: ignore[arg-type]
    except BadScalar:
        return repr(node.value)
    if isinstance(value, bool):
        return f"{node.value} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {node.value}"
    if isinstance(value, dt.date):
        return f"the date {node.value}"
    text = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f'"{text}"'


def top_keys(node: Node | None) -> frozenset[str]:
    """The plain keys of a mapping (nothing for anything else): enough to tell a deck from a facts file."""
    if not isinstance(node, MappingNode):
        return frozenset()
    return frozenset(key.value for key, _ in node.value if isinstance(key, ScalarNode))


def merged_pairs(node: MappingNode, memo: dict[int, list[tuple[Node, Node]]]) -> list[tuple[Node, Node]]:
    """A mapping's (key, value) pairs with `<<` merges flattened; explicit keys win.

    Memoised per node so that chains of merges of merges stay linear.
    """
    for key, _ in node.value:
        if key.tag == MERGE:
            break
    else:
        return cast("list[tuple[Node, Node]]", node.value)
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
                inherited.extend(merged_pairs(source, memo))
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

    def problem(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))
