"""Searching a folder someone handed us: every file found, and every folder that could not be searched.

`Path.rglob` skips a folder it may not read, without a word, and a teacher
would never learn that half a USB stick was left out. Here such a folder,
and a link that leads back into a folder already searched (a loop), is
returned with the reason, for the caller to report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .i18n import _


def search(root: Path, wanted: Callable[[str], bool], *, hidden: bool = True) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files under `root` whose name is `wanted` (sorted), and the (folder, reason) pairs not searched.

    Links to folders are followed once; `hidden=False` leaves out names starting with '.'.
    """
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []

    def failed(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        skipped.append((where, _("cannot be searched: {error}").format(error=error.strerror or error)))

    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, onerror=failed, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as error:
            skipped.append((Path(folder), _("cannot be searched: {error}").format(error=error.strerror or error)))
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            skipped.append((Path(folder), _("is a link back into a folder already searched (a loop); not searched again")))

            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        if not hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
        dirs.sort()
        files.sort()  # (each folder's in order, sorting them all at the end compares little)
        for name in files:
            if (hidden or not name.startswith(".")) and wanted(name):
                found.append(Path(folder, name))
    return sorted(found), skipped
