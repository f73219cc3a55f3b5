"""Imported first: `dataclasses` and `pathlib`, without the modules they import for what quiz never asks of them.

`dataclasses` imports `inspect` to write the docstring of a class that has
none (`@datarecord` writes its own) and `copy` for `asdict` of values that are
not records, lists, tuples or dicts; `pathlib` imports `urllib.parse` for
`as_uri`, which imports `ipaddress` for URLs with an address in brackets.
`inspect` (with `ast`, `dis` and `tokenize`), `copy` and `ipaddress` cost
8 ms of a command's start-up, a sixth of `quiz validate`. So `dataclasses`
and `pathlib` are imported here with stand-ins for them: a stand-in, asked
for anything, imports the real module and hands over what was asked for.
Everything else that imports those modules, before or after, gets the real
ones. `quiz.deck.yamlimport` imports PyYAML the same way, without `base64`.
(From Python 3.12, `dataclass` reads annotations with `inspect`, so
imports it at the first class; from 3.13, `pathlib` imports `urllib.parse`
only in `as_uri`.)
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable


def import_with_stand_ins(module: str, *unused: str) -> None:
    """Import `module` with a stand-in for each module in `unused` (as it is, when any of them is imported already)."""
    if module in sys.modules or any(name in sys.modules for name in unused):
        return
    for name in unused:
        stand_in = types.ModuleType(name, f"Stands in for {name}, imported when first asked for anything.")
        # a module's `__getattr__` is asked for what the module does not have: here, everything
        stand_in.__dict__["__getattr__"] = _from_real(name)
        sys.modules[name] = stand_in
    try:
        importlib.import_module(module)
    finally:
        for name in unused:
            del sys.modules[name]


def _from_real(name: str) -> Callable[[str], object]:
    def from_real(attribute: str) -> object:
        return getattr(importlib.import_module(name), attribute)

    return from_real


import_with_stand_ins("dataclasses", "inspect", "copy")
import_with_stand_ins("pathlib", "ipaddress")
