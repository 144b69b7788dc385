"""The sync loop and the catch-up after a restart.

- the first sync (full state) runs before any event is handled; on the very first start
  nothing from the history is answered;
- on a restart, the commands the previous run claimed but did not answer are answered
  first, then those that came while the bot was down (back to
  `missed_commands_max_age_minutes`), then the new ones: in the order they came;
- `next_batch` is saved in SQLite after each handled batch, once its answers are sent (a
  commit before them stood between each command and its answer; a crash before the write
  only gives the batch again, whose commands the journal refuses), and limited timelines
  are paged back, so a restart neither re-answers nor misses a command;
- an unreachable homeserver is retried with a growing pause, never fatal, and the sync
  resumes as soon as the homeserver answers again (reachability.py);
- the next long poll waits for the answers being sent (`Sender.settled`, SETTLE_SECONDS at
  most): started at once, it had the homeserver take it, then wake it with the bot's own
  answer, while it was still storing that answer and handing it to the person who asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from nio import (
    AsyncClient,
    LocalProtocolError,
    MessageDirection,
    RoomMemberEvent,
    RoomMessagesResponse,
    RoomUpgradeEvent,
    SyncError,
    SyncResponse,
    UploadFilterResponse,
)

from bot.monitoring.metrics import LAST_SYNC
from bot.settings.config import MatrixConfig
from bot.storage import Storage
from bot.transports.matrix.client import EXPIRED, UNKNOWN_TOKEN, explain
from bot.transports.matrix.intake import Intake, record
from bot.transports.matrix.invites import Invitations
from bot.transports.matrix.power import PowerLevels
from bot.transports.matrix.reachability import Reachability
from bot.transports.matrix.sending import (
    NETWORK_ERRORS,
    Sender,
    TransientFailure,
    is_transient,
)
from bot.transports.matrix.upgrades import RoomUpgrades

log = logging.getLogger(__name__)

TIMELINE_LIMIT = 50
MAX_PAGES = 20
"""Paging back a limited timeline stops after this many pages of TIMELINE_LIMIT events."""
NEXT_BATCH = "matrix.next_batch"
SETTLE_SECONDS = 2.0
"""The next sync waits this long at most for the answers being sent (tens of milliseconds
each): a send still under way then has stalled, and the sync goes on."""


class SyncLoop:
    """Syncs until stopped and hands each batch's invitations and events on."""

    def __init__(self, client: AsyncClient, config: MatrixConfig, storage: Storage,
                 intake: Intake, invitations: Invitations, power: PowerLevels,
                 started_ms: float, reachability: Reachability,
                 upgrades: RoomUpgrades, sender: Sender) -> None:
        self.client = client
        self.sender = sender
        self.reachability = reachability
        self.config = config
        self.storage = storage
        self.intake = intake
        self.invitations = invitations
        self.power = power
        self.upgrades = upgrades
        self.stop = asyncio.Event()
        self.catch_up_from_ms = started_ms - config.missed_commands_max_age_minutes * 60_000
        """Commands from before the bot (re)started are answered back to this time (ms)."""
        self.synced_at: float | None = None
        """When the last sync succeeded (seconds since the epoch): the health check's."""

    async def run(self, on_ready: Callable[[], None]) -> int:
        """Sync until `stop` is set: 0, or 2 if the account or its token is refused."""
        since = await self.storage.state.get_state(NEXT_BATCH)
        first_start = since is None
        sync_filter = await named_filter(self.client)
        first, pause = True, 1.0
        while not self.stop.is_set():
            timeout = 0 if first else self.config.sync_timeout_seconds * 1000
            answer = None
            try:
                answer = await self.until_stopped(self.client.sync(
                    timeout, sync_filter, since=since, full_state=first or None))
                if isinstance(answer, SyncResponse):
                    if first:
                        await self.intake.answer_unanswered(self.catch_up_from_ms)
                    await self._handle(answer, since,
                                       answer_history=not first_start or not first)
            except NETWORK_ERRORS as error:
                if isinstance(answer, SyncResponse):
                    pause = 1.0  # the sync came, a page back failed: not an outage
                log.warning("homeserver unreachable (%s); next try in %.0f s at most",
                            error.__class__.__name__, pause)
                await self.until_stopped(self.reachability.pause(pause))
                pause = min(pause * 2, 60.0)
                continue
            if answer is None:
                break
            if isinstance(answer, SyncError):
                if answer.status_code in (EXPIRED, UNKNOWN_TOKEN):
                    log.error("%s", explain(answer.status_code, answer.message))
                    return 2
                log.warning("sync failed: %s %s; next try in %.0f s",
                            answer.status_code, answer.message, pause)
                await self.until_stopped(asyncio.sleep(pause))
                pause = min(pause * 2, 60.0)
                continue
            if pause > 1.0:
                log.info("homeserver reachable again")
            pause = 1.0
            self.synced_at = time.time()
            LAST_SYNC.set(self.synced_at)
            since = answer.next_batch
            await self._crypto_chores()
            await self.until_stopped(self.sender.settled(SETTLE_SECONDS))
            await record(self.storage.state.set_state(NEXT_BATCH, since),
                         "the sync position is not saved")
            if first:  # ready once its position is written: a restart is not a first start
                self._report_unreadable()
                first = False
                on_ready()
        return 0

    async def until_stopped(self, work: Awaitable[Any]) -> Any:
        """The result of `work`, or None if the bot is asked to stop first."""
        task = asyncio.ensure_future(work)
        stopping = asyncio.ensure_future(self.stop.wait())
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            return None
        return task.result()

    async def _handle(self, answer: SyncResponse, since: str | None, *,
                      answer_history: bool) -> None:
        for room_id, info in answer.rooms.invite.items():
            await self.invitations.on_invite(room_id, info.invite_state)
        for room_id in answer.rooms.leave:
            self.power.forget(room_id)
        for room_id, info in answer.rooms.join.items():
            for event in [*info.state, *info.timeline.events]:
                self.power.observe(room_id, getattr(event, "source", {}))
                if isinstance(event, RoomUpgradeEvent):
                    await self.upgrades.on_tombstone(room_id, event.replacement_room,
                                                     event.sender)
        if not answer_history:
            return
        # Sent while the bot was down: answered if at most that old when it came back.
        for room_id, info in answer.rooms.join.items():
            room = self.client.rooms.get(room_id)
            if room is None:
                continue
            events = list(info.timeline.events)
            log.debug("sync: %s: %d event(s)%s", room_id, len(events),
                      ", limited" if info.timeline.limited else "")
            if info.timeline.limited and info.timeline.prev_batch:
                events = await self._older(room_id, info.timeline.prev_batch, since) + events
            for event in _after_own_join(events, self.client.user_id):
                if getattr(event, "server_timestamp", 0) >= self.catch_up_from_ms:
                    await self.intake.on_event(room, event)

    async def _older(self, room_id: str, token: str, since: str | None) -> list[Any]:
        """The events before a limited timeline, oldest first: back to `since`, the sync
        position they came after (what is older was handled then), and the catch-up limit."""
        found: list[Any] = []
        for _ in range(MAX_PAGES):
            page = await self.client.room_messages(room_id, token, end=since,
                                                   direction=MessageDirection.back,
                                                   limit=TIMELINE_LIMIT)
            if not isinstance(page, RoomMessagesResponse) and is_transient(page):
                # Skipping this page would lose its commands: the sync loop fetches the
                # whole batch again (what was answered is claimed, so not answered twice).
                raise TransientFailure(f"paging back {room_id}: {page}")
            if not isinstance(page, RoomMessagesResponse) or not page.chunk:
                break
            found.extend(page.chunk)
            if page.chunk[-1].server_timestamp < self.catch_up_from_ms or not page.end:
                break
            token = page.end
        return found[::-1]

    async def _crypto_chores(self) -> None:
        """What `sync_forever` would do for encryption between two syncs."""
        client = self.client
        if not client.store_path:
            return
        chores: list[tuple[bool, Callable[[], Awaitable[Any]]]] = [
            (client.should_upload_keys, client.keys_upload),
            (client.should_query_keys, client.keys_query),
            (client.should_claim_keys,
             lambda: client.keys_claim(client.get_users_for_key_claiming())),
            (True, client.send_to_device_messages),
        ]
        for needed, chore in chores:
            if needed:
                with contextlib.suppress(LocalProtocolError):
                    await chore()

    def _report_unreadable(self) -> None:
        if self.client.store_path:
            return
        unreadable = [room.display_name or room.room_id for room in self.client.rooms.values()
                      if room.encrypted]
        if unreadable:
            log.warning("encryption is off (install bluehats-bot[e2e] and keep "
                        "matrix.encryption true): cannot read the encrypted room(s) %s",
                        ", ".join(unreadable))


async def named_filter(client: AsyncClient) -> str | dict[str, Any]:
    """The sync filter, uploaded once so that each sync names it by its id: a filter given
    in full is parsed and checked by Synapse at every sync (about 2 ms of its time each,
    measured), on the way of the answers it is sending. In full if the upload fails."""
    room = {"timeline": {"limit": TIMELINE_LIMIT}}
    try:
        answer = await client.upload_filter(room=room)
    except NETWORK_ERRORS as error:
        answer = error
    if isinstance(answer, UploadFilterResponse):
        return answer.filter_id
    log.warning("sync filter not uploaded (%s): given in full at every sync", answer)
    return {"room": room}


def _after_own_join(events: list[Any], user_id: str) -> list[Any]:
    """The events after the bot joined, if it joined in this batch: history is not answered."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if (isinstance(event, RoomMemberEvent) and event.state_key == user_id
                and event.membership == "join" and event.prev_membership != "join"):
            return events[index + 1:]
    return events
