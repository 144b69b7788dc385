"""The HTTP listener, real, on 127.0.0.1: /healthz, /metrics read with prometheus_client's
own parser, and the calendar feeds (RFC 5545, read back with the icalendar library) with
their ETag and 304; `bluehats-bot health` against it."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import icalendar
import pytest
from multidict import CIMultiDict
from prometheus_client.parser import text_string_to_metric_families

from bot.app import App
from bot.cli.assemble import new_app
from bot.cli.main import main
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.loaders.files import load_paths
from bot.monitoring.metrics import COMMANDS
from bot.privacy.sweep import Privacy
from bot.programme.model import Programme
from bot.reminders.feed import feed_path, feed_token
from bot.reminders.repository import Reminders
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config, WebConfig
from bot.storage import Storage
from bot.web.health import Health
from bot.web.server import WebServer
from tests.support.imports import run_listing_modules
from tests.support.paths import DATA

PROGRAMME = load_paths([DATA])
EVENT_2024 = "2024-journees-bluehats-au-salon-open-source"
ALICE = "@alice:example.org"


@dataclass
class Listener:
    app: App
    server: WebServer
    http: aiohttp.ClientSession
    synced: list[float | None]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    async def get(self, path: str, **headers: str) -> tuple[int, CIMultiDict[str], bytes]:
        async with self.http.get(self.base + path, headers=headers) as answer:
            return answer.status, CIMultiDict(answer.headers), await answer.read()


@pytest.fixture
async def listener(tmp_path: Path) -> AsyncIterator[Listener]:
    storage = await Storage.open(tmp_path / "bot.db")
    config = Config(web=WebConfig(public_url="https://bot.example.org"))
    app = new_app(config, PROGRAMME, FixedClock(parse_local("2024-12-04 09:00")), storage)
    synced: list[float | None] = [time.time() - 3]
    server = WebServer(Health(app, lambda: synced[0]))
    await server.start("127.0.0.1", 0)
    try:
        async with aiohttp.ClientSession() as http:
            yield Listener(app, server, http, synced)
    finally:
        await server.stop()
        await storage.close()


async def test_healthz_says_what_each_check_saw(listener: Listener) -> None:
    status, headers, body = await listener.get("/healthz")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    report = json.loads(body)
    assert report["status"] == "ok"
    assert report["sync"]["ok"] and 2 <= report["sync"]["age_seconds"] < 30
    assert report["database"] == {"ok": True}
    assert report["programme"] == {"ok": True, "events": 4, "sessions": 72}


async def test_healthz_fails_on_an_old_sync_or_none(listener: Listener) -> None:
    listener.synced[0] = time.time() - 600  # cut off for ten minutes
    status, _, body = await listener.get("/healthz")
    assert status == 503 and b'"status": "failing"' in body and b'"age_seconds": 600' in body
    listener.synced[0] = None
    status, _, body = await listener.get("/healthz")
    assert status == 503 and b"no sync yet" in body


async def test_healthz_fails_when_the_database_refuses_writes(listener: Listener) -> None:
    assert listener.app.storage is not None
    await listener.app.storage.db.execute("PRAGMA query_only = ON")  # as a read-only file
    status, _, body = await listener.get("/healthz")
    assert status == 503 and b'"database": {"ok": false, "detail": "a write fails' in body
    await listener.app.storage.db.execute("PRAGMA query_only = OFF")
    assert (await listener.get("/healthz"))[0] == 200


async def test_healthz_fails_without_a_programme(listener: Listener) -> None:
    listener.app.update_programme(files=Programme(()))
    status, _, body = await listener.get("/healthz")
    assert status == 503 and b'"programme": {"ok": false, "events": 0' in body


async def test_the_health_command_asks_the_listener(
        listener: Listener, capsys: pytest.CaptureFixture[str]) -> None:
    assert await asyncio.to_thread(main, ["health", "--url", listener.base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"ok: {listener.base}/healthz"
    assert lines[1].startswith("  sync: ok (age_seconds=")
    assert lines[2:] == ["  database: ok", "  programme: ok (events=4, sessions=72)"]
    listener.synced[0] = None
    assert await asyncio.to_thread(main, ["health", "--url", listener.base]) == 1
    out = capsys.readouterr().out
    assert out.startswith("failing: ") and "  sync: FAILING (detail=no sync yet" in out


def test_the_health_command_without_a_listener_fails_clearly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("web: {listen: '127.0.0.1:1'}\n")  # nothing listens on port 1
    assert main(["health", "--config", str(config)]) == 1
    assert capsys.readouterr().out.startswith("failing: http://127.0.0.1:1/healthz does not")
    config.write_text("web: {listen: null}\n")
    assert main(["health", "--config", str(config)]) == 1
    assert "no listener: set web.listen" in capsys.readouterr().out


def test_the_health_command_imports_neither_the_database_nor_asyncio(tmp_path: Path) -> None:
    """The container runs it every 30 s (the Dockerfile's HEALTHCHECK): it asks the listener
    over HTTP and needs nothing of the bot's own machinery."""
    config = tmp_path / "config.yaml"
    config.write_text("web: {listen: null}\n")
    done, loaded = run_listing_modules("health", "--config", str(config))
    assert done.returncode == 1 and "no listener" in done.stdout
    assert "bot.cli.health" in loaded
    assert sorted(m for m in loaded if m.startswith(("bot.storage", "aiosqlite", "asyncio"))) \
        == []


async def test_metrics_are_in_the_prometheus_format(listener: Listener) -> None:
    COMMANDS.labels("help", "answered").inc()
    status, headers, body = await listener.get("/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain; version=")
    families = {family.name: family for family in text_string_to_metric_families(body.decode())}
    kinds = {name: families[name].type for name in (
        "bluehats_commands", "bluehats_answer_seconds", "bluehats_sends_failed",
        "bluehats_sends_retried", "bluehats_reminders", "bluehats_reminder_delay_seconds",
        "bluehats_source_polls", "bluehats_last_sync_timestamp_seconds")}
    assert kinds == {"bluehats_commands": "counter", "bluehats_answer_seconds": "histogram",
                     "bluehats_sends_failed": "counter", "bluehats_sends_retried": "counter",
                     "bluehats_reminders": "counter",
                     "bluehats_reminder_delay_seconds": "histogram",
                     "bluehats_source_polls": "counter",
                     "bluehats_last_sync_timestamp_seconds": "gauge"}
    helped = [s for s in families["bluehats_commands"].samples
              if s.name == "bluehats_commands_total" and s.labels == {"intent": "help",
                                                                      "outcome": "answered"}]
    assert helped and helped[0].value >= 1
    assert "process_resident_memory_bytes" in families  # the process's own, for free


async def test_an_event_feed_with_its_etag_and_304(listener: Listener) -> None:
    path = f"/calendar/{EVENT_2024}.ics"
    status, headers, body = await listener.get(path)
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = icalendar.Calendar.from_ical(body)
    assert len(parsed.walk("VEVENT")) == 15
    assert str(parsed["x-wr-calname"]) == "Journées BlueHats au salon Open Source Experience 2024"
    tag = headers["ETag"]
    again = await listener.get(path)
    assert (again[0], again[1]["ETag"], again[2]) == (200, tag, body)  # same bytes, same stamp
    assert (await listener.get(path, **{"If-None-Match": tag}))[:2][0] == 304
    assert (await listener.get(path, **{"If-None-Match": f'"other", W/{tag}'}))[0] == 304
    # The programme changes: a session is cancelled, the feed follows.
    event = listener.app.programme.event(EVENT_2024)
    assert event is not None
    fewer = dataclasses.replace(event, sessions=event.sessions[1:])
    listener.app.update_programme(files=Programme(tuple(
        fewer if e.id == EVENT_2024 else e for e in listener.app.files.events)))
    status, headers, body = await listener.get(path, **{"If-None-Match": tag})
    assert status == 200 and headers["ETag"] != tag
    assert len(icalendar.Calendar.from_ical(body).walk("VEVENT")) == 14
    assert (await listener.get("/calendar/no-such-event.ics"))[0] == 404


async def test_a_person_s_reminders_feed_is_theirs_alone(listener: Listener) -> None:
    storage = listener.app.storage
    assert storage is not None
    event = listener.app.programme.event(EVENT_2024)
    assert event is not None
    chosen = [event.sessions[2].id, event.sessions[5].id]
    for session in chosen:
        await storage.repository(Reminders).subscribe(ALICE, session, 10)
    token = await feed_token(storage, ALICE)
    assert token == await feed_token(storage, ALICE) and len(token) >= 32
    status, headers, body = await listener.get(feed_path(token))
    assert status == 200
    parsed = icalendar.Calendar.from_ical(body)
    assert sorted(str(item["uid"]).split(".")[0] for item in parsed.walk("VEVENT")) \
        == sorted(chosen)
    assert str(parsed["x-wr-calname"]) == "Mes rappels BlueHats"
    assert (await listener.get(feed_path(token), **{"If-None-Match": headers["ETag"]}))[0] \
        == 304
    assert (await listener.get(feed_path("not-" + token)))[0] == 404
    # !rappels gives the link, in the direct chat; !oublier-moi deletes the feed.
    (answer,) = await handle(listener.app, Incoming("!rappels", ALICE, "!dm", is_direct=True))
    assert f"https://bot.example.org/calendar/reminders/{token}.ics" in answer.reply.plain
    assert "ce lien est personnel" in answer.reply.plain
    await Privacy(storage).forget_person(ALICE, "ancien participant")
    assert (await listener.get(feed_path(token)))[0] == 404


async def test_a_feed_with_no_session_is_still_a_valid_calendar(listener: Listener) -> None:
    storage = listener.app.storage
    assert storage is not None
    token = await feed_token(storage, ALICE)
    status, _, body = await listener.get(feed_path(token))
    parsed = icalendar.Calendar.from_ical(body)
    assert status == 200 and parsed.walk("VEVENT") == []
    assert [str(tz["tzid"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Paris"]


async def test_calendrier_gives_the_subscription_link(listener: Listener) -> None:
    (answer,) = await handle(listener.app, Incoming(f"!calendrier {EVENT_2024}", ALICE, "!r"))
    url = f"https://bot.example.org/calendar/{EVENT_2024}.ics"
    assert answer.reply.plain.endswith(url) and f'<a href="{url}">' in answer.reply.html
    assert answer.reply.attachment is not None
    listener.app.config = listener.app.config.model_copy(update={"web": WebConfig()})
    (answer,) = await handle(listener.app, Incoming(f"!calendrier {EVENT_2024}", ALICE, "!r"))
    assert "abonner" not in answer.reply.plain
