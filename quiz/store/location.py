"""Where progress lives: `--data-dir`, else `$QUIZ_HOME`, else the platform's user data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "QUIZ_HOME"


def data_dir(cli_value: str | None = None) -> Path:
    """The data directory to use (not created here)."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("quiz", appauthor=False))
