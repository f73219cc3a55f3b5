"""Deck files -> the deck model, with every problem reported at once.

`load_deck` never raises anything but `DeckError` for a bad file: not UTF-8,
too large, empty, not YAML, or YAML that does not follow the deck format.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..i18n import _
from ..readfile import Unreadable, read_limited
from .cards import settings_from
from .errors import DeckError, Problem
from .format import CARD_LIST, TOP, CardsRead
from .limits import FACTS_SUFFIXES, MAX_BYTES
from .model import Deck, Source
from .yamlnodes import MappingNode, Node, Reader, ScalarNode, compose, compose_streaming, describe, top_keys

FACTS_KEYS = frozenset({"languages", "facts"})  # what a facts file has at the top and a deck has not


class FactsFileGiven(DeckError):
    """A facts file where a deck was expected: it is checked by `quiz generate`, not read as a deck."""

    def __init__(self, path: str, line: int = 0, column: int = 0):
        message = _("this is a facts file, not a deck: run `quiz generate {path} -o DECK.yaml` to make a deck from it").format(path=path)
        super().__init__([Problem(path, line, column, message)])


def is_facts_root(root: Node | None) -> bool:
    """Does a document's root look like a facts file rather than a deck?"""
    keys = top_keys(root)
    return keys >= FACTS_KEYS and "cards" not in keys


def load_deck(path: str | os.PathLike[str], data: bytes | None = None) -> Deck:
    """Read and check one deck file (`data`: its bytes, when the caller has read them already)."""
    path = Path(path)
    name = str(path)
    if data is None:
        data = read_deck_bytes(path)
    if path.name.endswith(FACTS_SUFFIXES):
        raise FactsFileGiven(name)
    return replace(load_text(decode(data, name), name), path=path)


def read_deck_bytes(path: Path) -> bytes:
    """A deck file's bytes: a regular file of at most MAX_BYTES, or a DeckError saying why not."""
    try:
        return read_limited(path, MAX_BYTES)
    except Unreadable as exc:
        reason = _("is a folder, not a deck file") if exc.folder else exc.reason
        raise DeckError([Problem(str(path), 1, 1, reason)]) from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is allowed), or a DeckError pointing at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = _("the file is not UTF-8 text (byte {byte}); save it as UTF-8").format(byte=f"0x{data[exc.start]:02x}")
        raise DeckError([Problem(name, line, column, message)]) from None


def load_text(text: str, path: str = "<string>") -> Deck:
    """Check deck text and build the model; DeckError lists every problem."""
    with _collector_paused():
        return _load_text(text, path)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a deck is built.

    A large deck allocates hundreds of thousands of nodes that all stay alive
    until the model is built; the collector would rescan them again and again
    (4x the time of a 10,000-card deck). Nothing built here is garbage.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_text(text: str, path: str) -> Deck:
    if len(text) > MAX_BYTES:
        most = MAX_BYTES // (1024 * 1024)
        raise DeckError([Problem(path, 1, 1, _("the text is too large (at most {count} MB)").format(count=most))])
    r = Reader(path)
    # Each card is checked as soon as it is composed, and its nodes let go: memory follows one card, not the deck.
    cards = CardsRead(CARD_LIST, r, forget=True)
    r.streamed = cards
    root = compose_streaming(text, path, "cards", cards.add)
    if root is None:
        raise DeckError([Problem(path, 1, 1, _("the file is empty; a deck starts with 'deck:' and 'cards:'"))])
    if is_facts_root(root):  # found by its content: a place in the text, like every problem load_text reports
        raise FactsFileGiven(path, root.start_mark.line + 1, root.start_mark.column + 1)
    if not isinstance(root, MappingNode):
        r.problem(root, _("a deck file must start with 'deck:' and 'cards:' lines, not {given}").format(given=describe(root)))
        raise DeckError(dict.fromkeys(r.problems))
    values = TOP.read_fields(r, root, _(TOP.title))

    if values is None or r.problems:  # problems of cards were found while composing, before these fields were read
        raise DeckError(dict.fromkeys(r.problems))
    head = values["deck"]
    source = head.get("source")
    return Deck(
        id=head["id"],
        title=head["title"],
        cards=values["cards"],
        version=head.get("version", "1"),
        language=head.get("language"),
        description=head.get("description"),
        author=head.get("author"),
        source=Source(**source) if source is not None else None,
        tags=head.get("tags", ()),
        settings=settings_from(head.get("settings")),
    )


def deck_id_place(path: Path) -> tuple[int, int]:
    """Line and column of the `id:` value under `deck:` in a deck file that loads (1, 1 if it cannot be found)."""
    try:
        root = compose(decode(read_deck_bytes(path), str(path)), str(path))
    except (OSError, DeckError):
        return 1, 1
    ident = _value_of(_value_of(root, "deck"), "id")
    if ident is None:
        return 1, 1
    return ident.start_mark.line + 1, ident.start_mark.column + 1


def _value_of(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)
