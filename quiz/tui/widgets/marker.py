"""The ▶ beside what Enter acts on, shared by option lists, buttons, tables and gap lists.

A module of its own: a button needs it for the first question, before any option list is built.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip

MARKER = "▶"
"""Where Enter acts: beside the highlighted option of the list that has the keyboard (and on the focused button, the
cursor row of a table). The highlight is also a background shade, but meaning never rests on colour alone (a
monochrome terminal, `NO_COLOR`, a projector); a list without the keyboard has no marker, so that there is one."""


def marked(strip: Strip) -> Strip:
    """`strip` with its first cell (padding) replaced by the marker, in that cell's style."""
    first = next(iter(strip), None)
    style = first.style if first is not None else None
    return Strip.join([Strip([Segment(MARKER, style)], 1), strip.crop(1, strip.cell_length)])
