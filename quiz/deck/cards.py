"""Card rules that span fields, and construction of the model's card objects.

The field-by-field reading (types, unknown and missing fields) is done by
`format.py`, from the fields' declarations in the model; here the values are
already the model's and we check what only makes sense together: the answer
is not also a distractor, a range's min is not above its max, a cloze has
gaps, ... A kind without such rules has no check: its card is built as read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..i18n import N_, _
from .model import (
    CARD_TYPES,
    GAP_RE,
    Card,
    NumberRange,
    Settings,
)
from .yamlnodes import MappingNode, Node, Reader, ScalarNode, SequenceNode, merged_pairs

TYPE_CHECKING = False  # (not typing's: `quiz validate` never imports typing, see `quiz.cli`)
if TYPE_CHECKING:
    from typing import Any

    Values = dict[str, Any]


def settings_from(values: Values | None) -> Settings:
    return Settings(**values) if values else Settings()


def _field_node(r: Reader, node: MappingNode, name: str) -> Node:
    """The value node of a field (for pointing at it), else the card itself."""
    for key, value in merged_pairs(node, r.merge_memo, r.problem):
        if isinstance(key, ScalarNode) and key.value == name:
            return value
    return node


def _item_node(r: Reader, node: MappingNode, name: str, index: int) -> Node:
    parent = _field_node(r, node, name)
    if isinstance(parent, SequenceNode) and index < len(parent.value):
        item: Node = parent.value[index]
        return item
    return parent


def _no_duplicates(r: Reader, node: MappingNode, name: str, texts: Sequence[str], what: str) -> bool:
    """Report texts given twice (ignoring case); True when there are none. `what` is marked for translation."""
    seen: dict[str, int] = {}
    ok = True
    for i, text in enumerate(texts):
        folded = text.casefold()
        if folded in seen:
            r.problem(_item_node(r, node, name, i), _("{what} {text} is given twice in '{name}'").format(what=_(what), text=repr(text), name=name))
            ok = False
        seen[folded] = i
    return ok


def _choice(r: Reader, v: Values, node: MappingNode) -> Values | None:
    answer: str = v["answer"]
    feedback: str | None = v.get("answer_feedback")
    if ("options" in v) == ("distractors" in v):
        r.problem(node, _options_or_distractors("choice", both="options" in v))
        return None
    if "options" in v:
        options = v["options"]
        if not _no_duplicates(r, node, "options", [o.text for o in options], N_("the option")):
            return None
        folded = answer.casefold()
        right = [o for o in options if o.text.casefold() == folded]
        if not right:
            r.problem(_field_node(r, node, "answer"), _("the answer {answer} is not among the options").format(answer=repr(answer)))
            return None
        if right[0].feedback is not None and feedback is not None:
            r.problem(_field_node(r, node, "answer_feedback"), _("the answer's option already has feedback"))
            return None
        answer, feedback = right[0].text, right[0].feedback or feedback
        distractors = tuple(o for o in options if o is not right[0])
        if not distractors:
            r.problem(_field_node(r, node, "options"), _("a choice card needs at least 2 options"))
            return None
    else:
        distractors = v["distractors"]
        if not distractors:
            r.problem(_field_node(r, node, "distractors"), _("a choice card needs at least one distractor"))
            return None
        if not _no_duplicates(r, node, "distractors", [d.text for d in distractors], N_("the distractor")):
            return None
        for i, d in enumerate(distractors):
            if d.text.casefold() == answer.casefold():
                r.problem(_item_node(r, node, "distractors", i), _("the answer {answer} is also a distractor").format(answer=repr(answer)))
                return None
    rest = {name: value for name, value in v.items() if name != "options"}
    return {**rest, "answer": answer, "distractors": distractors, "answer_feedback": feedback}


def _options_or_distractors(kind: str, *, both: bool) -> str:
    if both:
        return _("a {kind} card takes either 'options' or 'distractors', not both").format(kind=kind)
    return _("a {kind} card needs 'distractors' (the wrong answers) or 'options' (all options, answers included)").format(kind=kind)


def _multi(r: Reader, v: Values, node: MappingNode) -> Values | None:
    answers: tuple[str, ...] = v["answers"]
    if "options" in v and "distractors" in v:
        r.problem(node, _options_or_distractors("multi", both=True))
        return None
    if not _no_duplicates(r, node, "answers", answers, N_("the answer")):
        return None
    if "options" in v:
        options = v["options"]
        if not _no_duplicates(r, node, "options", [o.text for o in options], N_("the option")):
            return None
        by_text = {o.text.casefold(): o for o in options}
        for i, answer in enumerate(answers):
            option = by_text.get(answer.casefold())
            if option is None:
                r.problem(_item_node(r, node, "answers", i), _("the answer {answer} is not among the options").format(answer=repr(answer)))
                return None
            if option.feedback is not None:
                r.problem(
                    _item_node(r, node, "answers", i),
                    _("the right option {answer} has feedback, which a multi card never shows; use 'explain'").format(answer=repr(answer)),
                )
                return None
        right = {a.casefold() for a in answers}
        answers = tuple(by_text[a.casefold()].text for a in answers)
        distractors = tuple(o for o in options if o.text.casefold() not in right)
    else:
        distractors = v.get("distractors", ())
        folded = {a.casefold() for a in answers}
        for i, d in enumerate(distractors):
            if d.text.casefold() in folded:
                r.problem(_item_node(r, node, "distractors", i), _("the answer {answer} is also a distractor").format(answer=repr(d.text)))
                return None
        if not _no_duplicates(r, node, "distractors", [d.text for d in distractors], N_("the distractor")):
            return None
    if len(answers) + len(distractors) < 2:
        r.problem(node, _("a multi card needs at least 2 options (answers and distractors together)"))
        return None
    rest = {name: value for name, value in v.items() if name != "options"}
    return {**rest, "answers": answers, "distractors": distractors}


def _number(r: Reader, v: Values, node: MappingNode) -> Values | None:
    if ("answer" in v) == ("range" in v):
        both = "answer" in v
        r.problem(
            node,
            _("a number card takes either 'answer' or 'range', not both")
            if both
            else _("a number card needs 'answer' (one number) or 'range' (min and max, e.g. years 2000-2015)"),
        )
        return None
    number_range: NumberRange | None = v.get("range")
    if number_range is not None and number_range.min > number_range.max:
        low, high = number_range.min, number_range.max
        r.problem(_field_node(r, node, "range"), _("the range's min {low} is greater than its max {high}").format(low=low, high=high))
        return None
    return v


def _cloze(r: Reader, v: Values, node: MappingNode) -> Values | None:
    text: str = v["text"]
    where = _field_node(r, node, "text")
    gaps = [m.group(1) for m in GAP_RE.finditer(text)]
    for number, gap in enumerate(gaps, 1):
        if "{" in gap or "}" in gap:
            r.problem(where, _("gap {number} contains a brace; gaps cannot be nested").format(number=number))
            return None
    rest = GAP_RE.sub("", text)
    if "{{" in rest or "}}" in rest:
        r.problem(where, _("a gap is not closed; write each gap on one line as {{answer}}"))
        return None
    if not gaps:
        r.problem(where, _("the cloze text has no gaps; mark each gap as {{answer}} or {{answer|alternative}}"))
        return None
    for number, gap in enumerate(gaps, 1):
        if any(not part.strip() for part in gap.split("|")):
            r.problem(where, _("gap {number} has an empty answer: {{{{{gap}}}}}").format(number=number, gap=gap))
            return None
    return v


def _order(r: Reader, v: Values, node: MappingNode) -> Values | None:
    if not _no_duplicates(r, node, "items", v["items"], N_("the item")):
        return None
    return v


def _match(r: Reader, v: Values, node: MappingNode) -> Values | None:
    pairs: tuple[tuple[str, str], ...] = v["pairs"]
    seen: dict[str, str] = {}
    for left, right in pairs:
        if right.casefold() in seen:
            r.problem(
                _field_node(r, node, "pairs"),
                _("{first} and {second} are both paired with {right}; each right side must differ").format(
                    first=repr(seen[right.casefold()]), second=repr(left), right=repr(right)
                ),

            )
            return None
        seen[right.casefold()] = left
    return v


CHECKS: dict[str, Callable[[Reader, Values, MappingNode], Values | None]] = {
    "choice": _choice,
    "multi": _multi,
    "number": _number,
    "cloze": _cloze,
    "order": _order,
    "match": _match,
}
"""Kind -> its rules across fields: the values to build the card from, or None (problems recorded)."""


def build_card(r: Reader, kind: str, values: Values, node: MappingNode) -> Card | None:
    """The model card, or None after recording why the fields do not fit together."""
    check = CHECKS.get(kind)
    checked = values if check is None else check(r, values, node)
    if checked is None:
        return None
    given = {name: value for name, value in checked.items() if name != "kind"}  # the kind is the class
    card: Card = CARD_TYPES[kind](**given, line=node.start_mark.line + 1)  # type: ignore[assignment]
    return card
