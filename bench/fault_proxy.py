"""A fault-injecting HTTP proxy on 127.0.0.1, between the bot and its homeserver.

    proxy = FaultProxy("http://127.0.0.1:8008", Faults(), seed=1)
    base_url = await proxy.start()          # give the bot this as matrix.homeserver
    await proxy.partition(30)               # nothing gets through for 30 s
    proxy.script("/sendToDevice/", "limit_exceeded", 3)   # the next 3 such requests: 429
    print(proxy.counts)                     # what was injected, per kind
    proxy.requests("/messages")             # how many requests had that in their path
    await proxy.stop()

Each request draws one fate (`Faults` gives the odds): forwarded as is; answered 429
M_LIMIT_EXCEEDED with a `retry_after_ms` without reaching the server; answered 502 with an
HTML page, as a reverse proxy does; its connection reset before it reaches the server, or
*after* the server handled it (the answer is lost: the request must be retried without its
effect happening twice); or stalled for a while, then forwarded. During a partition every
request, and every request under way when it starts, has its connection reset. Tests
use `NO_FAULTS` and `script()` to pick which requests fail.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length",
              "content-encoding", "host", "upgrade", "te", "trailer", "proxy-authorization"}
BAD_GATEWAY = b"<html><head><title>502 Bad Gateway</title></head><body>502</body></html>"


@dataclass(frozen=True)
class Faults:
    """The odds of each fault, per request (the rest are forwarded untouched)."""

    limit_exceeded: float = 0.04
    bad_gateway: float = 0.03
    reset_before: float = 0.02
    reset_after: float = 0.02
    stall: float = 0.02
    stall_seconds: tuple[float, float] = (3.0, 20.0)
    retry_after_ms: tuple[int, int] = (200, 3000)

    def draw(self, rng: random.Random) -> str:
        roll = rng.random()
        for name in ("limit_exceeded", "bad_gateway", "reset_before", "reset_after", "stall"):
            roll -= getattr(self, name)
            if roll < 0:
                return name
        return "forwarded"


NO_FAULTS = Faults(limit_exceeded=0, bad_gateway=0, reset_before=0, reset_after=0, stall=0)


class FaultProxy:
    """See the module docstring."""

    def __init__(self, upstream: str, faults: Faults, *, seed: int = 0) -> None:
        self.upstream = upstream.rstrip("/")
        self.faults = faults
        self.rng = random.Random(seed)
        self.counts: Counter[str] = Counter()
        self._paths: Counter[str] = Counter()  # requests per path (without the query)
        self._partitioned = False
        self._scripted: list[list[Any]] = []  # [path part, fate, requests left]
        self._under_way: set[asyncio.BaseTransport] = set()
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    async def start(self, port: int = 0) -> str:
        """Listen on 127.0.0.1 (`port` 0: any free one); the base URL to give the bot."""
        logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)  # resets are the point
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=None), auto_decompress=False)
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{bound}"

    async def stop(self) -> None:
        """Stop at once: requests under way (long-polling syncs) are cut, not awaited."""
        for transport in list(self._under_way):
            transport.abort()
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def script(self, path_part: str, fate: str, count: int = 1) -> None:
        """The next `count` requests whose path contains `path_part` meet `fate` (a field
        name of `Faults`), whatever the odds say."""
        self._scripted.append([path_part, fate, count])

    def requests(self, path_part: str) -> int:
        """How many requests whose path contains `path_part` came, whatever their fate."""
        return sum(n for path, n in self._paths.items() if path_part in path)

    def _fate(self, path: str) -> str:
        for entry in self._scripted:
            if entry[0] in path and entry[2] > 0:
                entry[2] -= 1
                return entry[1]
        return self.faults.draw(self.rng)

    async def partition(self, seconds: float) -> None:
        """Reset every connection, and every new one, for `seconds`."""
        self._partitioned = True
        self.counts["partitions"] += 1
        for transport in list(self._under_way):
            transport.abort()
        try:
            await asyncio.sleep(seconds)
        finally:
            self._partitioned = False

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        transport = request.transport
        self._paths[request.path] += 1
        if self._partitioned:
            self.counts["partitioned"] += 1
            return self._reset(request)
        fate = self._fate(request.path)
        self.counts[fate] += 1
        if fate == "limit_exceeded":
            wait = self.rng.randint(*self.faults.retry_after_ms)
            return web.json_response({"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many "
                                      "Requests", "retry_after_ms": wait}, status=429)
        if fate == "bad_gateway":
            return web.Response(status=502, body=BAD_GATEWAY, content_type="text/html")
        if fate == "reset_before":
            return self._reset(request)
        if transport is not None:
            self._under_way.add(transport)
        try:
            if fate == "stall":
                await asyncio.sleep(self.rng.uniform(*self.faults.stall_seconds))
            answer = await self._forward(request)
            if fate == "reset_after" or self._partitioned:
                return self._reset(request)
            return answer
        finally:
            if transport is not None:
                self._under_way.discard(transport)

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._session is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        async with self._session.request(
                request.method, self.upstream + request.rel_url.path_qs, headers=headers,
                data=await request.read() if request.can_read_body else None) as upstream:
            body = await upstream.read()
            kept = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP}
            return web.Response(status=upstream.status, body=body, headers=kept)

    @staticmethod
    def _reset(request: web.Request) -> web.StreamResponse:
        """Drop the connection without an answer (the client sees a reset)."""
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=599)  # never reaches the client: the socket is gone
