"""The typing notice while an answer is being built: people see the bot is on it when an
answer takes longer than `TYPING_AFTER` (a quick answer shows no notice at all)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from nio import AsyncClient, RoomTypingResponse

from bot.transports.matrix.sending import NETWORK_ERRORS

TYPING_AFTER = 0.5
"""Seconds: most answers take a tenth of that; past it, the notice is worth a request."""
TYPING_FOR_MS = 30_000


@contextlib.asynccontextmanager
async def typing_while_building(client: AsyncClient, room_id: str) -> AsyncIterator[None]:
    """Show the bot typing in `room_id` if the work inside takes long, until it is done."""
    notice = asyncio.create_task(_start(client, room_id))
    try:
        yield
    finally:
        started = notice.done() and not notice.cancelled() and notice.result()
        notice.cancel()
        if started:
            with contextlib.suppress(*NETWORK_ERRORS):
                await client.room_typing(room_id, False)


async def _start(client: AsyncClient, room_id: str) -> bool:
    await asyncio.sleep(TYPING_AFTER)
    try:
        answer = await client.room_typing(room_id, True, timeout=TYPING_FOR_MS)
    except NETWORK_ERRORS:
        return False
    return isinstance(answer, RoomTypingResponse)
