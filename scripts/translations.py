"""Keep the app's translations in step with the code: extract, update each catalogue, compile.

    python scripts/translations.py                 # after changing texts in the code
    python scripts/translations.py --new fr        # start a catalogue for a new language
    python scripts/translations.py --from-dict FILE LANG   # bring in texts kept in an old Python dict

Every text marked in `quiz/` with `_()`, `N_()` or `ngettext()` goes into the
template `quiz/locale/quiz.pot`; each language's `quiz/locale/LANG/LC_MESSAGES/quiz.po`
is updated from it (new texts added untranslated, texts no longer used
dropped) and compiled to `quiz.mo`, which the app reads. See docs/translations.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import runpy
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quiz"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "quiz.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
HEADER = {"project": "quiz", "version": "1", "copyright_holder": "the quiz authors", "fuzzy": False}
CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""Catalogues are regenerated from the code: a fixed date keeps them from changing when nothing else did."""


def extract() -> Catalog:
    """Every marked text of the code, with where it is used."""
    template = Catalog(creation_date=CREATED, **HEADER)
    for filename, line, message, comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(f"quiz/{filename}", line)], auto_comments=comments)
    return template


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "quiz.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, ignore_obsolete=True, include_previous=False, include_lineno=False)


def compile_mo(catalog: Catalog, path: Path) -> None:
    with path.open("wb") as file:
        write_mo(file, catalog)


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/quiz.po"))


def update(template: Catalog, language: str) -> Catalog:
    path = po_path(language)
    catalog = read(path, language) if path.exists() else Catalog(locale=language, **HEADER)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.fuzzy = False
    catalog.creation_date = catalog.revision_date = CREATED
    catalog.project, catalog.version = HEADER["project"], HEADER["version"]
    return catalog


def from_dict(catalog: Catalog, module: Path) -> int:
    """Fill untranslated entries from a dict catalogue (`TEXTS`: English -> text, `PLURALS`: singular -> forms)."""
    namespace = runpy.run_path(str(module))
    texts: dict[str, str] = namespace.get("TEXTS", {})
    plurals: dict[str, tuple[str, ...]] = namespace.get("PLURALS", {})
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            forms = plurals.get(message.id[0])
            if forms is not None and not any(message.string):
                message.string = tuple(forms)
                filled += 1
        elif message.id in texts and not message.string:
            message.string = texts[message.id]
            filled += 1
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new", metavar="LANG", help="start a catalogue for this language (e.g. fr)")
    parser.add_argument("--from-dict", nargs=2, metavar=("FILE", "LANG"), help="fill a catalogue from a dict module")
    args = parser.parse_args(argv)
    template = extract()
    write(template, TEMPLATE)
    wanted = set(languages())
    if args.new:
        wanted.add(args.new)
    if args.from_dict:
        wanted.add(args.from_dict[1])
    for language in sorted(wanted):
        catalog = update(template, language)
        if args.from_dict and args.from_dict[1] == language:
            print(f"{language}: {from_dict(catalog, Path(args.from_dict[0]))} texts taken from {args.from_dict[0]}")
        write(catalog, po_path(language))
        compile_mo(catalog, po_path(language).with_suffix(".mo"))
        missing = sum(1 for m in catalog if m.id and not (all(m.string) if isinstance(m.id, tuple) else m.string))
        print(f"{language}: {len(catalog)} texts, {missing} not translated yet")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
