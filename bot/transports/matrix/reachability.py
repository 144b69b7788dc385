"""Waiting out an unreachable homeserver, and resuming as soon as it answers again.

A loop that meets a network error (the sync loop, each room's send queue) pauses with a
growing delay, so that an outage does not multiply requests. But its pause ends as soon as
the homeserver is heard again: by any request of the bot, or by one cheap unauthenticated
probe (`GET /_matrix/client/versions`) made every `PROBE_SECONDS` while a loop waits.
Without it, a 30 s cut-off kept the bot deaf and mute for about 75 s: its loops were 16
and 32 s into their pauses when the homeserver came back, and every command of that time
waited in the backlog.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

PROBE_SECONDS = 3.0


class Reachability:
    """Pauses that end early once the homeserver answers; `heard()` says it did."""

    def __init__(self, probe: Callable[[], Awaitable[bool]],
                 every: float = PROBE_SECONDS) -> None:
        self._probe = probe
        self._every = every
        self._next = asyncio.Event()  # set by the next answer heard, then replaced
        self._waiting = 0
        self._prober: asyncio.Task[None] | None = None

    def heard(self) -> None:
        """The homeserver answered a request (whatever the HTTP status)."""
        self._next.set()
        self._next = asyncio.Event()

    async def pause(self, seconds: float) -> None:
        """Sleep `seconds`, or less if the homeserver answers anything meanwhile."""
        answered = self._next
        self._waiting += 1
        if self._prober is None or self._prober.done():
            self._prober = asyncio.create_task(self._probing(), name="probe homeserver")
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(answered.wait(), seconds)
        finally:
            self._waiting -= 1

    async def close(self) -> None:
        """Stop probing (at the bot's stop)."""
        if self._prober is not None:
            self._prober.cancel()
            await asyncio.gather(self._prober, return_exceptions=True)

    async def _probing(self) -> None:
        while self._waiting:
            await asyncio.sleep(self._every)
            if self._waiting and await self._probe():
                self.heard()
