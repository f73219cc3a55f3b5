"""The YAML parser's complaints in a teacher's words, at the place to fix.

libyaml speaks of scalars, tokens and streams, and often points where it
gave up rather than where the mistake is (an unclosed quote is noticed at
the end of the file). Each common mistake is recognised here by the parser's
message and the character at the spot, and told as what to do, pointing at
the line to edit. Anything not recognised keeps the parser's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

PREFIX = "YAML syntax error: "
LINE_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks YAML counts


@dataclass(frozen=True)
class Place:
    """Where to point the teacher: line and column counted from 1."""

    line: int
    column: int


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[Place, str]:
    """The place and message for a YAML syntax error in `text`."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    at = _place(exc.problem_mark or exc.context_mark)
    opened = _place(exc.context_mark) if exc.context_mark is not None else at
    lines = LINE_BREAK_RE.split(text)
    char = _char(lines, at)
    before = _line(lines, at.line)[: at.column - 1]

    if char == "\t" or "'\\t'" in problem or "tab character" in problem:
        if not before.strip():
            return at, PREFIX + "this line is indented with a tab; indent with spaces"
        return at, PREFIX + "there is a tab here; YAML needs spaces, not tabs, between its parts"
    if "end of stream" in problem and "quoted scalar" in context:
        quote = _char(lines, opened) or '"'
        return opened, PREFIX + f"a quote opened on line {opened.line} is never closed; end the text with a matching {quote}"
    if "mapping values are not allowed" in problem:
        if ": " in before:
            return at, PREFIX + "a text contains ': '; put the whole text in quotes"
        return at, PREFIX + (
            "this line is indented more than the field above it; line it up with its neighbours "
            "(or put a text that contains ': ' in quotes)"
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return opened, PREFIX + (
            f"the '{bracket}' on line {opened.line} is never closed with '{closing}' (or a ',' is missing); "
            f"a text starting with '{bracket}' must be in quotes"
        )
    if "could not find expected ':'" in problem:
        return opened, PREFIX + "this line has no ':'; write 'field: value', or indent it like the text it continues"
    if "did not find expected key" in problem or "did not find expected '-'" in problem:
        if before.strip():
            return at, PREFIX + "unexpected text after a quoted text or a closing bracket; put the whole text in quotes"
        return at, PREFIX + (
            f"this line is not indented like the lines above it (the part that starts on line {opened.line}); "
            "check the indentation"
        )
    if "cannot start any token" in problem and char:
        return at, PREFIX + f"a text cannot start with '{char}'; put it in quotes"
    if "undefined alias" in problem:
        return at, PREFIX + "a text starting with '*' must be in quotes"
    if "unknown directive" in problem or "while scanning a directive" in context:
        return opened, PREFIX + "a line cannot start with '%'; put the text in quotes"
    if "nesting depth" in problem:
        return at, PREFIX + "the brackets or indented parts are nested too deeply"
    if "another document" in problem:
        return at, PREFIX + "a second document starts here, but a file holds one; remove the extra '---'"
    message = PREFIX + problem if problem else PREFIX.rstrip(": ")
    if context and exc.context_mark is not None and exc.problem_mark is not None:
        message += f" ({context} on line {opened.line})"
    return at, message


def _place(mark: yaml.Mark | None) -> Place:
    return Place(1, 1) if mark is None else Place(mark.line + 1, mark.column + 1)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 1 <= number <= len(lines) else ""


def _char(lines: list[str], place: Place) -> str:
    line = _line(lines, place.line)
    return line[place.column - 1] if 1 <= place.column <= len(line) else ""
