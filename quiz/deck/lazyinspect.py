"""Imported before `dataclasses`, which then imports without `inspect`: `inspect` is imported when first asked for.

`dataclasses` imports `inspect` for one call, `inspect.signature`, made only to
write the docstring of a class that has none; `@datarecord` writes its own.
`inspect` and what it imports (`ast`, `dis`, `tokenize`) cost several times what
`dataclasses` does: 6 ms of a command's start-up. So `dataclasses` is imported
here with a stand-in for `inspect` that, asked for anything, imports the real
module and hands over what was asked for. Everything else that imports
`inspect`, before or after, gets the real one.
"""

from __future__ import annotations

import sys
import types


def _from_inspect(name: str) -> object:
    """What `dataclasses` asks of its `inspect`: the real module's, imported now."""
    import inspect

    return getattr(inspect, name)


if "dataclasses" not in sys.modules and "inspect" not in sys.modules:
    _stand_in = types.ModuleType("inspect", _from_inspect.__doc__)
    _stand_in.__dict__["__getattr__"] = _from_inspect  # a module's `__getattr__`: asked for what it does not have
    sys.modules["inspect"] = _stand_in
    try:
        import dataclasses  # noqa: F401 - imported here, with the stand-in
    finally:
        del sys.modules["inspect"]
