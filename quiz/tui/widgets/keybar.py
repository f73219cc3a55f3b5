"""The key bar: Textual's footer, its key descriptions in the learner's language.

Binding descriptions are class attributes, set when a module is imported; they
are translated here, where they are shown, so the language can be chosen after
the screens are imported.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..texts import _, key_label, language


class KeyBar(Footer):
    """Compact in German: its longer words (and Strg+Q for ^q) fit 80 columns only without the padding."""

    def __init__(self) -> None:
        super().__init__(compact=language() == "de")

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                widget.key_display = key_label(widget.key_display)
            yield widget
