"""Anki packages (.apkg, .colpkg) -> cards: the newest collection inside is read, safely.

A package is a zip holding an SQLite collection: `collection.anki21b`
(zstd-compressed; it comes with a dummy `collection.anki2` that says "please
update Anki"), `collection.anki21` or the legacy `collection.anki2`. Sizes are
capped while inflating, so a zip bomb is refused instead of filling the disk.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO

from quiz.deck.errors import DeckError, Problem

from .anki_notes import NoteType, note_cards
from .harvest import Harvest

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_INFLATED = 512 * 1024 * 1024
MAX_RATIO = 200  # SQLite collections deflate about 5:1; a bomb does 1000:1
RATIO_FREE = 4 * 1024 * 1024  # small members may compress well without suspicion
CHUNK = 1024 * 1024


def read(path: Path, name: str) -> Harvest:
    """Cards of an Anki package; DeckError naming the package when it cannot be read."""
    try:
        with _collection(path, name) as database, closing(sqlite3.connect(f"file:{database}?immutable=1", uri=True)) as db:
            return _harvest(db, name)
    except sqlite3.Error as exc:
        raise DeckError([Problem(name, 0, 0, f"the collection inside is not a readable Anki database ({exc})")]) from None
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise DeckError([Problem(name, 0, 0, f"the collection inside is not laid out as Anki writes it ({exc!r})")]) from None


def _refuse(name: str, message: str) -> DeckError:
    return DeckError([Problem(name, 0, 0, message)])


@contextmanager
def _collection(path: Path, name: str) -> Iterator[str]:
    """The package's collection unpacked into a temporary SQLite file."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _refuse(name, "not an Anki package: the file is not a complete zip archive (a cut-off download?)") from None
    except OSError as exc:
        raise _refuse(name, f"cannot read the file: {exc.strerror or exc}") from None
    with archive, tempfile.TemporaryDirectory(prefix="quiz-import-") as folder:
        names = set(archive.namelist())
        member = next((m for m in COLLECTIONS if m in names), None)
        if member is None:
            raise _refuse(name, "not an Anki package: it holds no collection.anki2, .anki21 or .anki21b")
        target = Path(folder) / "collection.sqlite3"
        info = archive.getinfo(member)
        try:
            with archive.open(info) as source, target.open("wb") as out:
                if member.endswith("b"):
                    _unzstd(_capped(source, info, name), out, name)
                else:
                    for chunk in _capped(source, info, name):
                        out.write(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
            raise _refuse(name, f"the package is damaged ({exc}); export it again from Anki") from None
        yield str(target)


def _capped(source: IO[bytes], info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """A member's bytes in chunks, refused once they grow past the caps (whatever its header claims)."""
    total = 0
    while chunk := source.read(CHUNK):
        total += len(chunk)
        _check(total, info.compress_size, name)
        yield chunk


def _check(total: int, compressed: int, name: str) -> None:
    if total > MAX_INFLATED:
        raise _refuse(name, f"refused: the package inflates to more than {MAX_INFLATED // 2**20} MB (a zip bomb?)")
    if total > RATIO_FREE and total > MAX_RATIO * max(compressed, 1):
        raise _refuse(name, f"refused: the package inflates more than {MAX_RATIO} times its size (a zip bomb?)")


def _unzstd(chunks: Iterator[bytes], out: IO[bytes], name: str) -> None:
    import zstandard

    compressed = 0
    total = 0
    decompressor = zstandard.ZstdDecompressor().decompressobj()
    try:
        for chunk in chunks:
            compressed += len(chunk)
            data = decompressor.decompress(chunk)
            total += len(data)
            _check(total, compressed, name)
            out.write(data)
    except zstandard.ZstdError as exc:
        raise _refuse(name, f"the compressed collection is damaged ({exc}); export it again from Anki") from None


def _notetypes(db: sqlite3.Connection) -> dict[int, NoteType]:
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    models = db.execute("select models from col").fetchone()[0]
    if models and models.strip() not in ("", "{}"):
        return {
            int(key): NoteType(
                m["name"], tuple(f["name"] for f in m["flds"]), tuple((t["qfmt"], t["afmt"]) for t in m["tmpls"])
            )
            for key, m in json.loads(models).items()
        }
    if "notetypes" not in tables:
        raise ValueError("no note types")
    fields: dict[int, list[str]] = {}
    for ntid, name in db.execute("select ntid, name from fields order by ntid, ord"):
        fields.setdefault(ntid, []).append(name)
    templates: dict[int, list[tuple[str, str]]] = {}
    for ntid, config in db.execute("select ntid, config from templates order by ntid, ord"):
        strings = _proto_strings(bytes(config))
        templates.setdefault(ntid, []).append((strings.get(1, ""), strings.get(2, "")))
    return {
        ntid: NoteType(name, tuple(fields.get(ntid, ())), tuple(templates.get(ntid, ())))
        for ntid, name in db.execute("select id, name from notetypes")
    }


def _proto_strings(data: bytes) -> dict[int, str]:
    """The text fields of a protobuf message (a template's config: 1 = question, 2 = answer)."""
    out: dict[int, str] = {}
    i = 0

    def varint() -> int:
        nonlocal i
        shift = value = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while i < len(data):
        key = varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            varint()
        elif wire == 1:
            i += 8
        elif wire == 5:
            i += 4
        elif wire == 2:
            length = varint()
            chunk = data[i : i + length]
            i += length
            if number not in out:
                out[number] = chunk.decode("utf-8", errors="replace")
        else:
            raise ValueError(f"unexpected protobuf wire type {wire}")
    return out


def _deck_names(db: sqlite3.Connection) -> dict[int, str]:
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    if "decks" in tables:
        return {did: name.replace("\x1f", "::") for did, name in db.execute("select id, name from decks")}
    decks = db.execute("select decks from col").fetchone()[0]
    return {int(key): value["name"] for key, value in json.loads(decks).items()}


def _harvest(db: sqlite3.Connection, name: str) -> Harvest:
    harvest = Harvest(name)
    notetypes = _notetypes(db)
    deck_names = _deck_names(db)
    ordinals: dict[int, list[int]] = {}
    note_deck: dict[int, int] = {}
    for nid, ordinal, did in db.execute("select nid, ord, did from cards order by nid, ord"):
        ordinals.setdefault(nid, []).append(ordinal)
        note_deck.setdefault(nid, did)
    used = Counter(deck_names.get(did, "") for did in note_deck.values())
    top = Counter(deck.split("::")[0].strip() for deck in used.elements() if deck and deck != "Default")
    if top:
        harvest.title = top.most_common(1)[0][0]
    several = len(used) > 1
    for nid, guid, mid, tags, flds in db.execute("select id, guid, mid, tags, flds from notes order by id"):
        note = str(nid)
        notetype = notetypes.get(mid)
        if notetype is None:
            harvest.skip(f"its note type {mid} is missing from the package", note=note)
            continue
        if nid not in ordinals:
            harvest.skip("the note has no cards", note=note)
            continue
        card_tags = tuple(t for t in str(tags).split() if t)
        deck = deck_names.get(note_deck[nid], "")
        if several and deck and deck != harvest.title:
            card_tags = (*card_tags, deck)
        for card in note_cards(harvest, note, str(guid), notetype, str(flds).split("\x1f"), card_tags, ordinals[nid]):
            harvest.add(card, note=note)
    return harvest
