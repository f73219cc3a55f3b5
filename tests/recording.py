"""Watching which deck files a function is called with, in order."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def paths_passed(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str) -> list[Path]:
    """Wrap `module.name(path, ...)`: the list fills with each path it is called with."""
    seen: list[Path] = []
    real = getattr(module, name)

    def recording(path: Any, *args: Any) -> Any:
        seen.append(Path(path))
        return real(path, *args)

    monkeypatch.setattr(module, name, recording)
    return seen
