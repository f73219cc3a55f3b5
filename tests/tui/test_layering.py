"""The domain never loads textual: only `quiz.tui` may."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import quiz


def domain_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(quiz.__path__, "quiz.") if m.name != "quiz.__main__"]
    return [n for n in names if n != "quiz.tui" and not n.startswith("quiz.tui.")]


def test_domain_modules_do_not_import_textual() -> None:
    modules = domain_modules()
    assert "quiz.engine.session" in modules and "quiz.commands.play" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual loaded by the domain: {result.stdout.strip()}"


def test_the_app_module_does_load_textual() -> None:
    """The check above can fail: importing the app does load textual."""
    code = "import sys, quiz.tui.app; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "True"
