"""Programme sources by URL, against a real HTTP server on 127.0.0.1 (aiohttp.web): changes,
304s, 500s, timeouts, slow, huge and cut answers, broken documents, the database cache
across a restart, and a running bot that follows a change and survives the server going
down."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web

from bot.cli.assemble import build_app, start_background
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming, Outgoing
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config, ProgrammeConfig
from bot.sources.remote import RemoteSources
from bot.sources.repository import ProgrammeSources
from bot.storage import Storage
from tests.support.http import local_site
from tests.support.paths import SCHEDULES

FIXTURES = SCHEDULES
SCHEDULE = (FIXTURES / "pretalx-like-schedule.xml").read_bytes()
ROOM = "!bluehats:tchap"


@dataclass
class Served:
    """What the test server answers; the tests change it between requests."""

    body: bytes = SCHEDULE
    etag: str | None = '"v1"'
    last_modified: str | None = None
    status: int = 200
    delay: float = 0.0
    drip: float = 0.0
    """Seconds between chunks of 1 kB: a server that answers, slowly."""
    chunked: bool = False
    cut: int | None = None
    """Bytes sent before the connection drops, the Content-Length announcing them all."""
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    async def answer(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(dict(request.headers))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.Response(status=self.status, text="Internal trouble")
        if (self.etag and request.headers.get("If-None-Match") == self.etag) or (
            self.last_modified and request.headers.get("If-Modified-Since") == self.last_modified
        ):
            return web.Response(status=304)
        headers = {key: value for key, value in (("ETag", self.etag),
                                                  ("Last-Modified", self.last_modified)) if value}
        if self.cut is not None:
            response = web.StreamResponse(headers=headers)
            response.content_length = len(self.body)
            await response.prepare(request)
            await response.write(self.body[:self.cut])
            assert request.transport is not None
            request.transport.close()
            return response
        if not (self.drip or self.chunked):
            return web.Response(body=self.body, headers=headers, content_type="application/xml")
        response = web.StreamResponse(headers=headers)
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(self.body), 1024):
            await response.write(self.body[start:start + 1024])
            await asyncio.sleep(self.drip)
        await response.write_eof()
        return response


@contextlib.asynccontextmanager
async def http_server(served: Served) -> AsyncIterator[web.AppRunner]:
    async with local_site(served.answer) as (runner, base):
        served.url = f"{base}/schedule.xml"
        yield runner


@pytest.fixture
async def served() -> AsyncIterator[Served]:
    found = Served()
    async with http_server(found):
        yield found


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def remote(url: str, cache: ProgrammeSources | None = None, clock: Ticks | None = None,
           **settings: object) -> RemoteSources:
    config = ProgrammeConfig.model_validate({"sources": [url], "poll_minutes": 1, **settings})
    return RemoteSources(config, cache, clock or Ticks())


def titles(sources: RemoteSources) -> str:
    ((_, text),) = sources.documents()
    return text


async def test_a_change_is_fetched_and_an_unchanged_source_answers_304(served) -> None:
    sources = remote(served.url)
    await sources.start()
    assert titles(sources) == SCHEDULE.decode()
    ((name, _),) = sources.documents()
    assert str(name) == served.url and name.suffix == ".xml"

    async with _client() as client:
        assert await sources.refresh(sources.sources[0], client) is False  # unchanged
        assert served.requests[-1]["If-None-Match"] == '"v1"'
        served.body = SCHEDULE.replace(b"Jitsi in 2025", b"Jitsi in 2026")
        served.etag = '"v2"'
        assert await sources.refresh(sources.sources[0], client) is True
    assert "Jitsi in 2026" in titles(sources)
    assert len(served.requests) == 3


async def test_last_modified_is_sent_back_when_there_is_no_etag(served) -> None:
    served.etag, served.last_modified = None, "Sat, 27 Dec 2025 10:00:00 GMT"
    sources = remote(served.url)
    await sources.start()
    async with _client() as client:
        assert await sources.refresh(sources.sources[0], client) is False
    assert served.requests[-1]["If-Modified-Since"] == "Sat, 27 Dec 2025 10:00:00 GMT"
    assert "If-None-Match" not in served.requests[-1]


async def test_a_failing_server_keeps_the_last_good_version_logs_once_and_backs_off(
        served, caplog) -> None:
    clock = Ticks()
    sources = remote(served.url, clock=clock)
    await sources.start()
    source = sources.sources[0]
    assert source.due == clock.now + 60
    served.status = 500
    caplog.set_level(logging.INFO, logger="bot.sources.remote")
    async with _client() as client:
        for expected_delay in (120, 240, 480):
            assert await sources.refresh(source, client) is False
            assert source.due == clock.now + expected_delay
        assert titles(sources) == SCHEDULE.decode()
        (line,) = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert "HTTP 500" in line.getMessage() and "keeping its version of" in line.getMessage()
        assert [str(p) for p in sources.problems()] == [
            f"{served.url}: error: source failed: HTTP 500 Internal Server Error; "
            "its last version is used"]
        served.status = 200
        await sources.refresh(source, client)
    assert source.failures == 0 and sources.problems() == []
    assert "answers again" in caplog.records[-1].getMessage()


async def test_no_answer_within_the_timeout_is_a_failure(served) -> None:
    sources = remote(served.url, fetch_timeout_seconds=0.3)
    served.delay = 1.0
    await sources.start()
    assert sources.documents() == []
    assert sources.sources[0].error == "no whole answer within 0.3 s"


async def test_a_slow_answer_that_never_ends_in_time_is_a_failure(served) -> None:
    sources = remote(served.url, fetch_timeout_seconds=0.5)
    await sources.start()
    served.drip, served.etag = 0.05, '"v2"'  # 140 chunks of 1 kB, 50 ms apart: 7 s
    served.body = SCHEDULE.replace(b"Jitsi in 2025", b"Jitsi in 2026")
    async with _client() as client:
        assert await sources.refresh(sources.sources[0], client) is False
    assert sources.sources[0].error == "no whole answer within 0.5 s"
    assert "Jitsi in 2026" not in titles(sources)


@pytest.mark.parametrize("chunked", [False, True], ids=["with length", "chunked"])
async def test_a_huge_answer_is_refused(served, chunked) -> None:
    sources = remote(served.url, max_source_bytes=100_000)  # the schedule is 140 kB
    served.chunked = chunked
    await sources.start()
    assert sources.documents() == []
    error = sources.sources[0].error
    assert error and "more than the 100000 bytes allowed" in error


async def test_an_answer_that_is_not_text_is_a_failure(served) -> None:
    sources = remote(served.url)
    await sources.start()
    served.body, served.etag = b"\xff\xfe not text", '"broken"'
    async with _client() as client:
        assert await sources.refresh(sources.sources[0], client) is False
    assert titles(sources) == SCHEDULE.decode()
    assert (sources.sources[0].error or "").startswith("not readable text")


async def test_an_answer_cut_before_its_content_length_is_not_a_version(served) -> None:
    sources = remote(served.url)
    await sources.start()
    served.body = SCHEDULE.replace(b"Jitsi in 2025", b"Jitsi in 2026")
    served.etag, served.cut = '"v2"', 20_000  # a valid start: cut within the first talks
    async with _client() as client:
        assert await sources.refresh(sources.sources[0], client) is False
    assert sources.sources[0].error == (
        f"answer cut before its end: 20000 bytes of the {len(served.body)} announced arrived")
    assert titles(sources) == SCHEDULE.decode()  # the last version stays, its ETag too
    assert sources.sources[0].etag == '"v1"'


@pytest.mark.parametrize("broken", [b"<?xml version='1.0'?>\n<schedule>\n<conference>\n",
                                    b"just some words", SCHEDULE[:20_000]],
                         ids=["cut XML", "no known format", "cut by the server itself"])
async def test_a_broken_document_is_held_not_published(tmp_path, served, broken) -> None:
    config = Config.model_validate({
        "programme": {"sources": [served.url], "watch": False},
        "storage": {"database": str(tmp_path / "bot.db")}})
    app = await build_app(config, FixedClock(parse_local("2025-12-27 09:00")))
    try:
        before = app.programme.events
        served.body, served.etag = broken, '"broken"'
        await app.reload()
        assert app.programme.events == before and len(app.programme.sessions) == 128
        assert list(app.publishing.held) == [served.url]  # type: ignore[union-attr]
    finally:
        await app.storage.close()


async def test_a_cut_answer_leaves_the_published_programme_and_reports_nothing(
        tmp_path, served) -> None:
    config = Config.model_validate({
        "programme": {"sources": [served.url], "watch": False},
        "storage": {"database": str(tmp_path / "bot.db")},
        "proposals": {"organisers_room": "!organisers:example.org"}})
    app = await build_app(config, FixedClock(parse_local("2025-12-27 09:00")))
    try:
        before = app.programme.events
        served.etag, served.cut = '"v2"', 20_000
        await app.reload()
        assert app.programme.events == before
        assert app.publishing.held == {}  # type: ignore[union-attr]
        assert await app.publishing.pending() == []  # type: ignore[union-attr]
        assert "answer cut before its end" in (app.sources.sources[0].error or "")
    finally:
        await app.storage.close()


async def test_the_last_good_version_is_in_the_database_for_a_restart_without_network(
        tmp_path) -> None:
    served = Served()
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        async with http_server(served):
            first = remote(served.url, storage.repository(ProgrammeSources))
            await first.start()
        again = remote(served.url, storage.repository(ProgrammeSources))  # the server is gone
        await again.start()
        assert titles(again) == SCHEDULE.decode()
        assert "Cannot connect" in again.sources[0].error
        assert again.sources[0].etag == '"v1"'
    finally:
        await storage.close()


class Recorder:
    """A transport that keeps what it is asked to deliver."""

    def __init__(self) -> None:
        self.sent: list[Outgoing] = []

    async def deliver(self, messages: list[Outgoing]) -> None:
        self.sent.extend(messages)


async def until(condition, seconds: float) -> bool:
    for _ in range(int(seconds * 20)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


async def test_a_running_bot_follows_a_source_and_survives_its_server_going_down(
        tmp_path) -> None:
    served = Served()
    clock = FixedClock(parse_local("2025-12-27 09:00"))
    async with http_server(served) as runner:
        config = Config.model_validate({
            "programme": {"sources": [served.url], "poll_minutes": 0.02, "watch": False},
            "storage": {"database": str(tmp_path / "bot.db")},
            "reminders": {"rooms": [{"room": ROOM}], "digest_time": None},
        })
        app = await build_app(config, clock)
        transport = Recorder()
        tasks = start_background(app, transport)
        try:
            assert len(app.programme.sessions) == 128
            moved = SCHEDULE.replace(  # the first event of the file, id 2001, at 11:00
                b"<date>2025-12-27T11:00:00+01:00</date>\n        <start>11:00",
                b"<date>2025-12-27T18:00:00+01:00</date>\n        <start>18:00", 1)
            assert moved != SCHEDULE
            served.body, served.etag = moved, '"v2"'
            # one polling interval is 1.2 s: the change is in, and announced in the room
            assert await until(lambda: transport.sent, 3)
            (notice,) = transport.sent
            assert notice.to_room == ROOM
            assert notice.reply.plain.startswith(
                "Changement : « accessibility for everyone » passe")
            await runner.cleanup()  # the server goes down
            await asyncio.sleep(1.5)
            (answer,) = await handle(app, Incoming("!qui Greta Nowak", "@a:b", ROOM))
            assert "accessibility for everyone" in answer.reply.plain
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await app.storage.close()
    restarted = await build_app(config, clock)  # no server, no network: the database has it
    try:
        event = restarted.programme.events[0]
        first = next(s for s in event.sessions if s.guid == "80f8140b-36f0-5732-a985-9d2e30c2f950")
        assert first.start.strftime("%H:%M") == "18:00"
        (answer,) = await handle(restarted, Incoming("!programme ptc2025", "@a:b", ROOM))
        assert "Pretalx-like test congress" in answer.reply.plain
    finally:
        await restarted.storage.close()


def _client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()


async def test_a_reload_asked_by_an_organiser_asks_the_sources_at_once(tmp_path) -> None:

    served = Served()
    async with http_server(served):
        config = Config.model_validate({
            "programme": {"sources": [served.url], "poll_minutes": 60, "watch": False},
            "storage": {"database": str(tmp_path / "bot.db")}})
        app = await build_app(config, FixedClock(parse_local("2025-12-27 09:00")))
        try:
            served.body = SCHEDULE.replace(b"<title>Pretalx-like test congress</title>",
                                           b"<title>Pretalx-like test congress, moved</title>")
            served.etag = '"v2"'
            await app.reload()  # what !recharger does
            assert app.programme.events[0].title == "Pretalx-like test congress, moved"
        finally:
            await app.storage.close()


def test_a_url_without_a_suffix_is_read_by_its_content_type() -> None:
    from bot.sources.fetch import source_name

    assert source_name("https://p.example.org/c/schedule/export/", "application/json").suffix \
        == ".json"
    assert source_name("https://p.example.org/c/programme", "application/x-yaml").suffix \
        == ".yaml"
    named = source_name("https://p.example.org/c/schedule.xml?lang=fr", "text/plain")
    assert (named.suffix, str(named)) == (".xml", "https://p.example.org/c/schedule.xml?lang=fr")
