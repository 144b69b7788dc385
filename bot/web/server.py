"""The HTTP listener: one aiohttp application on `web.listen`, started beside the bot."""

from __future__ import annotations

import json
import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from bot.monitoring.metrics import made_all
from bot.web.feeds import Feeds
from bot.web.health import Health

log = logging.getLogger(__name__)


class WebServer:
    """/healthz, /metrics and the calendar feeds, on (host, port) until `stop()`."""

    def __init__(self, health: Health) -> None:
        self.health = health
        self.feeds = Feeds(health.app)
        self._runner: web.AppRunner | None = None

    def application(self) -> web.Application:
        routes = web.Application()
        routes.router.add_get("/healthz", self._healthz)
        routes.router.add_get("/metrics", self._metrics)
        routes.router.add_get("/calendar/reminders/{token}.ics", self.feeds.reminders)
        routes.router.add_get("/calendar/{event}.ics", self.feeds.event)
        return routes

    async def start(self, host: str, port: int) -> None:
        """Listen on `host`:`port` (port 0: any free one, see `port`)."""
        made_all()
        self._runner = web.AppRunner(self.application(), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        log.info("listening on http://%s:%d (/healthz, /metrics, /calendar/…)",
                 host if ":" not in host else f"[{host}]", self.port)

    @property
    def port(self) -> int:
        assert self._runner is not None, "start() first"
        return self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, request: web.Request) -> web.Response:
        healthy, report = await self.health.report()
        return web.Response(text=json.dumps(report, ensure_ascii=False) + "\n",
                            status=200 if healthy else 503, content_type="application/json")

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(body=generate_latest(REGISTRY),
                            headers={"Content-Type": CONTENT_TYPE_LATEST})
