"""The application core the transports drive: configuration, clock, programme, storage.

Transports (console, Matrix) build one `App`, hand it each incoming message through
`bot.commands.dispatch.handle`, and deliver what comes back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from bot.commands.catalog import Catalog
from bot.commands.declaration import CommandTable
from bot.commands.flood import RateLimiter, Window
from bot.commands.messages import Transport
from bot.loaders.worker import reader_for
from bot.programme.model import Problem, Programme, Session, SourceRef
from bot.settings.clock import Clock, SystemClock
from bot.settings.config import Config
from bot.settings.rooms import replace_room
from bot.storage import Storage

if TYPE_CHECKING:
    from bot.sources.remote import RemoteSources

log = logging.getLogger(__name__)

ProgrammeListener = Callable[[Programme, Programme], None]
"""Called with (old, new) each time the programme is replaced."""

Service = Callable[["App", Transport], Awaitable[None]]
"""A background job run beside a transport (reminders, file watching), with the transport
to send through; cancelled when the transport stops."""

PowerLevelLookup = Callable[[str, str], Awaitable[int | None]]
"""(room id, user id) -> the user's power level in that room, given by the transport."""

RoomListener = Callable[[str, str], Awaitable[None]]
"""Called with (old room id, new room id) when a room is replaced by its upgrade."""


def compose(files: Programme, scheduled: tuple[Session, ...]) -> Programme:
    """The programme people see: what the files say, plus the sessions organisers scheduled
    from accepted proposals into a known event."""
    by_event: dict[str, list[Session]] = {}
    problems = list(files.problems)
    known = {event.id for event in files.events}
    for session in scheduled:
        if session.event_id in known:
            by_event.setdefault(session.event_id, []).append(session)
        else:
            problems.append(Problem(SourceRef("proposals"),
                                    f"session {session.id} is scheduled into unknown event "
                                    f"{session.event_id!r}; it is not shown"))
    events = tuple(
        event.with_sessions(event.sessions + tuple(by_event[event.id]))
        if event.id in by_event else event
        for event in files.events
    )
    return Programme(events, tuple(problems))


class Publishing(Protocol):
    """Decides which version of each programme source the rooms see (bot.publishing): a
    new version that looks misread, or a file saved broken, is held and the published one
    stays."""

    async def admit(self, candidate: Programme, remote: RemoteSources | None) -> Programme:
        """What is published of `candidate`, the programme as the loaders read it now."""
        ...


@dataclass
class App:
    """What every command handler can reach through `request.app`.

    `files` is what the loaders read, `scheduled` the sessions organisers placed from
    proposals; `programme` is both together, rebuilt when either changes. `commands` is
    what it answers: the table `bot.cli.assemble.command_table` collects.
    """

    config: Config
    files: Programme
    clock: Clock = field(default_factory=SystemClock)
    storage: Storage | None = None
    power_level: PowerLevelLookup | None = None
    scheduled: tuple[Session, ...] = ()
    sources: RemoteSources | None = None
    """The programme sources given by URL, when the configuration has some."""
    publishing: Publishing | None = None
    """What holds a misread version back; without it, every reload is published as read."""
    commands: CommandTable = field(kw_only=True)
    programme: Programme = field(init=False)
    _listeners: list[ProgrammeListener] = field(default_factory=list)
    _schedule_listeners: list[Callable[[], None]] = field(default_factory=list)
    _room_listeners: list[RoomListener] = field(default_factory=list)
    _catalog: Catalog | None = field(default=None, init=False, repr=False)
    _limiter: RateLimiter | None = field(default=None, init=False, repr=False)
    _reloading: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self.programme = compose(self.files, self.scheduled)

    @property
    def catalog(self) -> Catalog:
        """The programme's agenda and search index, built on first use after each change."""
        if self._catalog is None or self._catalog.programme is not self.programme:
            self._catalog = Catalog(self.programme, self.config.programme)
        return self._catalog

    @property
    def limiter(self) -> RateLimiter:
        """Flood control of commands (`limits:` in the configuration), kept while the app runs."""
        if self._limiter is None:
            limits = self.config.limits
            self._limiter = RateLimiter(Window(limits.user_commands, limits.user_seconds),
                                        Window(limits.room_commands, limits.room_seconds))
        return self._limiter

    def on_programme_change(self, listener: ProgrammeListener) -> None:
        self._listeners.append(listener)

    def on_schedule_change(self, listener: Callable[[], None]) -> None:
        self._schedule_listeners.append(listener)

    def on_room_replaced(self, listener: RoomListener) -> None:
        self._room_listeners.append(listener)

    async def replace_room(self, old: str, new: str) -> list[str]:
        """Room `old` was upgraded to `new`: the configuration now names `new`, and every
        feature moves what it keeps by room. Returns the configuration keys that named
        `old` (dead ids in the file, to be updated by the operator)."""
        self.config, named = replace_room(self.config, old, new)
        for listener in self._room_listeners:
            await listener(old, new)
        return named

    def schedule_changed(self) -> None:
        """Say that what must be sent may have changed (a reminder asked for or dropped)."""
        for listener in self._schedule_listeners:
            listener()

    def update_programme(
        self, *, files: Programme | None = None, scheduled: tuple[Session, ...] | None = None
    ) -> Programme:
        """Replace the files' programme and/or the scheduled sessions, rebuild the programme
        and tell everyone who keeps something derived from it. Returns the new programme."""
        if files is not None:
            self.files = files
        if scheduled is not None:
            self.scheduled = scheduled
        old, self.programme = self.programme, compose(self.files, self.scheduled)
        for listener in self._listeners:
            listener(old, self.programme)
        return self.programme

    async def reload(self, fetch: bool = True) -> Programme:
        """Load the programme files again, and the sources given by URL (asked now, unless
        `fetch` is false: the poller has just asked them), and put in place what is
        published of them (`publishing` holds a version that looks misread); listeners see
        the change."""
        settings = self.config.programme
        async with self._reloading:  # one at a time: an older read never replaces a newer
            if fetch and self.sources is not None:
                await self.sources.refresh_now()
            documents = self.sources.documents() if self.sources else []
            files = await reader_for(settings).load_paths(settings.paths, settings.tz, documents)
            for problem in files.problems:
                log.log(logging.ERROR if problem.severity == "error" else logging.INFO,
                        "programme: %s", problem)
            if self.publishing is not None:
                files = await self.publishing.admit(files, self.sources)
            self.update_programme(files=files)
        log.info("programme reloaded: %d events, %d sessions", len(files.events),
                 len(files.sessions))
        return files

    async def is_organiser(self, user_id: str) -> bool:
        """Organisers are listed in the configuration, or hold the configured power level
        in the organisers' room."""
        proposals = self.config.proposals
        if user_id in proposals.organisers:
            return True
        level = proposals.organiser_power_level
        if self.power_level is None or proposals.organisers_room is None or level is None:
            return False
        found = await self.power_level(proposals.organisers_room, user_id)
        return found is not None and found >= level
