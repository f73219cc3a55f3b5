"""The key bar: Textual's footer, its key descriptions in the learner's language.

Binding descriptions are class attributes, set when a module is imported; they
are translated here, where they are shown, so the language can be chosen after
the screens are imported.

Textual's footer builds all its keys anew whenever the screen says its bindings
may have changed (on every change of focus, every answer and every flipped
card); most of those times the same keys would be built again. The bar is built
again only when what it shows changed, which spares the app a few dozen
widgets per card (a pupil's app in the browser does this work on the server).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..texts import _, key_label, language


class KeyBar(Footer):
    """Compact in German: its longer words (and Strg+Q for ^q) fit 80 columns only without the padding."""

    def __init__(self) -> None:
        super().__init__(compact=language() == "de")
        self._shown: Hashable = None

    def _what_is_shown(self) -> Hashable:
        """Everything `compose` reads: the shown bindings with their state, the options, the language."""
        bindings = tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return bindings, self.compact, self.show_command_palette, language(), self.app.ENABLE_COMMAND_PALETTE

    async def recompose(self) -> None:
        if self.is_attached and self._bindings_ready and self._what_is_shown() == self._shown:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._what_is_shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                widget.key_display = key_label(widget.key_display)
            yield widget
