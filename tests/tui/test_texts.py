"""The app's texts: every text the code marks is translated in every catalogue, which holds nothing else.

The catalogues are gettext's: `quiz/locale/LANG/LC_MESSAGES/quiz.po`, compiled to `quiz.mo`
(`scripts/translations.py` updates and compiles them; see docs/translations.md).
"""

from __future__ import annotations

import ast
import functools
import io
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import quiz
from quiz.i18n import LOCALE_DIR, languages

PACKAGE = Path(quiz.__file__).parent
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/quiz.po"))
LANGUAGES = [path.parent.parent.name for path in CATALOGUES]


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


@functools.cache
def used_texts() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Texts and plural pairs marked anywhere in `quiz/`, each with one place it is used."""
    single: dict[str, str] = {}
    plural: dict[tuple[str, str], str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for _name, text, line in marked(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            if isinstance(text, tuple):
                plural.setdefault(text, where)
            else:
                single.setdefault(text, where)
    return single, plural


def catalogue(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "quiz.po").open("rb") as file:
        return read_po(file, locale=language)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_german_is_there_and_spoken() -> None:
    assert "de" in LANGUAGES and set(languages()) == {"en", *LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_app_is_translated(language: str) -> None:
    single, plural = used_texts()
    assert len(single) > 100 and len(plural) >= 5  # the extraction finds the app's texts
    entries = catalogue(language)
    missing = [f"{where}: {text!r}" for text, where in single.items() if not (entries.get(text) and entries[text].string)]
    missing += [
        f"{where}: {one!r}"
        for (one, _), where in plural.items()
        if not (entries.get(one) and all(entries[one].string))
    ]
    assert not missing, f"no {language} for:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_only_texts_the_app_uses(language: str) -> None:
    single, plural = used_texts()
    known = set(single) | {one for one, _ in plural}
    unused = [m.id for m in catalogue(language) if m.id and (m.id[0] if isinstance(m.id, tuple) else m.id) not in known]
    assert not unused, f"{language} entries no code uses:\n" + "\n".join(map(repr, unused))


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_the_same_in_every_language(language: str) -> None:
    wrong = []
    for message in catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        names = set().union(*(placeholders(i) for i in ids))
        wrong += [f"{ids[0]!r} -> {text!r}" for text in texts if text and placeholders(text) != names]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_german_texts_are_german() -> None:
    """A copied English text is a forgotten translation (a few are the same in both languages)."""
    same = {m.id for m in catalogue("de") if m.id and not isinstance(m.id, tuple) and m.id == m.string}
    assert same <= {"Test: {deck}", "Test", "{seconds} s"}, sorted(same)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_edited_one(language: str) -> None:
    """`quiz.mo` is what `scripts/translations.py` compiles from `quiz.po`: run it after editing a catalogue."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(language))
    assert compiled.getvalue() == (LOCALE_DIR / language / "LC_MESSAGES" / "quiz.mo").read_bytes()


def test_the_template_lists_every_marked_text() -> None:
    """`quiz.pot`, which a new translation starts from, is what the code marks today."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))  # the checkout's, beside an installed quiz
    try:
        from translations import TEMPLATE, extract
    finally:
        sys.path.pop(0)
    with TEMPLATE.open("rb") as file:
        shipped = {m.id for m in read_po(file) if m.id}
    assert shipped == {m.id for m in extract() if m.id}
