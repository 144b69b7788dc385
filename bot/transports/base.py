"""What the core needs from a transport to send messages it was not asked for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

from bot.commands.messages import Outgoing

if TYPE_CHECKING:
    from bot.app import App


class Transport(Protocol):
    """Delivers messages addressed with `to_room` or `to_user` (reminders, notices, decisions).

    `deliver` returns once every message is sent, retrying as the transport sees fit; it
    raises only when a message definitively could not be delivered.
    """

    async def deliver(self, messages: list[Outgoing]) -> None: ...


Service = Callable[["App", Transport], Awaitable[None]]
"""A background job run beside a transport (reminders, file watching), with the transport
to send through; cancelled when the transport stops."""
