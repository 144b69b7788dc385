"""Calendar feeds: an event's programme at /calendar/<event id>.ics, and a person's
reminders at /calendar/reminders/<token>.ics, which calendar applications poll.

Each answer carries an ETag, a hash of the calendar as it would be with a fixed stamp: a
poll with `If-None-Match` gets 304 (nothing to transfer) until the programme changes.
The DTSTAMP of the calendar's entries is when the listener first served this version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from aiohttp import web

from bot.app import App
from bot.formats.ics import calendar
from bot.reminders.feed import feed_owner, reminders_calendar

Build = Callable[[datetime], Awaitable[bytes]]
FIXED_STAMP = datetime(2000, 1, 1, tzinfo=UTC)
KEPT_VERSIONS = 10_000
"""Feeds whose first-served time is remembered; past that, the oldest are forgotten."""


class Feeds:
    """The feeds of one app, and when each version was first served."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._first_served: dict[str, tuple[str, datetime]] = {}

    async def event(self, request: web.Request) -> web.StreamResponse:
        event = self.app.programme.event(request.match_info["event"])
        if event is None:
            raise web.HTTPNotFound(text="no such event\n")

        async def build(stamp: datetime) -> bytes:
            return calendar([event], self.app.catalog.agenda, stamp)

        return await self._serve(request, f"event {event.id}", build)

    async def reminders(self, request: web.Request) -> web.StreamResponse:
        assert self.app.storage is not None
        user = await feed_owner(self.app.storage, request.match_info["token"])
        if user is None:
            raise web.HTTPNotFound(text="no such feed\n")

        async def build(stamp: datetime) -> bytes:
            return await reminders_calendar(self.app, user, stamp)

        return await self._serve(request, f"reminders {user}", build)

    async def _serve(self, request: web.Request, key: str, build: Build) -> web.StreamResponse:
        tag = '"' + hashlib.sha256(await build(FIXED_STAMP)).hexdigest()[:32] + '"'
        known = self._first_served.get(key)
        if known is None or known[0] != tag:
            if len(self._first_served) >= KEPT_VERSIONS:
                self._first_served.pop(next(iter(self._first_served)))
            known = self._first_served[key] = (tag, datetime.now(UTC).replace(microsecond=0))
        headers = {"ETag": tag, "Cache-Control": "no-cache",
                   "Last-Modified": known[1].strftime("%a, %d %b %Y %H:%M:%S GMT")}
        if _matches(request.headers.get("If-None-Match", ""), tag):
            return web.Response(status=304, headers=headers)
        return web.Response(body=await build(known[1]), headers=headers,
                            content_type="text/calendar", charset="utf-8")


def _matches(if_none_match: str, tag: str) -> bool:
    """Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 says)."""
    given = {item.strip().removeprefix("W/") for item in if_none_match.split(",")}
    return "*" in given or tag in given
