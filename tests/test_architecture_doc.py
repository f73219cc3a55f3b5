"""docs/architecture.md names every module of the package, so that its table stays in line with the code.

A module in a sub-folder (`tui/screens/`, `tui/widgets/answers/`) is covered by
the folder's name; `commands/` has one module per sub-command, said once.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_module_is_in_the_architecture_table() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for path in sorted((ROOT / "quiz").rglob("*.py")):
        parts = path.relative_to(ROOT / "quiz").parts
        if path.name in ("__init__.py", "__main__.py") or parts[0] == "commands":
            continue
        named = f"`{path.name}`" if len(parts) <= 2 else f"`{parts[-2]}/`"
        if named not in text and f"`quiz/{path.name}`" not in text:
            missing.append(f"{path.relative_to(ROOT)} ({named})")
    assert not missing, "modules docs/architecture.md does not name:\n" + "\n".join(missing)
