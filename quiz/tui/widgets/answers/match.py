"""Match: give each left-hand item its partner from the shuffled right-hand side."""

from __future__ import annotations

from textual.content import Content

from .picking import PickingAnswer


class MatchAnswer(PickingAnswer):
    INSTRUCTIONS = "Pick the partner of the marked item: number keys or Enter; Backspace takes back."

    @property
    def lefts(self) -> tuple[str, ...]:
        return self.presented.left

    def picked_content(self) -> Content:
        rights = self.presented.options
        width = max(len(left) for left in self.lefts)
        lines = []
        for n, left in enumerate(self.lefts):
            marker = "▶ " if n == len(self.picked) else "  "
            partner = Content(rights[self.picked[n]]) if n < len(self.picked) else Content("…")
            lines.append(Content.assemble(marker, (left.ljust(width), "bold"), " → ", partner))
        return Content("\n").join(lines)

    def response(self) -> object:
        return {left: self.presented.options[i] for left, i in zip(self.lefts, self.picked)}
