"""Where bundled decks live, found the same way in a checkout and an installed wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_decks_dir() -> Path:
    """`quiz/decks` when installed (or a symlink in a checkout), else the repo's `decks/`."""
    inside = PACKAGE_DIR / "decks"
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / "decks"
