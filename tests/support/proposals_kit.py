"""A small world for the proposal tests: one event, one call, an organiser, a proposer,
a real SQLite file and a fixed clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming, Outgoing
from bot.programme.model import Event, Programme, Session, Speaker
from bot.proposals.calls import all_formats
from bot.proposals.repositories.proposals import Proposals
from bot.proposals.schedule import scheduled_sessions
from bot.settings.clock import PARIS, FixedClock
from bot.settings.config import CallConfig, CommandsConfig, Config, ProposalsConfig, StorageConfig
from bot.storage import Storage

ORGANISER = "@orga:example.org"
REVIEWER = "@relecteur:example.org"
ALICE = "@alice:example.org"
BOB = "@bob:example.org"
ORG_ROOM = "!orga:example.org"
PUBLIC = "!public:example.org"
EVENT_ID = "2026-journees-bluehats"

EVENT = Event(
    id=EVENT_ID, title="Journées BlueHats 2026", start=date(2026, 12, 9),
    end=date(2026, 12, 10),
    sessions=(Session(id="abc123", event_id=EVENT_ID, day=date(2026, 12, 9),
                      start=time(9, 30), end=time(10, 0), title="Accueil",
                      speakers=(Speaker("Équipe BlueHats"),)),),
)

CALL = CallConfig(event=EVENT_ID, opens=datetime(2026, 11, 1, 0, 0),
                  closes=datetime(2026, 11, 20, 23, 59), answers_on=date(2026, 11, 27))

BEFORE_DEADLINE = datetime(2026, 11, 10, 14, 0, tzinfo=PARIS)


def config(path: Path, **proposals: object) -> Config:
    settings: dict[str, object] = {"organisers": [ORGANISER, REVIEWER],
                                   "organisers_room": ORG_ROOM, "calls": [CALL]}
    settings.update(proposals)
    return Config(storage=StorageConfig(database=path), commands=CommandsConfig(),
                  proposals=ProposalsConfig(**settings))


@dataclass
class World:
    """An App on a database file; `restart()` builds a new one on the same file."""

    app: App
    clock: FixedClock

    @classmethod
    async def open(cls, path: Path, clock: FixedClock | None = None,
                   **proposals: object) -> World:
        clock = clock or FixedClock(BEFORE_DEADLINE)
        cfg = config(path, **proposals)
        storage = await Storage.open(path)
        scheduled = await scheduled_sessions(storage, all_formats(cfg.proposals))
        app = new_app(cfg, Programme((EVENT,)), clock, storage, scheduled=scheduled)
        return cls(app, clock)

    @property
    def storage(self) -> Storage:
        assert self.app.storage is not None
        return self.app.storage

    @property
    def proposals(self) -> Proposals:
        return self.storage.repository(Proposals)

    async def restart(self) -> World:
        """A new App and Storage on the same file, as after a bot restart."""
        await self.storage.close()
        world = await World.open(Path(self.storage.path), self.clock,
                                 calls=self.app.config.proposals.calls)
        self.app = world.app
        return self

    async def dm(self, sender: str, text: str, name: str | None = None) -> list[Outgoing]:
        return await handle(self.app, Incoming(text, sender, f"!dm-{sender}", is_direct=True,
                                               sender_name=name))

    async def say(self, sender: str, room: str, text: str) -> list[Outgoing]:
        return await handle(self.app, Incoming(text, sender, room))

    async def text(self, sender: str, text: str, name: str | None = None) -> str:
        """The plain text of the direct answer to a direct message."""
        return "\n".join(o.reply.plain for o in await self.dm(sender, text, name)
                         if o.to_user is None and o.to_room is None)

    async def propose(self, sender: str = ALICE, title: str = "Grist dans l'administration",
                      name: str = "Alice Martin") -> int:
        """Walk the guided dialogue to the end; the new proposal's number."""
        for answer in ("!proposer", title, "2", "Comment nous utilisons Grist.",
                       "moi (DINUM), Bob Durand (Etalab)", "oui"):
            out = await self.dm(sender, answer, name)
        found = await self.storage.repository(Proposals).proposals(proposer=sender)
        assert found and f"#{found[-1].id}" in out[0].reply.plain
        return found[-1].id


Opener = Callable[..., Awaitable[World]]


@pytest.fixture
async def open_world() -> AsyncIterator[Opener]:
    """`await open_world(path, clock=None, **proposals_config)`; closed after the test."""
    opened: list[World] = []

    async def opener(path: Path, clock: FixedClock | None = None, **proposals: object) -> World:
        world = await World.open(path, clock, **proposals)
        opened.append(world)
        return world

    yield opener
    for world in opened:
        await world.storage.close()
