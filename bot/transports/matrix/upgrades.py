"""Room upgrades: when a room the bot is in is replaced (`m.room.tombstone`, as Tchap and
Element do to move a room to a new room version), the bot follows it.

It joins the replacement room (through the servers of the old room and of whoever
upgraded it; an invite-only replacement waits for an invitation, which is then accepted
whatever `matrix.allowed_*` says), and moves what it keeps by room: the direct chats, the
configured rooms (reminder rooms, the organisers' room, the allowed rooms: the app's
configuration follows, and the log names the keys of the file that are now dead), and
the reminders already sent. Each replacement is kept in the database (`state`), so the
configuration still follows after a restart, until the operator updates the file.
"""

from __future__ import annotations

import logging

from nio import AsyncClient

from bot.app import App
from bot.storage import Storage
from bot.transports.matrix.api import join
from bot.transports.matrix.directs import DirectChats
from bot.transports.matrix.invites import server_of
from bot.transports.matrix.power import PowerLevels

log = logging.getLogger(__name__)

SUCCESSOR = "matrix.successor."
"""State key prefix: the room that replaced the room named after it."""


class RoomUpgrades:
    """The rooms replaced by an upgrade, and following them."""

    def __init__(self, client: AsyncClient, app: App, storage: Storage, directs: DirectChats,
                 power: PowerLevels) -> None:
        self.client = client
        self.app = app
        self.storage = storage
        self.directs = directs
        self.power = power
        self._successors: dict[str, str] = {}
        self._joining: set[str] = set()  # replacements this run tried to join

    async def load(self) -> None:
        """Read the replacements seen before; the configuration follows them again."""
        for key, new in (await self.storage.state.states_with_prefix(SUCCESSOR)).items():
            self._successors[key.removeprefix(SUCCESSOR)] = new
        for old in list(self._successors):
            await self._follow_configuration(old, self.current(old))

    def current(self, room_id: str) -> str:
        """The room that `room_id` is now, after every upgrade."""
        seen = {room_id}
        while room_id in self._successors and self._successors[room_id] not in seen:
            room_id = self._successors[room_id]
            seen.add(room_id)
        return room_id

    def replaces_a_room(self, room_id: str) -> bool:
        """Whether `room_id` is the replacement of a room the bot was in."""
        return room_id in self._successors.values()

    async def on_tombstone(self, room_id: str, replacement: str, upgrader: str) -> None:
        """Room `room_id` says it is replaced by `replacement` (upgraded by `upgrader`)."""
        if not replacement or replacement == room_id:
            return
        if self._successors.get(room_id) != replacement:
            log.info("room %s was upgraded by %s; its replacement is %s", room_id, upgrader,
                     replacement)
            self._successors[room_id] = replacement
            await self.storage.state.set_state(SUCCESSOR + room_id, replacement)
            await self.directs.moved(room_id, replacement)
            self.power.forget(room_id)
            await self._follow_configuration(room_id, replacement)
        if replacement not in self.client.rooms and replacement not in self._joining:
            self._joining.add(replacement)
            servers = list(dict.fromkeys(server for server in (
                server_of(upgrader), room_id.partition(":")[2].lower()) if server))
            if await join(self.client, replacement, servers):
                log.info("joined %s, the replacement of %s", replacement, room_id)
            else:
                log.warning("cannot join %s, the replacement of %s (invite only?): invite "
                            "the bot there and it joins", replacement, room_id)

    async def _follow_configuration(self, old: str, new: str) -> None:
        dead = await self.app.replace_room(old, new)
        if dead:
            log.warning("configured room %s is dead (upgraded; now %s): %s; write the new id "
                        "in the configuration file", old, new, ", ".join(dead))
