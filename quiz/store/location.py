"""Where progress lives: `--data-dir`, else `$QUIZ_HOME`, else the platform's user data directory."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import StoreError

ENV_VAR = "QUIZ_HOME"
CHOOSE_ELSEWHERE = f"choose another --data-dir or set {ENV_VAR}"


def data_dir(cli_value: str | None = None) -> Path:
    """The data directory to use (not created here)."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when neither the option nor the variable says where

    return Path(platformdirs.user_data_dir("quiz", appauthor=False))


def cannot_write(folder: Path) -> StoreError:
    """The message for a data directory quiz may read but not write (a read-only mount, a locked share)."""
    return StoreError(f"quiz cannot write in {folder} (read-only?); {CHOOSE_ELSEWHERE}")


def prepare_data_dir(folder: Path) -> Path:
    """Create the data directory if needed; a `StoreError` in plain words when it cannot be a folder of progress."""
    folder = Path(folder)
    for place in (folder, *folder.parents):  # the first part of the path that exists must be a folder
        if place.exists():
            if not place.is_dir():
                raise StoreError(f"{place} is a file, not a folder; {CHOOSE_ELSEWHERE} to a folder")
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise cannot_write(folder) from None
    except OSError as e:
        if e.errno == errno.EROFS:
            raise cannot_write(folder) from None
        raise StoreError(f"{folder}: cannot create the data directory: {e.strerror or e}") from None
    if not os.access(folder, os.W_OK | os.X_OK):  # SQLite would only say "unable to open database file"
        raise cannot_write(folder)
    return folder
