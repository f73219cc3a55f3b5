"""Where the shared fixtures are: `../shared` beside the checkout (for a git worktree, beside its main checkout)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _candidates() -> list[Path]:
    found = [ROOT.parent / "shared" / "fixtures"]
    git = ROOT / ".git"
    if git.is_file():  # a worktree: ".git" names the main repository's git folder
        text = git.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            gitdir = Path(text[len("gitdir:") :].strip())
            for parent in gitdir.parents:
                if parent.name == ".git":
                    found.append(parent.parent.parent / "shared" / "fixtures")
                    break
    return found


def shared(relative: str) -> Path:
    """A shared fixture file; the test is skipped when the shared folder is not beside the checkout."""
    for folder in _candidates():
        if (folder / relative).exists():
            return folder / relative
    pytest.skip(f"{relative} is not in ../shared/fixtures beside the checkout")
