"""Profiles by name (with their PINs and options) and the deck files each learner opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.engine.clock import to_micros, utc_now

from .connection import Connection
from .errors import StoreError
from .profiles import ProfileNameError, clean_profile_name, match_profile


class ProfileRows(Connection):
    """The `profiles` and `deck_files` tables."""

    # -- profiles --------------------------------------------------------

    def list_profiles(self) -> list[str]:
        return [name for (name,) in self.query("SELECT name FROM profiles ORDER BY name COLLATE NOCASE")]

    def _profiles_by_age(self, conn: sqlite3.Connection | None = None) -> list[str]:
        sql = "SELECT name FROM profiles ORDER BY id"
        if conn is not None:
            return [name for (name,) in conn.execute(sql)]
        return [name for (name,) in self.query(sql)]

    def resolve_profile(self, name: str) -> str:
        """The learner `name` means: an existing profile (see `match_profile`), else the cleaned name.

        A name already in the database is always accepted as it is, so
        profiles made before names were checked stay reachable. Raises
        `ProfileNameError` for a name that cannot be a learner's.
        """
        return self._resolve(name, self._profiles_by_age())

    @staticmethod
    def _resolve(name: str, existing: list[str]) -> str:
        if name in existing:
            return name
        try:
            clean = clean_profile_name(name)
        except ProfileNameError as problem:  # said where no prompt shows it: name the name
            reason = str(problem)
            raise ProfileNameError(f"{name!r} cannot be a learner's name: {reason[:1].lower()}{reason[1:]}") from None
        return match_profile(clean, existing) or clean

    def create_profile(self, name: str) -> str:
        """Add a learner and return the name as kept; a clear `StoreError` if the name is unusable or taken."""
        clean = clean_profile_name(name)
        with self.transaction() as conn:
            taken = match_profile(clean, self._profiles_by_age(conn))
            if taken is not None:
                raise StoreError(f"there is already a profile named {taken!r}")
            conn.execute("INSERT INTO profiles (name, created_us) VALUES (?, ?)", (clean, to_micros(utc_now())))
        return clean

    def ensure_profile(self, name: str) -> str:
        """The learner `name` means, created if there is none yet; returns the profile's name as kept."""
        with self.transaction() as conn:  # resolved inside the write lock: another quiz may be adding the same pupil
            resolved = self._resolve(name, self._profiles_by_age(conn))
            conn.execute(
                "INSERT OR IGNORE INTO profiles (name, created_us) VALUES (?, ?)", (resolved, to_micros(utc_now()))
            )
        return resolved

    def set_pin(self, profile: str, pin: str | None) -> None:
        """Give the profile a PIN (see `pins`), or take it away with None (a teacher's reset)."""
        from .pins import check_new_pin, hash_pin

        stored = None if pin is None else hash_pin(check_new_pin(pin))
        pid = self.profile_id(profile, create=False)
        if pid is None:
            raise StoreError(f"no profile named {profile!r}")
        with self.transaction() as conn:
            conn.execute("UPDATE profiles SET pin = ? WHERE id = ?", (stored, pid))

    def has_pin(self, profile: str) -> bool:
        pid = self.profile_id(profile, create=False)
        return pid is not None and bool(self.query("SELECT 1 FROM profiles WHERE id = ? AND pin IS NOT NULL", (pid,)))

    def pin_matches(self, profile: str, pin: str) -> bool:
        """Whether `pin` opens the profile (a profile without a PIN needs none)."""
        from .pins import pin_matches

        pid = self.profile_id(profile, create=False)
        rows = self.query("SELECT pin FROM profiles WHERE id = ?", (pid,)) if pid is not None else []
        return not rows or rows[0][0] is None or pin_matches(pin, rows[0][0])

    def profile_id(self, name: str, *, create: bool = True) -> int | None:
        """The id of the learner `name` means (see `resolve_profile`), created on first use unless `create` is false."""
        cached = self._profile_ids.get(name)
        if cached is not None:
            return cached
        try:
            resolved = self.resolve_profile(name)
        except ProfileNameError:
            if not create:
                return None
            raise
        row = self.query("SELECT id FROM profiles WHERE name = ?", (resolved,))
        if not row:
            if not create:
                return None
            resolved = self.ensure_profile(resolved)
            row = self.query("SELECT id FROM profiles WHERE name = ?", (resolved,))
        self._profile_ids[name] = int(row[0][0])
        return self._profile_ids[name]

    def _pid(self, profile: str) -> int:
        pid = self.profile_id(profile)
        assert pid is not None
        return pid

    # -- deck files ------------------------------------------------------

    def remember_deck_file(self, profile: str, deck_id: str, path: Path) -> None:
        """Note where a deck that is not bundled was read from, so the deck list can offer it again."""
        pid = self._pid(profile)
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO deck_files (profile_id, deck_id, path, used_us) VALUES (?, ?, ?, ?)",
                (pid, deck_id, str(Path(path).absolute()), to_micros(utc_now())),
            )

    def deck_files(self, profile: str) -> list[tuple[str, Path]]:
        """(deck id, file) of the decks this learner studied from a file, most recently used first."""
        pid = self.profile_id(profile, create=False)
        if pid is None:
            return []
        rows = self.query("SELECT deck_id, path FROM deck_files WHERE profile_id = ? ORDER BY used_us DESC", (pid,))
        return [(deck_id, Path(path)) for deck_id, path in rows]
