"""A real HTTP server on 127.0.0.1 for the tests of programme sources by URL (aiohttp.web)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web


@contextlib.asynccontextmanager
async def local_site(
    handler: Callable[[web.Request], Awaitable[web.StreamResponse]], route: str = "/{name}"
) -> AsyncIterator[tuple[web.AppRunner, str]]:
    """A server answering GET `route` with `handler`, on a port the system gives; yields its
    runner (`await runner.cleanup()` takes it down) and its base URL."""
    app = web.Application()
    app.router.add_get(route, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield runner, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()
