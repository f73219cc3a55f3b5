"""The app's own texts in the learner's language: English, or German from `texts_de`.

gettext-style: the English text is the key, so a text without a translation
shows in English. `_` translates now; `N_` only marks a text kept in a
constant (a key's description, a column name) and translated where it is
shown; `ngettext` picks the singular or plural form for a count. Placeholders
are `str.format` names, filled in after translating. The decks' own text is
the teacher's and is never translated; nor are the domain's messages.

The language is chosen once, before the app starts: `--lang`, else
`$QUIZ_LANG`, else the locale as gettext reads it, else English. This module
is on the start-up path: it imports nothing, and the German catalog only when
German is chosen.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "de")
"""The languages the app speaks; anything else falls back to English."""
DEFAULT = "en"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the language, in this order; the first one set counts."""

_language = DEFAULT
_catalog: Mapping[str, str] = {}
_plurals: Mapping[str, tuple[str, str]] = {}


def _code(value: str) -> str:
    """`de_DE.UTF-8`, `de-AT`, `de@euro`, `DE` -> `de`."""
    return value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


def language_of(value: str | None) -> str | None:
    """The supported language `value` names (`de_DE.UTF-8` -> `de`); None for anything else."""
    if not value:
        return None
    code = _code(value)
    return code if code in LANGUAGES else None


def locale_language(environ: Mapping[str, str]) -> str:
    """The language of the locale, the way gettext reads it.

    The first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set decides;
    LANGUAGE may list several (`fr:de`), the first supported one wins. `C`,
    `POSIX` and languages quiz does not speak mean English.
    """
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            for entry in value.split(":"):
                found = language_of(entry)
                if found is not None:
                    return found
            return DEFAULT
    return DEFAULT


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """`--lang`, else `$QUIZ_LANG`, else the locale, else English; an unknown language is English."""
    if option:
        return language_of(option) or DEFAULT
    chosen = environ.get("QUIZ_LANG", "")
    if chosen:
        return language_of(chosen) or DEFAULT
    return locale_language(environ)


def use_language(language: str) -> None:
    """Speak `language` from now on (English when quiz does not speak it)."""
    global _language, _catalog, _plurals
    _language = language_of(language) or DEFAULT
    if _language == "de":
        from . import texts_de

        _catalog, _plurals = texts_de.TEXTS, texts_de.PLURALS
    else:
        _catalog, _plurals = {}, {}


def language() -> str:
    """The language in use: `en` or `de`."""
    return _language


def _(text: str) -> str:
    """`text` in the learner's language; the English text itself when there is no translation."""
    return _catalog.get(text, text)


def N_(text: str) -> str:
    """Marks `text` for translation where it is shown (a constant's value), unchanged."""
    return text


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` ("1 card", "2 cards"): English and German both use the singular for exactly one."""
    forms = _plurals.get(singular, (singular, plural))
    return forms[0] if count == 1 else forms[1]


_GERMAN_DIGITS = str.maketrans(".,", ",.")


def number(value: float, spec: str = "g") -> str:
    """`value` formatted with `spec`: `1,234.5` in English, `1.234,5` in German."""
    text = format(value, spec)
    return text.translate(_GERMAN_DIGITS) if _language == "de" else text


def percent(share: float) -> str:
    """`85%` in English, `85 %` in German (as German typesetting has it)."""
    return _("{percent}%").format(percent=f"{share * 100:.0f}")


_GERMAN_KEYS = {"space": "Leertaste", "esc": "Esc"}


def key_label(display: str) -> str:
    """A key as the key bar shows it, named as on a German keyboard in German: `^q` is `Strg+Q`."""
    if _language != "de":
        return display
    if display.startswith("^") and len(display) > 1:
        return "Strg+" + display[1:].upper()
    if display[:1] == "f" and display[1:].isdigit():
        return display.upper()  # F2, as printed on the key
    return _GERMAN_KEYS.get(display, display)
