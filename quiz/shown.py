"""Outside text made safe to show: on a terminal, in the app, in a CSV cell.

File names, deck values, profile names and results files come from people
we do not trust. Shown raw, an ESC or C1 byte starts a terminal escape (a
window title, the clipboard through OSC 52), a bidi override reorders the
line, and a leading `=` makes a spreadsheet run a formula. Everything
printed from outside text passes through `shown`; every CSV cell through
`csv_cell`. Both are pure functions of the text, so the CLI, the app, the
class report and its CSV all escape alike.
"""

from __future__ import annotations

import re
from functools import cache

# C0 and C1 controls and DEL; bidi embeddings, overrides, isolates and marks; zero-width
# spaces and the byte-order mark; line and paragraph separators; lone surrogates (the
# undecodable bytes of a file name). Tab and newline are listed and kept only when asked.
_UNSAFE_BEYOND_C0 = "\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
_LINE_KEPT = frozenset("\n\t")

# What a text that quiz keeps (a deck's, a results file's) may never hold: C0 controls except tab and newline,
# DEL and C1 controls (ESC starts terminal escapes); and bidi embeddings, overrides, isolates and marks, which
# reorder what follows them, zero-width spaces, word joiners and the byte-order mark, which are invisible: all of
# them knock a line out of its box. Zero-width (non-)joiners stay: scripts and emoji need them.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
INVISIBLE_RE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


@cache
def _unsafe(lines: bool) -> re.Pattern[str]:
    """The characters `shown` escapes (with `lines`, all of them but tab and newline).

    Compiled when first needed: compiling these ranges costs more than importing
    the rest of this module, which every command imports and most never use.
    """
    return re.compile(f"[\x00-\x08\x0b-\x1f{_UNSAFE_BEYOND_C0}]" if lines else f"[\x00-\x1f{_UNSAFE_BEYOND_C0}]")


def __getattr__(name: str) -> re.Pattern[str]:
    """`UNSAFE_RE`: every character `shown` escapes, compiled on first use."""
    if name == "UNSAFE_RE":
        return _unsafe(False)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Characters that make a spreadsheet treat a cell as a formula (OWASP's list), and the
# separators after which some read a second cell (tab, carriage return).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object, *, lines: bool = False) -> str:
    """`text` with every control, bidi, zero-width and unpaired surrogate character written as `\\x1b` / `\\u202e`.

    With `lines`, newlines and tabs are kept (a multi-line report); otherwise
    the result is one line whatever it came from.
    """
    string = text if isinstance(text, str) else str(text)
    if _unsafe(lines).search(string) is None:  # the common case: no copy
        return string
    if lines:
        return _unsafe(False).sub(lambda m: m.group() if m.group() in _LINE_KEPT else _escape(m.group()), string)
    return _unsafe(False).sub(lambda m: _escape(m.group()), string)


def plain(text: str) -> bool:
    """Whether `shown(text)` is `text` itself: nothing in it to escape (one search over many texts joined)."""
    return _unsafe(False).search(text) is None


def csv_cell(value: object) -> object:
    """A value for a CSV writer: text escaped as `shown`, and a text a spreadsheet would run as a formula
    made plain text by a leading `'` (numbers stay numbers)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return shown(text, lines=False)
