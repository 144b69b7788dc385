"""Delivering the reading reports to the organisers' room: the headline in the room, the
details in its thread; a report is kept in the database until the transport has it, and
each keeps its keys, so one sent again after a crash shows once."""

from __future__ import annotations

import asyncio
import logging

from bot.app import App
from bot.commands.messages import Outgoing, Transport
from bot.publishing.publisher import Publisher

log = logging.getLogger(__name__)

RETRY_SECONDS = 30.0
"""After a failed delivery, the reports are tried again this much later, then twice as late
after each failure (the bot not in the room yet), up to `MAX_RETRY_SECONDS`."""
MAX_RETRY_SECONDS = 3600.0


async def send_reports(app: App, transport: Transport) -> None:
    """Deliver the reports as the publisher makes them, until cancelled."""
    publisher = app.publishing
    if not isinstance(publisher, Publisher):
        return
    pause = RETRY_SECONDS
    while True:
        await publisher.reported.wait()
        publisher.reported.clear()
        if await deliver(publisher, transport):
            pause = RETRY_SECONDS
            continue
        await asyncio.sleep(pause)
        pause = min(pause * 2, MAX_RETRY_SECONDS)
        publisher.reported.set()


async def deliver(publisher: Publisher, transport: Transport) -> bool:
    """Send every report waiting; False when the transport failed (they wait their turn)."""
    room = publisher.config.proposals.organisers_room
    for pending in await publisher.pending():
        if room is None:
            await publisher.delivered(pending)  # nowhere to say it: the log has it
            continue
        key = f"rep-{pending.key}"
        try:
            await transport.deliver([
                Outgoing(pending.headline, to_room=room, key=key),
                Outgoing(pending.details, to_room=room, key=f"{key}-details", thread=key),
            ])
        except Exception as error:
            log.error("reading report not delivered to %s (%s: %s); will try again", room,
                      type(error).__name__, error)
            return False
        await publisher.delivered(pending)
    return True
