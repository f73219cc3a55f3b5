"""PINs of profiles on a shared PC: kept as a slow salted hash (scrypt, from the standard library).

A PIN stops one pupil from opening another's profile by picking the name in the
list. It is not a security boundary: whoever can copy or edit the data folder
can remove it, and the teacher resets a forgotten one (`quiz pin NAME --reset`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .errors import StoreError

MIN_PIN, MAX_PIN = 4, 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MB and a few tens of milliseconds per check


class PinError(StoreError):
    """A PIN that cannot be used; the message says why in words a pupil understands."""


def check_new_pin(pin: str) -> str:
    """The PIN as kept (digits only, 4 to 12 of them); `PinError` otherwise."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit() and MIN_PIN <= len(pin) <= MAX_PIN):
        raise PinError(f"A PIN is {MIN_PIN} to {MAX_PIN} digits.")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash`, all that is needed to check the PIN later."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; False for anything unreadable."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        given = hashlib.scrypt(
            pin.strip().encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(digest) // 2
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(given.hex(), digest)
