"""Reading a file someone handed us: a regular file, at most so many bytes, never a wait.

A FIFO named as a deck or results file would block the read forever, and
`/dev/zero` would fill memory; both are refused by what the open file is,
checked on the open descriptor (so the file cannot be swapped in between),
and the read stops one byte past the limit whatever the size claims.
"""

from __future__ import annotations

import os
import stat

from .i18n import _

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1024 * 1024


class Unreadable(Exception):
    """Why a file cannot be read, in words for a teacher (the caller adds the file's name)."""

    def __init__(self, reason: str, *, missing: bool = False, folder: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing
        self.folder = folder


def _megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"

    return _("{count} bytes").format(count=size)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("is a pipe (FIFO), not a file that can be read")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a file that can be read")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a file that can be read")
    return _("is not a regular file, not a file that can be read")


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The file's bytes; `Unreadable` for a folder, a pipe, a device, a file over `limit` bytes, or an OS error."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise Unreadable(_("no such file"), missing=True) from None
    except IsADirectoryError:
        raise Unreadable(_("is a folder, not a file"), folder=True) from None
    except OSError as exc:
        raise Unreadable(_("cannot read the file: {error}").format(error=exc.strerror or exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable(_("is a folder, not a file"), folder=True)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(_kind(info.st_mode))
        if info.st_size > limit:
            raise Unreadable(
                _("the file is too large ({size}; at most {most})").format(size=_megabytes(info.st_size), most=_megabytes(limit))
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise Unreadable(_("the file is too large (at most {most})").format(most=_megabytes(limit)))
        return b"".join(chunks)
    except OSError as exc:
        raise Unreadable(_("cannot read the file: {error}").format(error=exc.strerror or exc)) from None

    finally:
        os.close(fd)
