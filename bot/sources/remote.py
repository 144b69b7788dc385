"""Following the programme sources given by URL: each is fetched at start, then asked
again every `poll_minutes` with a conditional request. A source that fails (network,
HTTP error, timeout, too large, cut before its end, not text) keeps its last version, logs
one line and is asked again later, less and less often; the bot goes on.

Whether a new version is published is not decided here: a document that reads as no
programme, or loses most of its sessions, is held by the one rule of bot.publishing.hold.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.monitoring.metrics import SOURCE_POLLS
from bot.programme.model import Problem, SourceRef
from bot.settings.config import ProgrammeConfig
from bot.sources.fetch import Fetched, FetchError, SourceName, fetch, open_client, source_name
from bot.sources.repository import ProgrammeSources

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 3600.0
"""A failing source is asked at least this often (or at the polling interval if longer)."""


@dataclass
class Source:
    """What the bot knows of one URL: its last version and how asking it goes."""

    url: str
    body: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    fetched_at: float | None = None
    failures: int = 0
    due: float = 0.0
    error: str | None = None

    @property
    def name(self) -> SourceName:
        return source_name(self.url, self.content_type)


class RemoteSources:
    """Every configured URL, refreshed when due; `documents()` is what the loaders read."""

    def __init__(self, settings: ProgrammeConfig, cache: ProgrammeSources | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.cache = cache
        self.clock = clock
        self.sources = [Source(url) for url in settings.urls]

    @property
    def interval(self) -> float:
        return self.settings.poll_minutes * 60

    def documents(self) -> list[tuple[SourceName, str]]:
        """The last text of every source that answered."""
        return [(source.name, source.body) for source in self.sources if source.body is not None]

    async def start(self) -> None:
        """Take each source's last version from the database, then ask every server."""
        for source in self.sources:
            cached = await self.cache.get(source.url) if self.cache else None
            if cached:
                source.body, source.etag, source.last_modified = (
                    cached.body, cached.etag, cached.last_modified)
                source.content_type, source.fetched_at = cached.content_type, cached.fetched_at
        await self.refresh_now()

    def problems(self) -> list[Problem]:
        """An error for each source that failed last time it was asked."""
        return [Problem(SourceRef(source.url), f"source failed: {source.error}"
                        + ("; its last version is used" if source.body else ""), "error")
                for source in self.sources if source.error]

    async def refresh_now(self) -> bool:
        """Ask every source now, failing ones too (an organiser asked for a reload)."""
        if not self.sources:
            return False
        for source in self.sources:
            source.due = min(source.due, self.clock())
        async with open_client() as client:
            return await self.refresh_due(client)

    async def run(self, on_change: Callable[[], Awaitable[object]]) -> None:
        """Ask each source when it is due, and call `on_change` after a new version came;
        until cancelled."""
        async with open_client() as client:
            while True:
                wait = min((source.due for source in self.sources), default=self.clock())
                await asyncio.sleep(max(0.0, wait - self.clock()))
                try:
                    if await self.refresh_due(client):
                        await on_change()
                except Exception:  # polling outlives any one bad round; the last good stays
                    log.exception("programme sources: a round of polling failed")
                    for source in self.sources:
                        source.due = max(source.due, self.clock() + self.interval)

    async def refresh_due(self, client: aiohttp.ClientSession) -> bool:
        """Ask every source that is due, together; True if any has a new version."""
        due = [source for source in self.sources if source.due <= self.clock()]
        changed = await asyncio.gather(*(self.refresh(source, client) for source in due))
        return any(changed)

    async def refresh(self, source: Source, client: aiohttp.ClientSession) -> bool:
        """Ask one source; True if it gave a new version."""
        try:
            fetched = await fetch(client, source.url, etag=source.etag,
                                  last_modified=source.last_modified,
                                  timeout=self.settings.fetch_timeout_seconds,
                                  max_bytes=self.settings.max_source_bytes)
        except FetchError as error:
            self._failed(source, str(error))
            return False
        self._answered(source, fetched)
        if fetched.body is None or fetched.body == source.body:
            SOURCE_POLLS.labels("unchanged").inc()
            return False
        source.body, source.content_type = fetched.body, fetched.content_type
        source.fetched_at = time.time()
        if self.cache:
            await self.cache.put(source.url, fetched.body, fetched.etag, fetched.last_modified,
                                 fetched.content_type)
        log.info("programme source %s: new version", source.url)
        SOURCE_POLLS.labels("new").inc()
        return True

    def _answered(self, source: Source, fetched: Fetched) -> None:
        if source.error:
            log.info("programme source %s answers again", source.url)
        source.etag = fetched.etag or source.etag
        source.last_modified = fetched.last_modified or source.last_modified
        source.failures, source.error = 0, None
        source.due = self.clock() + self.interval

    def _failed(self, source: Source, reason: str) -> None:
        SOURCE_POLLS.labels("failed").inc()
        source.failures += 1
        delay = min(self.interval * 2 ** source.failures, max(self.interval, MAX_BACKOFF_SECONDS))
        source.due = self.clock() + delay
        if reason != source.error:  # one line per failure, not one per attempt
            kept = (f"keeping its version of {_when(source.fetched_at)}" if source.body
                    else "no version of it yet")
            log.warning("programme source %s failed: %s; %s; next try in %d s",
                        source.url, reason, kept, delay)
        source.error = reason


def _when(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp or 0, UTC).strftime("%Y-%m-%d %H:%M UTC")


async def fetch_once(settings: ProgrammeConfig, urls: list[str]) -> RemoteSources:
    """Ask each of `urls` once, with no database (the command line's `programme check`)."""
    sources = RemoteSources(settings.model_copy(update={"sources": urls}))
    await sources.start()
    return sources
