"""The one button look of quiz: compact, labelled with its key.

Textual's `Button` brings a stylesheet for every variant and style (flat,
ANSI, primary, warning, ...); parsing it is a sizeable part of painting the
first question. quiz uses one compact look only, so its button keeps Button's
behaviour and leaves Button's stylesheet out: its few rules are in quiz.tcss.
The focused button starts with ▶ (in its padding): Enter presses it, and that
is said by more than a shade.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Button

from .marker import marked


class KeyButton(Button, inherit_css=False):
    def __init__(self, label: str, *, id: str | None = None, classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(label, id=id, classes=classes, disabled=disabled, compact=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        if not self.has_focus or crop.x:
            return strips
        return [marked(strip) if strip.cell_length > 1 and strip.text[:1] == " " else strip for strip in strips]


