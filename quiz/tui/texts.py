"""The app's texts in the learner's language (see `quiz.i18n`), and keys named as the keyboard prints them."""

from __future__ import annotations

from quiz.i18n import (
    N_,
    _,
    choose_language,
    language,
    language_of,
    languages,
    locale_language,
    ngettext,
    number,
    percent,
    time_ahead,
    use_language,
)

__all__ = [
    "N_",
    "_",
    "choose_language",
    "key_label",
    "language",
    "language_of",
    "languages",
    "locale_language",
    "ngettext",
    "number",
    "percent",
    "time_ahead",
    "use_language",
]

_GERMAN_KEYS = {"space": "Leertaste", "esc": "Esc"}


def key_label(display: str) -> str:
    """A key as the key bar shows it, named as on a German keyboard in German: `^q` is `Strg+Q`."""
    if language() != "de":
        return display
    if display.startswith("^") and len(display) > 1:
        return "Strg+" + display[1:].upper()
    if display[:1] == "f" and display[1:].isdigit():
        return display.upper()  # F2, as printed on the key
    return _GERMAN_KEYS.get(display, display)
