"""Class and teacher codes: short enough to read aloud, checked in constant time, remembered in a cookie."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable

ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""Letters and digits that cannot be mistaken for one another when read aloud or off a board (no 0/O, 1/I/L, 5/S, 8/B, 2/Z)."""
CODE_LENGTH = 6


def new_code(length: int = CODE_LENGTH) -> str:
    """A random code such as `K7M-4PX` (the dash is only for reading)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(length))
    half = (length + 1) // 2
    return f"{raw[:half]}-{raw[half:]}"


def normalize(typed: str) -> str:
    """What counts of a typed code: letters and digits, upper case (so `k7m 4px` is `K7M-4PX`)."""
    return "".join(ch for ch in typed.upper() if ch.isascii() and ch.isalnum())


def same_code(typed: str, code: str) -> bool:
    """Whether `typed` is `code`; constant time, so the time taken tells nothing about how much was right."""
    return hmac.compare_digest(normalize(typed).encode("ascii", "replace"), normalize(code).encode("ascii"))


class Pass:
    """What a browser keeps after typing the right code: a keyed hash, never the code itself."""

    def __init__(self, role: str, secret: bytes | None = None) -> None:
        self.role = role
        self._secret = secret or secrets.token_bytes(32)
        self.token = hmac.new(self._secret, role.encode(), hashlib.sha256).hexdigest()

    def valid(self, presented: str | None) -> bool:
        return presented is not None and hmac.compare_digest(presented.encode("ascii", "replace"), self.token.encode())


class Attempts:
    """Wrong codes per address: after `allowed` wrong ones within `window` seconds, that address waits."""

    def __init__(self, allowed: int = 10, window: float = 60.0, timer: Callable[[], float] = time.monotonic) -> None:
        self.allowed = allowed
        self.window = window
        self.timer = timer
        self._wrong: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        now = self.timer()
        wrong = self._wrong.setdefault(address, deque())
        while wrong and now - wrong[0] >= self.window:
            wrong.popleft()
        if not wrong:
            del self._wrong[address]
            return deque()
        return wrong

    def blocked(self, address: str) -> bool:
        return len(self._recent(address)) >= self.allowed

    def failed(self, address: str) -> None:
        self._recent(address)
        self._wrong.setdefault(address, deque()).append(self.timer())

    def succeeded(self, address: str) -> None:
        self._wrong.pop(address, None)
