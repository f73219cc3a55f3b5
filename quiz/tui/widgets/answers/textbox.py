"""The text box of typed answers: a paste becomes one line of plain text, never an early Enter."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input


def pasted_text(text: str) -> str:
    """Line breaks and tabs become single spaces; control characters (an ESC, a bell) are dropped."""
    flat = " ".join(text.split())
    return "".join(ch for ch in flat if unicodedata.category(ch) != "Cc")


class AnswerBox(Input):
    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's own paste, which keeps the first line only
        text = pasted_text(event.text)
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
