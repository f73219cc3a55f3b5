"""Match: give each left-hand item its partner from the shuffled right-hand side."""

from __future__ import annotations

from textual.content import Content

from ...texts import N_
from .picking import PickingAnswer


class MatchAnswer(PickingAnswer):
    INSTRUCTIONS = N_("Pick the partner of the marked item: number keys or Enter; Backspace takes back.")

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

    def picks_for(self, response: object) -> list[int]:
        given = response if isinstance(response, dict) else {}
        rights: list[str] = []
        for left in self.lefts:  # partners are picked left by left: stop at the first left without one
            if left not in given:
                break
            rights.append(given[left])
        picks = self.option_indices(rights)
        return picks if len(picks) == len(rights) else []

    def response(self) -> object:
        return {left: self.presented.options[i] for left, i in zip(self.lefts, self.picked, strict=False)}
