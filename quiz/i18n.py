"""The app's own words in the learner's language, through gettext catalogues.

Texts are marked in the code in English: `_("...")` translates now, `N_("...")`
only marks a text kept in a constant (translated with `_` where it is shown),
`ngettext(singular, plural, n)` picks the form for a count by the language's
plural rule. Placeholders are `str.format` names, filled in after translating.
The English text is the key, so a text without a translation shows in English.

Catalogues are `locale/<language>/LC_MESSAGES/quiz.po` (what translators edit)
compiled to `quiz.mo` (what `gettext` reads); `docs/translations.md` says how to
add a language. A language is spoken when its compiled catalogue is there.

Numbers, percentages and relative times are written by Babel, per locale.

The language is chosen once, before the app starts: `--lang`, else
`$QUIZ_LANG`, else the locale as gettext reads it, else English. This module is
on the start-up path: gettext and Babel are imported when first needed. Decks'
own text is the teacher's and is never translated; the domain's messages that
reach the learner (why a number or a name is refused) or the teacher (every
problem `quiz validate` finds in a deck or facts file) are translated where
they are made, with these same functions. A text kept in a constant is marked
with `N_` and translated with `_` when a message is made, never at import.

"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Literal

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "quiz"
DEFAULT = "en"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the language, in this order; the first one set counts."""

_language = DEFAULT


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


_gettext: Callable[[str], str] = str
_ngettext: Callable[[str, str, int], str] = _english_plural


@cache
def languages() -> tuple[str, ...]:
    """The languages the app speaks: English, and each language with a compiled catalogue."""
    try:
        found = sorted(
            entry.name
            for entry in os.scandir(LOCALE_DIR)
            if (Path(entry.path) / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
        )
    except OSError:
        found = []
    return (DEFAULT, *(code for code in found if code != DEFAULT))


def _code(value: str) -> str:
    """`de_DE.UTF-8`, `de-AT`, `de@euro`, `DE` -> `de`."""
    return value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


def language_of(value: str | None) -> str | None:
    """The supported language `value` names (`de_DE.UTF-8` -> `de`); None for anything else."""
    if not value:
        return None
    code = _code(value)
    return code if code in languages() else None


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
    global _language, _gettext, _ngettext
    _language = language_of(language) or DEFAULT
    if _language == DEFAULT:
        _gettext, _ngettext = str, _english_plural
        return
    import gettext

    with open(LOCALE_DIR / _language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
        catalogue = gettext.GNUTranslations(file)
    _gettext, _ngettext = catalogue.gettext, catalogue.ngettext


def language() -> str:
    """The language in use, e.g. `en` or `de`."""
    return _language


def _(text: str) -> str:
    """`text` in the learner's language; the English text itself when there is no translation."""
    return _gettext(text)


def N_(text: str) -> str:
    """Marks `text` for translation where it is shown (a constant's value), unchanged."""
    return text


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` ("1 card", "2 cards"), by the language's plural rule."""
    return _ngettext(singular, plural, count)


def number(value: float, spec: str = "g") -> str:
    """`value` as the language writes numbers: `2.5`, `1,234.5` in English; `2,5`, `1.234,5` in German.

    `spec` as for `format`, of it the grouping `,`, a fixed precision `.Nf`, significant digits
    `.Ng` and whole numbers `d`: `g` (as many decimals as the value has, up to six), `.2f`, `,d`, `,.1f`, `.3g`.
    """
    if not value or value != value:  # zero (Babel writes -0 and 0 apart, which compare equal) and NaN: not kept
        return _number(value, spec)
    key = (type(value), value, spec, _language)
    text = _written.get(key)
    if text is None:
        if len(_written) >= _WRITTEN_MAX:
            _written.clear()
        text = _written[key] = _number(value, spec)
    return text


_written: dict[tuple[type, float, str, str], str] = {}
"""Numbers written before, by type, value, spec and language: a report writes the same scores and shares
again and again, and Babel takes far longer to write one than a look-up."""
_WRITTEN_MAX = 100_000


def _number(value: float, spec: str) -> str:
    from babel.numbers import format_decimal

    whole = "#,##0" if "," in spec else "0"
    if spec.endswith("g") and "." in spec:  # significant digits: `.3g` writes 1.29
        digits = int(spec[spec.index(".") + 1 : -1])
        return format_decimal(value, format="@" + "#" * (digits - 1), locale=_language)
    if spec.endswith("d"):
        pattern = whole
    elif spec.endswith("f") and "." in spec:
        digits = int(spec[spec.index(".") + 1 : -1])
        pattern = whole + ("." + "0" * digits if digits else "")
    else:
        pattern = whole + ".######"
    return format_decimal(value, format=pattern, locale=_language)


def percent(share: float) -> str:
    """`85%` in English, `85 %` in German."""
    if not share or share != share:
        return _percent(share)
    key = (type(share), share, "%", _language)
    text = _written.get(key)
    if text is None:
        if len(_written) >= _WRITTEN_MAX:
            _written.clear()
        text = _written[key] = _percent(share)
    return text


def _percent(share: float) -> str:
    from babel.numbers import format_percent

    return format_percent(share, locale=_language)


def time_ahead(count: int, unit: Literal["minute", "hour", "day"]) -> str:
    """"in 10 minutes", "in 3 Tagen": `count` of `unit` (`minute`, `hour` or `day`) from now, in the language."""
    from babel.dates import format_timedelta

    seconds = {"minute": 60, "hour": 3600, "day": 86400}[unit] * count
    # a threshold no unit reaches: Babel says it in `unit` itself (never "2 weeks" for 14 days)
    return format_timedelta(
        dt.timedelta(seconds=seconds), granularity=unit, threshold=1e12, add_direction=True, format="long", locale=_language
    )
