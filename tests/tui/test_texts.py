"""The app's texts: every text the code translates has a German entry, and the catalog holds nothing else."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import quiz.tui
from quiz.tui import texts_de

TUI = Path(quiz.tui.__file__).parent


def _literal(node: ast.expr) -> str:
    assert isinstance(node, ast.Constant) and isinstance(node.value, str), f"line {node.lineno}: not a literal text"
    return node.value


def marked(tree: ast.AST) -> Iterator[tuple[str, str | tuple[str, str], int]]:
    """(function, text or (singular, plural), line) of every `_("...")`, `N_("...")` and `ngettext(...)`."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        name = node.func.id
        if name in ("_", "N_") and node.args and isinstance(node.args[0], ast.Constant):
            yield name, _literal(node.args[0]), node.lineno
        elif name == "ngettext":
            yield name, (_literal(node.args[0]), _literal(node.args[1])), node.lineno


def used_texts() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Texts and plural pairs used in `quiz/tui`, each with one place it is used."""
    single: dict[str, str] = {}
    plural: dict[tuple[str, str], str] = {}
    for path in sorted(TUI.rglob("*.py")):
        if path.name == "texts_de.py":
            continue
        for _name, text, line in marked(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(TUI.parent.parent)}:{line}"
            if isinstance(text, tuple):
                plural.setdefault(text, where)
            else:
                single.setdefault(text, where)
    return single, plural


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_text_of_the_app_has_a_german_entry() -> None:
    single, plural = used_texts()
    assert len(single) > 100 and len(plural) >= 5  # the extraction finds the app's texts
    missing = [f"{where}: {text!r}" for text, where in single.items() if text not in texts_de.TEXTS]
    missing += [f"{where}: {one!r}" for (one, _), where in plural.items() if one not in texts_de.PLURALS]
    assert not missing, "no German for:\n" + "\n".join(missing)


def test_the_catalog_holds_only_texts_the_app_uses() -> None:
    single, plural = used_texts()
    unused = [text for text in texts_de.TEXTS if text not in single]
    unused += [one for one in texts_de.PLURALS if one not in {s for s, _ in plural}]
    assert not unused, "German entries no code uses:\n" + "\n".join(map(repr, unused))


def test_placeholders_are_the_same_in_both_languages() -> None:
    single, plural = used_texts()
    wrong = [
        f"{english!r} -> {german!r}"
        for english, german in texts_de.TEXTS.items()
        if placeholders(english) != placeholders(german)
    ]
    for (one, many), _ in plural.items():
        german_one, german_many = texts_de.PLURALS.get(one, (one, many))
        if placeholders(one) != placeholders(german_one) or placeholders(many) != placeholders(german_many):
            wrong.append(f"{one!r} -> {german_one!r} / {german_many!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_german_texts_are_german() -> None:
    """A copied English text is a forgotten translation (a few are the same in both languages)."""
    same = {english for english, german in texts_de.TEXTS.items() if english == german}
    assert same <= {"Test: {deck}", "Test"}, sorted(same)
