"""The one button look of quiz: compact, labelled with its key.

Textual's `Button` brings a stylesheet for every variant and style (flat,
ANSI, primary, warning, ...); parsing it is a sizeable part of painting the
first question. quiz uses one compact look only, so its button keeps Button's
behaviour and leaves Button's stylesheet out: its few rules are in quiz.tcss.
"""

from __future__ import annotations

from textual.widgets import Button


class KeyButton(Button, inherit_css=False):
    def __init__(self, label: str, *, id: str | None = None, classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(label, id=id, classes=classes, disabled=disabled, compact=True)
