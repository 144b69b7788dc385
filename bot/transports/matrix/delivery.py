"""Delivery: an `Outgoing` becomes a notice, a reaction or a file in the right room, queued
in the `Sender` under a transaction id that is the same whenever it is sent again."""

from __future__ import annotations

import asyncio
import logging
import uuid

from bot.commands.messages import Outgoing
from bot.transports.matrix.directs import DirectChats
from bot.transports.matrix.messages import (
    CommandEvent,
    file_message,
    notice,
    reaction,
    replacement,
)
from bot.transports.matrix.sending import DeliveryError, Sender

log = logging.getLogger(__name__)


class Delivery:
    """Sends answers in place, messages to a room, and personal ones to direct chats."""

    def __init__(self, sender: Sender, directs: DirectChats) -> None:
        self.sender = sender
        self.directs = directs

    async def queue(self, message: Outgoing, command: CommandEvent | None,
                    index: int, thread_root: str | None = None) -> asyncio.Future[str]:
        """Queue one message; `command` is what it answers when it goes in place,
        `thread_root` the event whose thread it goes in."""
        if message.to_user:
            room, answering = await self.directs.room_for(message.to_user), None
        elif message.to_room:
            room, answering = message.to_room, None
        elif command is not None:
            room, answering = command.room, command
        else:
            raise ValueError("an unsolicited message needs to_room or to_user")
        if message.key:  # the same key resent after a crash: the homeserver shows it once
            txn = f"bh-{message.key}"
        else:
            txn = f"bh-{command.event_id}-{index}" if command else f"bh-{uuid.uuid4().hex}"
        if message.react and answering is not None:
            return self.sender.enqueue(room, reaction(answering, message.react), txn,
                                       event_type="m.reaction")
        sent = self.sender.enqueue(room, notice(message.reply, answering, thread_root), txn)
        attachment = message.reply.attachment
        if attachment is None:
            return sent
        return self.sender.enqueue(room, file_message(attachment, answering), txn + "-file",
                                   attachment)

    async def answer(self, message: Outgoing, command: CommandEvent,
                     index: int) -> asyncio.Future[str]:
        """Queue one message of the answer to `command`, in order with the others."""
        if message.to_user:
            # Opening a direct chat waits until the sync loop shows the new room: never
            # wait for that from inside the sync loop itself.
            return asyncio.ensure_future(self._to_user(message, command, index))
        return await self.queue(message, command, index)  # queued at once: order is kept

    def replace(self, message: Outgoing, command: CommandEvent,
                answer: str) -> asyncio.Future[str]:
        """Edit the bot's earlier answer `answer` to read `message` (`command` is the edit)."""
        return self.sender.enqueue(command.room, replacement(notice(message.reply), answer),
                                   f"bh-{command.event_id}-edit")

    async def _to_user(self, message: Outgoing, command: CommandEvent, index: int) -> str:
        try:
            return await (await self.queue(message, command, index))
        except DeliveryError as error:
            log.error("answer to %s not sent: %s", command.event_id, error)
            raise

    async def deliver(self, messages: list[Outgoing]) -> None:
        """Send messages nobody asked for (reminders, decisions): `Transport.deliver`. A
        message in the thread of another waits for that one's event id."""
        futures: list[asyncio.Future[str]] = []
        by_key: dict[str, asyncio.Future[str]] = {}
        for message in messages:
            root = by_key.get(message.thread) if message.thread else None
            # shielded: a delivery cancelled while it waits must not cancel the root's send
            future = await self.queue(message, None, 0,
                                      await asyncio.shield(root) if root else None)
            futures.append(future)
            if message.key:
                by_key[message.key] = future
        for result in await asyncio.gather(*futures, return_exceptions=True):
            if isinstance(result, BaseException):
                raise DeliveryError(str(result)) from result
