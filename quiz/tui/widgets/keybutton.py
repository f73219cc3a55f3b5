"""The one button look of quiz: compact, labelled with its key.

Textual's `Button` brings a stylesheet for every variant and style (flat,
ANSI, primary, warning, ...); parsing it is a sizeable part of painting the
first question. quiz uses one compact look only, so its button keeps Button's
behaviour and replaces that stylesheet with the few rules it needs.
"""

from __future__ import annotations

from textual.widgets import Button


class KeyButton(Button, inherit_css=False):
    DEFAULT_CSS = """
    KeyButton {
        width: auto;
        min-width: 16;
        line-pad: 1;
        height: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        border: none;
        &:disabled { text-opacity: 0.6; pointer: not-allowed; }
        &:focus { text-style: $button-focus-text-style; background-tint: $foreground 5%; }
        &:hover { background: $surface-darken-1; }
        &.-active { background: $surface; tint: $background 30%; }
    }
    """

    def __init__(self, label: str, *, id: str | None = None, classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(label, id=id, classes=classes, disabled=disabled, compact=True)
