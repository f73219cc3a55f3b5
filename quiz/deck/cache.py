"""Decks checked before, kept compiled: opening an unchanged deck file again skips YAML and the checks.

Reading a deck means parsing YAML and checking every card, and importing the
code that does that costs more than the reading itself. A learner opens the
same few decks again and again, so the checked deck model is kept, pickled, in
the user's own cache folder (never in the data folder, which a class may
share), under a key made of the file's bytes and of the deck code that checked
it. Change either and the file is read and checked again; a cache that cannot
be read or written only makes quiz start as it would without one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .limits import MAX_BYTES
from .model import Deck

ENV_VAR = "QUIZ_CACHE_DIR"
KEEP = 256
"""Entries kept: each edit of a deck file leaves one behind, the oldest go first."""


def cache_dir() -> Path:
    """`$QUIZ_CACHE_DIR`, else the platform's user cache folder for quiz."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("quiz", appauthor=False)) / "decks"


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """The deck code as installed: any edit or upgrade of it makes every entry stale."""
    package = Path(__file__).parent
    stamps = sorted(
        f"{entry.name}:{entry.stat().st_mtime_ns}:{entry.stat().st_size}"
        for entry in os.scandir(package)
        if entry.name.endswith(".py")
    )
    return "\n".join([sys.version, str(pickle.HIGHEST_PROTOCOL), *stamps]).encode()


def _entry(folder: Path, data: bytes) -> Path:
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(data)
    return folder / f"{digest.hexdigest()}.pickle"


def read_deck(path: str | os.PathLike[str]) -> Deck:
    """`loader.load_deck(path)`, answered from the cache when these bytes were checked before.

    Raises what `load_deck` raises (a `DeckError` for a bad or missing file);
    problems are never cached, so a broken deck is reported in full every time.
    """
    path = Path(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError:
        data = None  # the loader says why, in the words it uses for every deck problem
    folder = cache_dir()
    entry = None if data is None else _entry(folder, data)
    if entry is not None:
        cached = _cached(entry)
        if cached is not None:
            return cached if cached.path == path else replace(cached, path=path)
    from .loader import load_deck

    deck = load_deck(path)
    if entry is not None:
        _keep(folder, entry, deck)
    return deck


def _cached(entry: Path) -> Deck | None:
    """The deck kept under `entry`, if there is one this user wrote and it still reads as a deck."""
    try:
        with open(entry, "rb") as file:
            if hasattr(os, "getuid") and os.fstat(file.fileno()).st_uid != os.getuid():
                return None  # only what this user wrote is unpickled
            deck = pickle.load(file)
    except Exception:  # missing, unreadable, truncated, or pickled by a deck model that has changed since
        return None
    return deck if isinstance(deck, Deck) else None


def _keep(folder: Path, entry: Path, deck: Deck) -> None:
    """Write the entry atomically; a folder that cannot be written is not an error."""
    temporary = entry.with_suffix(f".{os.getpid()}.tmp")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            pickle.dump(replace(deck, path=None), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        _prune(folder)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for stale in entries[: max(0, len(entries) - KEEP)]:
        stale.unlink(missing_ok=True)
