"""Direct chats as Matrix means them, and one per person.

A room is a direct chat with the bot only if it was opened as one (invited with
`is_direct`, or opened by the bot) and still is one: exactly two members, the bot and one
person; a join rule of `invite` (nobody can walk in); history not `world_readable`. A
`public_chat` room flagged direct, or a direct chat someone else was invited to, is a room
like any other: proposals and review answers never go there.

The direct chat of each person is kept in the database and in the bot's `m.direct` account
data (what Element and Tchap read), whoever opened it, and reused while it is one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from nio import AsyncClient, DirectRoomsResponse, LocalProtocolError, MatrixRoom, RoomCreateResponse

from bot.storage import Storage
from bot.storage.state import direct_chat_key
from bot.transports.matrix.api import set_account_data
from bot.transports.matrix.sending import NETWORK_ERRORS, DeliveryError

log = logging.getLogger(__name__)

FLAGGED = "matrix.direct."
"""State key prefix of the rooms opened as direct chats (invited with is_direct, or opened)."""
USABLE_WAIT_SECONDS = 30


def is_private_pair(room: MatrixRoom) -> bool:
    """Two members, nobody else can join, history not readable from outside."""
    return (room.member_count == 2 and room.join_rule == "invite"
            and room.history_visibility != "world_readable")


class DirectChats:
    """The bot's direct chats: which rooms are ones, and the one with each person."""

    def __init__(self, client: AsyncClient, storage: Storage) -> None:
        self.client = client
        self.storage = storage
        self._flagged: set[str] = set()
        self._lock = asyncio.Lock()

    async def load(self) -> None:
        """Read back the rooms known as direct chats: from the database, and from the
        account's `m.direct` (written by the bot's other devices or an older database)."""
        self._flagged = {key.removeprefix(FLAGGED)
                         for key in await self.storage.state.states_with_prefix(FLAGGED)}
        try:
            published = await self.client.list_direct_rooms()
        except NETWORK_ERRORS as error:
            log.warning("m.direct not read (%s): direct chats from the database only",
                        error.__class__.__name__)
            return
        if not isinstance(published, DirectRoomsResponse):
            return  # none yet (404), or the server cannot tell now: the database is enough
        for user_id, rooms in published.rooms.items():
            for room_id in rooms:
                if room_id not in self._flagged:
                    self._flagged.add(room_id)
                    await self.storage.state.set_state(FLAGGED + room_id, "1")
            if rooms and await self.storage.state.get_state(direct_chat_key(user_id)) is None:
                await self.storage.state.set_state(direct_chat_key(user_id), rooms[-1])

    def is_direct(self, room: MatrixRoom) -> bool:
        """Whether `room` is a direct chat between the bot and one person."""
        return room.room_id in self._flagged and is_private_pair(room) and \
            self.client.user_id in room.users

    async def remember(self, room_id: str, user_id: str) -> None:
        """`room_id` is the direct chat with `user_id` (opened by them or by the bot)."""
        self._flagged.add(room_id)
        await self.storage.state.set_state(FLAGGED + room_id, "1")
        await self.storage.state.set_state(direct_chat_key(user_id), room_id)
        await self._publish(user_id, room_id)

    async def moved(self, old: str, new: str) -> None:
        """Room `old` was upgraded to `new`: if it was a direct chat, `new` is one now, for
        the same person."""
        if old not in self._flagged:
            return
        self._flagged.add(new)
        await self.storage.state.set_state(FLAGGED + new, "1")
        prefix = direct_chat_key("")
        for key, room in (await self.storage.state.states_with_prefix(prefix)).items():
            if room == old:
                await self.storage.state.set_state(key, new)
                await self._publish(key.removeprefix(prefix), new)

    async def room_for(self, user_id: str) -> str:
        """The direct chat with `user_id`, opened (and remembered) if there is none yet."""
        async with self._lock:
            known = await self.storage.state.get_state(direct_chat_key(user_id))
            room = self.client.rooms.get(known) if known else None
            if room is not None and self.is_direct(room) and (
                    user_id in room.users or user_id in room.invited_users):
                return room.room_id
            return await self._open(user_id)

    async def _open(self, user_id: str) -> str:
        client = self.client
        initial_state = []
        if client.store_path:
            initial_state.append({"type": "m.room.encryption", "state_key": "",
                                  "content": {"algorithm": "m.megolm.v1.aes-sha2"}})
        answer = await client.room_create(is_direct=True, invite=[user_id],
                                          initial_state=initial_state)
        if not isinstance(answer, RoomCreateResponse):
            raise DeliveryError(f"cannot open a direct chat with {user_id}: "
                                f"{answer.status_code} {answer.message}")
        await self.remember(answer.room_id, user_id)
        log.info("opened a direct chat with %s: %s", user_id, answer.room_id)
        await self._until_usable(answer.room_id, user_id)
        return answer.room_id

    async def _publish(self, user_id: str, room_id: str) -> None:
        """Add the room to the bot's `m.direct` account data, keeping what is there (the
        database has it anyway: a failure is only logged)."""
        try:
            current = await self.client.list_direct_rooms()
        except NETWORK_ERRORS as error:
            log.warning("m.direct not updated for %s (%s)", room_id, error.__class__.__name__)
            return
        rooms = dict(current.rooms) if isinstance(current, DirectRoomsResponse) else {}
        if room_id in rooms.get(user_id, []):
            return
        rooms[user_id] = [*rooms.get(user_id, []), room_id]
        await set_account_data(self.client, "m.direct", rooms)

    async def _until_usable(self, room_id: str, user_id: str) -> None:
        """Wait until the sync loop has shown the new room with the user in it (invited is
        enough), then, when encrypting, ask once for the user's device keys: a message
        encrypted before would be unreadable to them. (A user with no encrypting device has
        no keys to wait for, so this never waits for them to join.)"""
        client = self.client
        deadline = time.monotonic() + USABLE_WAIT_SECONDS
        while room_id not in client.rooms or user_id not in client.rooms[room_id].users:
            if time.monotonic() > deadline:
                log.warning("direct chat %s with %s not shown by the server after %d s; "
                            "sending anyway", room_id, user_id, USABLE_WAIT_SECONDS)
                return
            await asyncio.sleep(0.05)
        if client.store_path and client.should_query_keys:
            with contextlib.suppress(LocalProtocolError):
                await client.keys_query()
