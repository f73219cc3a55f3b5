"""The YAML parser's complaints in a teacher's words, at the place to fix.

libyaml speaks of scalars, tokens and streams, and often points where it
gave up rather than where the mistake is (an unclosed quote is noticed at
the end of the file). Each common mistake is recognised here by the parser's
message and the character at the spot, and told as what to do, pointing at
the line to edit. Anything not recognised keeps the parser's own words.
"""

from __future__ import annotations

import re

import yaml

from ..i18n import _
from .datarecord import datarecord

LINE_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks YAML counts


@datarecord
class Place:
    """Where to point the teacher: line and column counted from 1."""

    line: int
    column: int


def _said(message: str) -> str:
    """'YAML syntax error: MESSAGE', in the language in use."""
    return _("YAML syntax error: {message}").format(message=message)


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[Place, str]:
    """The place and message for a YAML syntax error in `text`, in the language in use."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    at = _place(exc.problem_mark or exc.context_mark)
    opened = _place(exc.context_mark) if exc.context_mark is not None else at
    lines = LINE_BREAK_RE.split(text)
    char = _char(lines, at)
    before = _line(lines, at.line)[: at.column - 1]

    if char == "\t" or "'\\t'" in problem or "tab character" in problem:
        if not before.strip():
            return at, _said(_("this line is indented with a tab; indent with spaces"))
        return at, _said(_("there is a tab here; YAML needs spaces, not tabs, between its parts"))
    if "end of stream" in problem and "quoted scalar" in context:
        quote = _char(lines, opened) or '"'
        return opened, _said(
            _("a quote opened on line {line} is never closed; end the text with a matching {quote}").format(line=opened.line, quote=quote)
        )
    if "mapping values are not allowed" in problem:
        if ": " in before:
            return at, _said(_("a text contains ': '; put the whole text in quotes"))
        return at, _said(
            _(
                "this line is indented more than the field above it; line it up with its neighbours "
                "(or put a text that contains ': ' in quotes)"
            )
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return opened, _said(
            _(
                "the '{bracket}' on line {line} is never closed with '{closing}' (or a ',' is missing); "
                "a text starting with '{bracket}' must be in quotes"
            ).format(bracket=bracket, line=opened.line, closing=closing)
        )
    if "could not find expected ':'" in problem:
        return opened, _said(_("this line has no ':'; write 'field: value', or indent it like the text it continues"))
    if "did not find expected key" in problem or "did not find expected '-'" in problem:
        if before.strip():
            return at, _said(_("unexpected text after a quoted text or a closing bracket; put the whole text in quotes"))
        return at, _said(
            _(
                "this line is not indented like the lines above it (the part that starts on line {line}); check the indentation"
            ).format(line=opened.line)
        )
    if "cannot start any token" in problem and char:
        return at, _said(_("a text cannot start with '{char}'; put it in quotes").format(char=char))
    if "undefined alias" in problem:
        return at, _said(_("a text starting with '*' must be in quotes"))
    if "unknown directive" in problem or "while scanning a directive" in context:
        return opened, _said(_("a line cannot start with '%'; put the text in quotes"))
    if "nesting depth" in problem:
        return at, _said(_("the brackets or indented parts are nested too deeply"))
    if "another document" in problem:
        return at, _said(_("a second document starts here, but a file holds one; remove the extra '---'"))
    message = _said(problem) if problem else _("YAML syntax error")
    if context and exc.context_mark is not None and exc.problem_mark is not None:
        message += _(" ({context} on line {line})").format(context=context, line=opened.line)

    return at, message


def _place(mark: yaml.Mark | None) -> Place:
    return Place(1, 1) if mark is None else Place(mark.line + 1, mark.column + 1)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 1 <= number <= len(lines) else ""


def _char(lines: list[str], place: Place) -> str:
    line = _line(lines, place.line)
    return line[place.column - 1] if 1 <= place.column <= len(line) else ""
