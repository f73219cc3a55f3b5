"""Cloze: a text with numbered gaps, one field per gap."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Static

from quiz.deck.model import Cloze

from ...texts import N_, _
from ..marker import MARKER
from .base import AnswerWidget
from .textbox import AnswerBox


class ClozeAnswer(AnswerWidget):
    """One box per gap; ▶ marks the gap being typed in (not only its shade). Enter on an empty last gap,
    or F3, answers with what is filled in: the gaps left empty count as not known."""

    BINDINGS = [Binding("f3", "dont_know", N_("Don't know"))]

    @property
    def card(self) -> Cloze:
        card = self.presented.card
        assert isinstance(card, Cloze)
        return card

    def compose(self) -> ComposeResult:
        yield Static(
            _("Fill in the gaps; Enter goes to the next gap, and after the last one answers. F3: don't know."),
            classes="instructions",
        )
        for i in range(len(self.card.gaps)):
            with Horizontal(classes="gap-row"):
                yield Label(self._label(i, False), classes="gap-number", id=f"gap-number-{i}")
                yield AnswerBox(placeholder=_("gap {number}").format(number=i + 1), id=f"gap-{i}", compact=True)

    @staticmethod
    def _label(i: int, active: bool) -> str:
        return f"{MARKER if active else ' '}{i + 1:>2}"

    def on_descendant_focus(self) -> None:
        for i, field in enumerate(self.fields):
            self.query_one(f"#gap-number-{i}", Label).update(self._label(i, field.has_focus))

    def action_dont_know(self) -> None:
        self.submit([f.value for f in self.fields])

    def prompt_content(self) -> Content:
        parts: list[Content | tuple[str, str]] = []
        for segment in self.card.segments():
            if isinstance(segment, int):
                parts.append((f"__{segment + 1}__", "bold underline"))
            else:
                parts.append(Content(segment))
        return Content.assemble(*parts)

    def show_response(self, response: object) -> None:
        texts = response if isinstance(response, (list, tuple)) else [response]
        for field, text in zip(self.fields, texts, strict=False):
            field.value = str(text)

    @property
    def fields(self) -> list[Input]:
        return list(self.query(Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = self.fields
        if event.input is fields[-1] and not event.input.value.strip():
            self.submit([f.value for f in fields])  # Enter on the empty last gap: the empty gaps are not known
            return
        others = [f for f in fields if not f.value.strip() and f is not event.input]
        if others:
            after = [f for f in others if fields.index(f) > fields.index(event.input)]
            (after or others)[0].focus()
        else:
            self.submit([f.value for f in fields])
