"""matrix-nio's encryption store, written to only when something changed.

After every sync, nio's `AsyncClient` hands its store the encrypted rooms that sync's state
named, and `DefaultStore` reads its account row to save them even when there are none: about
a millisecond of SQLite on the event loop per sync, and a sync or two per command (measured
in bench/roundtrip.py). This store remembers which rooms it holds, and writes only new ones.
Imported only when encryption is on (nio's store needs its crypto extra).
"""

from __future__ import annotations

from collections.abc import Iterable

from nio.store import DefaultStore


class ChangesOnlyStore(DefaultStore):
    """nio's `DefaultStore`, which writes only the encrypted rooms it does not hold yet."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self._saved_rooms: set[str] = set(self.load_encrypted_rooms())

    def save_encrypted_rooms(self, rooms: Iterable[str]) -> None:
        new = set(rooms) - self._saved_rooms
        if new:
            super().save_encrypted_rooms(new)
            self._saved_rooms |= new

    def delete_encrypted_room(self, room: str) -> None:
        super().delete_encrypted_room(room)
        self._saved_rooms.discard(room)
