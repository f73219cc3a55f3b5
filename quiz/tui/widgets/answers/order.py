"""Order: put shuffled items into the right order by picking them first to last."""

from __future__ import annotations

from textual.content import Content

from ...texts import N_
from .picking import PickingAnswer


class OrderAnswer(PickingAnswer):
    INSTRUCTIONS = N_("Pick the items first to last: number keys or Enter; Backspace takes back.")

    def picked_content(self) -> Content:
        items = self.presented.options
        lines = [Content.assemble((f"{n + 1}. ", "bold"), Content(items[i])) for n, i in enumerate(self.picked)]
        lines += [Content(f"{n + 1}. …") for n in range(len(self.picked), len(items))]
        return Content("\n").join(lines)

    def picks_for(self, response: object) -> list[int]:
        return self.option_indices(response)

    def response(self) -> object:
        return [self.presented.options[i] for i in self.picked]
