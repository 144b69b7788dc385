"""Building the application the transports run: configuration in, a ready `App` out."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.app import App, Service
from bot.commands import agenda, calendar, help, programme, sessions, speakers, who
from bot.commands.declaration import CommandTable
from bot.commands.messages import Transport
from bot.privacy import commands as privacy
from bot.programme.model import Programme
from bot.proposals.calls import all_formats
from bot.proposals.commands import calls, proposing, reviewing, scheduling
from bot.proposals.schedule import scheduled_sessions
from bot.publishing import commands as publishing
from bot.publishing.publisher import Publisher
from bot.publishing.repository import ProgrammeVersions
from bot.publishing.service import send_reports
from bot.reminders import commands as reminders
from bot.reminders.repository import Reminders
from bot.reminders.scheduler import Scheduler
from bot.settings.clock import Clock, SystemClock
from bot.settings.config import Config
from bot.sources.remote import RemoteSources
from bot.sources.repository import ProgrammeSources
from bot.storage import Storage

log = logging.getLogger(__name__)


def command_table() -> CommandTable:
    """The bot's commands and dialogue interceptors, collected from the modules that declare
    them, in the order help lists them."""
    return CommandTable.collect((agenda, calendar, help, privacy, programme, proposing, reviewing,
                                 scheduling, calls, reminders, publishing, sessions, speakers,
                                 who))


def new_app(config: Config, files: Programme, clock: Clock | None = None,
            storage: Storage | None = None, **parts: Any) -> App:
    """An app answering with the bot's commands, on a programme already read (`build_app`
    reads it and opens the database; tests and benchmarks give their own)."""
    if clock is not None:
        parts["clock"] = clock
    app = App(config, files, storage=storage, commands=command_table(), **parts)
    if storage is not None:  # reminders sent to a room count for its replacement
        app.on_room_replaced(storage.repository(Reminders).move_room)
    return app


async def build_app(config: Config, clock: Clock | None = None) -> App:
    """Open the database, load the programme and return the app, ready for messages.

    Problems in programme files are logged, never fatal: the rest of the programme loads.
    What is published of each source is judged against the database (a version that looks
    misread since the last run stays held).
    """
    app = await open_app(config, clock)
    await app.reload(fetch=False)
    return app


async def open_app(config: Config, clock: Clock | None = None) -> App:
    """`build_app` but for reading the programme: the app has an empty programme until
    `app.reload` has read it (the console answers what needs none meanwhile)."""
    storage = await Storage.open(config.storage.database)
    sources = RemoteSources(config.programme, storage.repository(ProgrammeSources))
    await sources.start()  # the last versions, then one request to each server
    publisher = Publisher(config, storage.repository(ProgrammeVersions))
    await publisher.load()
    # Talks organisers placed from accepted proposals (!planifier) are part of the programme.
    scheduled = await scheduled_sessions(storage, all_formats(config.proposals))
    return new_app(config, Programme(), clock or SystemClock(config.programme.tz), storage,
                   scheduled=scheduled, sources=sources, publishing=publisher)


async def send_reminders(app: App, transport: Transport) -> None:
    """The reminders scheduler, until cancelled."""
    await Scheduler(app, transport).run()


async def watch_files(app: App, transport: Transport) -> None:
    """Reload the programme whenever one of its files changes (watchfiles: inotify, no
    polling loop), until cancelled."""
    import watchfiles  # only when watching is configured: the console mostly goes without

    paths = [path for path in app.config.programme.paths if path.exists()]
    if not paths:
        return
    async for _ in watchfiles.awatch(*paths, debounce=1000, recursive=True):
        try:
            await app.reload()
        except Exception:  # the watcher outlives any one bad reload; the last good stays
            log.exception("programme: reload failed; keeping the programme as it was")


async def poll_sources(app: App, transport: Transport) -> None:
    """Poll the programme sources given by URL and reload when one has a new version, until
    cancelled."""
    if app.sources is not None and app.sources.sources:
        await app.sources.run(lambda: app.reload(fetch=False))


def background_services(config: Config) -> list[Service]:
    """What runs beside every transport: reminders, the reading reports, the file watcher if
    configured, and the polling of programme sources given by URL."""
    return [send_reminders, send_reports, *([watch_files] if config.programme.watch else []),
            *([poll_sources] if config.programme.urls else [])]


def start_background(app: App, transport: Transport) -> list[asyncio.Task]:
    """Start the background services as tasks; the transport cancels them when it stops."""
    return [asyncio.create_task(service(app, transport), name=service.__name__)
            for service in background_services(app.config)]
