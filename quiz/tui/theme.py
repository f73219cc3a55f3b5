"""Light or dark, as last chosen with ctrl+t on this computer: one word in a file in the data directory."""

from __future__ import annotations

import contextlib
from pathlib import Path

THEME_FILE = "theme"
THEMES = {"dark": "textual-dark", "light": "textual-light"}


def saved_theme(data_dir: Path) -> str | None:
    """The Textual theme chosen last time, or None (never chosen, or the file is unreadable)."""
    try:
        word = (data_dir / THEME_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return THEMES.get(word)


def save_theme(data_dir: Path, theme: str) -> None:
    """Keep the choice for the next start; a data directory that cannot be written just forgets it."""
    word = next((w for w, name in THEMES.items() if name == theme), None)
    if word is None:
        return
    with contextlib.suppress(OSError):
        (data_dir / THEME_FILE).write_text(word + "\n", encoding="utf-8")
