"""What the core needs from a transport to send messages it was not asked for."""

from __future__ import annotations

from typing import Protocol

from bot.commands.messages import Outgoing


class Transport(Protocol):
    """Delivers messages addressed with `to_room` or `to_user` (reminders, notices, decisions).

    `deliver` returns once every message is sent, retrying as the transport sees fit; it
    raises only when a message definitively could not be delivered.
    """

    async def deliver(self, messages: list[Outgoing]) -> None: ...
