"""Problems found in a teacher's file, reported as `file:line:column: message`."""

from __future__ import annotations

from collections.abc import Iterable

from .datarecord import datarecord


@datarecord(order=True)
class Problem:
    """One thing wrong with a file. Lines and columns count from 1; line 0 means no place
    in a file (a deck name that names no file), printed as `name: message`."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        """Printable as it stands: the file name and quoted values come from outside (see `quiz.shown`)."""
        from ..shown import shown  # imported with the first problem: checking a good deck prints none

        if self.line < 1:
            return f"{shown(self.path)}: {shown(self.message)}"
        return f"{shown(self.path)}:{self.line}:{self.column}: {shown(self.message)}"


class DeckError(Exception):
    """Raised by loaders with every problem found, never just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
