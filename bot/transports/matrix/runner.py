"""The Matrix bot: one account, its parts put together, from login to stop.

Thin on purpose: an event becomes an `Incoming`, `bot.commands.dispatch.handle` decides the answer,
and the `Sender` delivers it. Each concern has its module:
- `client`: login once, restore after; `sync`: the sync loop and the catch-up after a
  restart; `invites`: invitations; `intake`: commands in, the journal, answered once and in
  order; `delivery` and `sending`: messages out, paced and retried; `directs`: direct chats;
  `power`: organiser checks from cached power levels.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

from nio import AsyncClient

from bot.app import App, Service
from bot.commands.messages import Outgoing
from bot.settings.config import Config
from bot.settings.secrets import MatrixSecrets
from bot.storage import Storage
from bot.transports.matrix.client import LoginFailed, connect, quiet_library_logs
from bot.transports.matrix.cross_signing import Status, ensure_cross_signed, key_store
from bot.transports.matrix.delivery import Delivery
from bot.transports.matrix.directs import DirectChats
from bot.transports.matrix.intake import Intake
from bot.transports.matrix.invites import Invitations, InvitePolicy, greeting
from bot.transports.matrix.messages import notice
from bot.transports.matrix.power import PowerLevels
from bot.transports.matrix.profile import present
from bot.transports.matrix.sending import Sender
from bot.transports.matrix.sync import SyncLoop
from bot.transports.matrix.upgrades import RoomUpgrades

log = logging.getLogger(__name__)

DRAIN_SECONDS = 30.0
FINISH_SECONDS = 10.0
"""At stop, answers still being decided or waiting for a new direct chat get this long."""
HANDLED_KEPT_SECONDS = 7 * 24 * 3600

class MatrixBot:
    """The bot on one Matrix account. `create()`, then `run()` until `request_stop()`."""

    def __init__(self, config: Config, app: App, secrets: MatrixSecrets,
                 services: Sequence[Service] = ()) -> None:
        assert app.storage is not None, "the Matrix bot keeps its state in the database"
        self.config = config
        self.services = tuple(services)
        self.secrets = secrets
        self.app = app
        self.storage: Storage = app.storage
        self.client: AsyncClient | None = None
        self.delivery: Delivery | None = None
        self.ready = asyncio.Event()
        self._stop_requested = False
        self._sync: SyncLoop | None = None
        self._service_tasks: list[asyncio.Task[None]] = []
        self.cross_signing: Status | None = None  # set once this start's check is done

    def request_stop(self) -> None:
        """Stop syncing, finish the replies under way, then return from `run()`."""
        self._stop_requested = True
        if self._sync is not None:
            self._sync.stop.set()

    async def run(self) -> int:
        """Log in and serve until stopped; the exit status (0, or 2 when login fails)."""
        quiet_library_logs()
        try:
            self.client = client = await connect(self.config, self.secrets, self.storage)
        except LoginFailed as error:
            log.error("%s", error)
            await self.storage.close()
            return 2
        started_ms = time.time() * 1000
        matrix = self.config.matrix
        sender = Sender(client, client.reachability, pace=matrix.pace_seconds,
                        max_tries=matrix.max_tries, encrypted=bool(client.store_path))
        directs = DirectChats(client, self.storage)
        self.delivery = Delivery(sender, directs)
        power = PowerLevels(client)
        self.app.power_level = power.level
        intake = Intake(client, self.app, self.storage, directs, self.delivery)
        upgrades = RoomUpgrades(client, self.app, self.storage, directs, power)
        invitations = Invitations(client, InvitePolicy.from_config(matrix), directs,
                                  self.config.commands.language, upgrades.replaces_a_room,
                                  self._greeter(sender) if matrix.greeting else None)
        self._sync = SyncLoop(client, matrix, self.storage, intake, invitations, power,
                              started_ms, client.reachability, upgrades, sender)
        if self._stop_requested:
            self._sync.stop.set()
        try:
            await self.storage.journal.forget_events_before(time.time() - HANDLED_KEPT_SECONDS)
            await directs.load()
            await upgrades.load()
            return await self._sync.run(self._on_ready)
        finally:
            for task in self._service_tasks:
                task.cancel()
            await asyncio.gather(*self._service_tasks, return_exceptions=True)
            await intake.finish(FINISH_SECONDS)
            await sender.drain(DRAIN_SECONDS)
            await client.close()
            await self.storage.close()
            log.info("stopped")

    def _greeter(self, sender: Sender) -> Callable[[str], object]:
        commands = self.config.commands

        def greet(room_id: str) -> object:
            hello = notice(greeting(commands.language, commands.prefix))
            return sender.enqueue(room_id, hello, f"bh-hello-{room_id}")

        return greet

    def _on_ready(self) -> None:
        assert self.client is not None
        self.ready.set()
        self._service_tasks = [asyncio.create_task(self._serve(service))
                               for service in self.services]
        self._service_tasks.append(asyncio.create_task(self._cross_sign(self.client)))
        self._service_tasks.append(asyncio.create_task(
            present(self.client, self.storage, self.config.matrix)))
        log.info("ready as %s in %d room(s)", self.client.user_id, len(self.client.rooms))

    async def _cross_sign(self, client: AsyncClient) -> None:
        """Have this device cross-signed (cross_signing.py), in the background of the first
        sync; tried again with a growing pause while the homeserver fails."""
        if not client.store_path:
            return
        store, pause = key_store(self.config, self.secrets), 5.0
        while True:
            self.cross_signing = await ensure_cross_signed(
                client, client.user_id, client.device_id, password=self.secrets.password,
                key_store=store)
            if self.cross_signing is not Status.FAILED:
                return
            await asyncio.sleep(pause)
            pause = min(pause * 2, 300.0)

    async def _serve(self, service: Service) -> None:
        try:
            await service(self.app, self)
        except Exception:
            log.exception("background service %s failed", getattr(service, "__name__", service))

    def last_sync(self) -> float | None:
        """When the last sync succeeded (Unix time), None before the first: for /healthz."""
        return None if self._sync is None else self._sync.synced_at

    async def deliver(self, messages: list[Outgoing]) -> None:
        """Send messages nobody asked for (reminders, decisions): `Transport.deliver`."""
        assert self.delivery is not None, "deliver() before run()"
        await self.delivery.deliver(messages)
