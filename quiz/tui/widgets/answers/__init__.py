"""One answer widget per card kind, chosen by `answer_widget_for`.

Each kind's module is imported when a card of that kind is first shown, so
that starting a session builds only the widgets its first card needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from .base import AnswerWidget
from .flashcard import FlashcardAnswer

if TYPE_CHECKING:
    from quiz.engine.presentation import Presented

_WIDGET_CLASSES: dict[str, tuple[str, str]] = {
    "flashcard": ("flashcard", "FlashcardAnswer"),
    "choice": ("choice", "ChoiceAnswer"),
    "multi": ("multi", "MultiAnswer"),
    "truefalse": ("truefalse", "TrueFalseAnswer"),
    "answer": ("typed", "TypedAnswer"),
    "number": ("number", "NumberAnswer"),
    "cloze": ("cloze", "ClozeAnswer"),
    "order": ("order", "OrderAnswer"),
    "match": ("match", "MatchAnswer"),
}
"""Card kind -> (module in this package, widget class)."""


class _Widgets(Mapping[str, type[AnswerWidget]]):
    """Card kind -> its answer widget class, imported on first use."""

    def __getitem__(self, kind: str) -> type[AnswerWidget]:
        module, name = _WIDGET_CLASSES[kind]
        widget: type[AnswerWidget] = getattr(import_module(f".{module}", __name__), name)
        return widget

    def __iter__(self) -> Iterator[str]:
        return iter(_WIDGET_CLASSES)

    def __len__(self) -> int:
        return len(_WIDGET_CLASSES)


WIDGETS: Mapping[str, type[AnswerWidget]] = _Widgets()


def answer_widget_for(presented: Presented) -> AnswerWidget:
    return WIDGETS[presented.card.kind](presented)


__all__ = ["AnswerWidget", "FlashcardAnswer", "answer_widget_for", "WIDGETS"]
