"""The Matrix bot: sync loop, invitations, commands in, answers out.

Thin on purpose: an event becomes an `Incoming`, `bot.commands.handle` decides the answer,
and the `Sender` delivers it. What the sync loop guarantees:
- the first sync (full state) runs before any event is handled; on the very first start
  nothing from the history is answered;
- `next_batch` is saved in SQLite after each handled batch, and each answered event id is
  claimed in the store first, so a restart neither re-answers nor (within
  `missed_commands_max_age_minutes`) misses a command; limited timelines are paged back;
- a claimed command keeps its event, then its decided answer, until the answer is sent: a
  bot killed in between sends it after its restart, under the same transaction ids;
- an unreachable homeserver is retried with a growing pause, never fatal.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from nio import (
    AsyncClient,
    InviteAliasEvent,
    InviteMemberEvent,
    LocalProtocolError,
    MatrixRoom,
    MegolmEvent,
    MessageDirection,
    RoomCreateResponse,
    RoomGetStateResponse,
    RoomMemberEvent,
    RoomMessagesResponse,
    RoomMessageText,
    SyncError,
    SyncResponse,
)

from bot.app import App
from bot.bootstrap import Service, build_app
from bot.clock import Clock
from bot.commands import Incoming, Outgoing, handle
from bot.commands.dispatch import parse
from bot.config import Config
from bot.i18n import pick
from bot.replies import say
from bot.secrets import MatrixSecrets, load_secrets
from bot.storage import Storage
from bot.transports.matrix.addressing import is_addressed
from bot.transports.matrix.client import EXPIRED, UNKNOWN_TOKEN, LoginFailed, connect, explain
from bot.transports.matrix.cross_signing import Status, ensure_cross_signed, key_store
from bot.transports.matrix.invites import InvitePolicy
from bot.transports.matrix.journal import decode_answer, encode_answer
from bot.transports.matrix.messages import (
    CommandEvent,
    file_message,
    notice,
    reaction,
    read_event,
)
from bot.transports.matrix.power import level_in
from bot.transports.matrix.sending import (
    NETWORK_ERRORS,
    DeliveryError,
    Sender,
    TransientFailure,
    is_transient,
)

log = logging.getLogger(__name__)

TIMELINE_LIMIT = 50
MAX_PAGES = 20
"""Paging back a limited timeline stops after this many pages of TIMELINE_LIMIT events."""
DRAIN_SECONDS = 30.0
HANDLED_KEPT_SECONDS = 7 * 24 * 3600
DIRECT = "matrix.direct."
"""State key prefix of the rooms known to be direct chats (invited with is_direct, or opened)."""


class MatrixBot:
    """The bot on one Matrix account. `create()`, then `run()` until `request_stop()`."""

    def __init__(self, config: Config, app: App, storage: Storage,
                 secrets: MatrixSecrets, services: Sequence[Service] = ()) -> None:
        self.config = config
        self.services = tuple(services)
        self._service_tasks: list[asyncio.Task[None]] = []
        self.secrets = secrets
        self.app = app
        self.storage = storage
        self.client: AsyncClient | None = None
        self.sender: Sender | None = None
        self.ready = asyncio.Event()
        self._stop = asyncio.Event()
        self._handling: set[asyncio.Task[None]] = set()
        self._dm_lock = asyncio.Lock()
        self._started_ms = 0.0  # set by run(): commands older than that are catch-up
        self._direct: set[str] = set()  # rooms that are direct chats with the bot
        self.invites = InvitePolicy.from_config(config.matrix)
        self.cross_signing: Status | None = None  # set once this start's check is done

    @classmethod
    async def create(cls, config: Config, clock: Clock | None = None,
                     services: Sequence[Service] = ()) -> MatrixBot:
        secrets = load_secrets(config.matrix.secrets_file)  # before anything is opened
        app = await build_app(config, clock)
        assert app.storage is not None
        return cls(config, app, app.storage, secrets, services)

    def request_stop(self) -> None:
        """Stop syncing, finish the replies under way, then return from `run()`."""
        self._stop.set()

    # --- main loop ----------------------------------------------------------------------

    async def run(self) -> int:
        """Log in and serve until stopped; the exit status (0, or 2 when login fails)."""
        try:
            self.client = await connect(self.config, self.secrets, self.storage)
        except LoginFailed as error:
            log.error("%s", error)
            await self.storage.close()
            return 2
        client = self.client
        self._started_ms = time.time() * 1000
        self.sender = Sender(client, pace=self.config.matrix.pace_seconds,
                             max_tries=self.config.matrix.max_tries,
                             encrypted=bool(client.store_path))
        self.app.power_level = self.power_level
        await self.storage.forget_events_before(time.time() - HANDLED_KEPT_SECONDS)
        self._direct = {key.removeprefix(DIRECT) for key in
                        await self.storage.states_with_prefix(DIRECT)}
        try:
            return await self._sync_loop(client)
        finally:
            for task in self._service_tasks:
                task.cancel()
            await asyncio.gather(*self._service_tasks, *self._handling, return_exceptions=True)
            await self.sender.drain(DRAIN_SECONDS)
            await client.close()
            await self.storage.close()
            log.info("stopped")

    async def _sync_loop(self, client: AsyncClient) -> int:
        since = await self.storage.get_state("matrix.next_batch")
        first_start = since is None
        sync_filter = {"room": {"timeline": {"limit": TIMELINE_LIMIT}}}
        first, pause = True, 1.0
        while not self._stop.is_set():
            timeout = 0 if first else self.config.matrix.sync_timeout_seconds * 1000
            try:
                answer = await self._until_stopped(client.sync(
                    timeout, sync_filter, since=since, full_state=first or None))
                if isinstance(answer, SyncResponse):
                    await self._handle_sync(client, answer,
                                            answer_history=not first_start or not first)
            except NETWORK_ERRORS as error:
                log.warning("homeserver unreachable (%s); next try in %.0f s",
                            error.__class__.__name__, pause)
                await self._until_stopped(asyncio.sleep(pause))
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
                await self._until_stopped(asyncio.sleep(pause))
                pause = min(pause * 2, 60.0)
                continue
            if pause > 1.0:
                log.info("homeserver reachable again")
            pause = 1.0
            since = answer.next_batch
            await self._record(self.storage.set_state("matrix.next_batch", since),
                               "the sync position is not saved")
            await self._crypto_chores(client)
            if first:
                self._report_unreadable(client)
                await self._answer_unanswered(client)
                first = False
                self.ready.set()
                self._service_tasks = [asyncio.create_task(self._serve(service))
                                       for service in self.services]
                self._service_tasks.append(asyncio.create_task(self._cross_sign(client)))
                log.info("ready as %s in %d room(s)", client.user_id, len(client.rooms))
        return 0

    def _catch_up_from_ms(self) -> float:
        """Commands from before the bot (re)started are answered back to this time (ms)."""
        return self._started_ms - self.config.matrix.missed_commands_max_age_minutes * 60_000

    @staticmethod
    async def _record(work: Awaitable[None], consequence: str) -> None:
        """Write to the database; if it cannot (read-only, disk full), log why and go on."""
        try:
            await work
        except sqlite3.Error as error:
            log.error("database not writable (%s): %s", error, consequence)

    async def _answer_unanswered(self, client: AsyncClient) -> None:
        """Answer the commands a previous run claimed but was stopped before answering (a
        crash, SIGKILL): with the answer it had decided if any, under the same transaction
        ids, so what did reach the room is not shown twice."""
        since = self._catch_up_from_ms() / 1000
        for event_id, room_id, source, answer in await self.storage.unanswered_events(since):
            room = client.rooms.get(room_id)
            if room is None:  # the bot left that room meanwhile
                await self.storage.event_answered(event_id)
                continue
            event = json.loads(source)
            command = read_event(room_id, event)
            log.info("answering %s, claimed before a restart%s", event_id,
                     "" if answer is None else " (answer already decided)")
            await self._answer(command, self._incoming(client, room, command, event),
                               None if answer is None else decode_answer(answer))

    async def _serve(self, service: Service) -> None:
        try:
            await service(self.app, self)
        except Exception:
            log.exception("background service %s failed", getattr(service, "__name__", service))

    async def _until_stopped(self, work: Awaitable[Any]) -> Any:
        """The result of `work`, or None if the bot is asked to stop first."""
        task = asyncio.ensure_future(work)
        stopping = asyncio.ensure_future(self._stop.wait())
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            return None
        return task.result()

    async def _crypto_chores(self, client: AsyncClient) -> None:
        """What `sync_forever` would do for encryption between two syncs."""
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

    def _report_unreadable(self, client: AsyncClient) -> None:
        if client.store_path:
            return
        unreadable = [room.display_name or room.room_id for room in client.rooms.values()
                      if room.encrypted]
        if unreadable:
            log.warning("encryption is off (install bluehats-bot[e2e] and keep "
                        "matrix.encryption true): cannot read the encrypted room(s) %s",
                        ", ".join(unreadable))

    # --- one sync batch --------------------------------------------------------------------

    async def _handle_sync(self, client: AsyncClient, answer: SyncResponse, *,
                           answer_history: bool) -> None:
        for room_id, info in answer.rooms.invite.items():
            await self._on_invite(client, room_id, info.invite_state)
        if not answer_history:
            return
        # Sent while the bot was down: answered if at most that old when it came back.
        cutoff_ms = self._catch_up_from_ms()
        for room_id, info in answer.rooms.join.items():
            room = client.rooms.get(room_id)
            if room is None:
                continue
            events = list(info.timeline.events)
            log.debug("sync: %s: %d event(s)%s", room_id, len(events),
                      ", limited" if info.timeline.limited else "")
            if info.timeline.limited and info.timeline.prev_batch:
                events = await self._older(client, room_id, info.timeline.prev_batch,
                                           cutoff_ms) + events
            for event in _after_own_join(events, client.user_id):
                if getattr(event, "server_timestamp", 0) >= cutoff_ms:
                    await self._on_event(client, room, event)

    async def _older(self, client: AsyncClient, room_id: str, token: str,
                     cutoff_ms: float) -> list[Any]:
        """The events before a limited timeline, back to `cutoff_ms`, oldest first."""
        found: list[Any] = []
        for _ in range(MAX_PAGES):
            page = await client.room_messages(room_id, token, direction=MessageDirection.back,
                                              limit=TIMELINE_LIMIT)
            if not isinstance(page, RoomMessagesResponse) and is_transient(page):
                # Skipping this page would lose its commands: the sync loop fetches the
                # whole batch again (what was answered is claimed, so not answered twice).
                raise TransientFailure(f"paging back {room_id}: {page}")
            if not isinstance(page, RoomMessagesResponse) or not page.chunk:
                break
            found.extend(page.chunk)
            if page.chunk[-1].server_timestamp < cutoff_ms or not page.end:
                break
            token = page.end
        return found[::-1]

    async def _on_invite(self, client: AsyncClient, room_id: str, state: list[Any]) -> None:
        inviter, aliases, direct = None, [], False
        for event in state:
            if (isinstance(event, InviteMemberEvent) and event.state_key == client.user_id
                    and event.membership == "invite"):
                inviter, direct = event.sender, bool(event.content.get("is_direct"))
            elif isinstance(event, InviteAliasEvent) and event.canonical_alias:
                aliases.append(event.canonical_alias)
        if self.invites.accepts(room_id, aliases, inviter):
            log.info("joining %s, invited by %s%s", room_id, inviter,
                     " (direct chat)" if direct else "")
            if direct:
                await self._remember_direct(room_id)
            await client.join(room_id)
        else:
            log.info("declining the invitation to %s from %s (not allowed by matrix.allowed_*)",
                     room_id, inviter)
            await client.room_leave(room_id)

    async def _on_event(self, client: AsyncClient, room: MatrixRoom, event: Any) -> None:
        if event.sender == client.user_id:
            return
        if isinstance(event, MegolmEvent):
            await self._undecryptable(room, event)
            return
        if not isinstance(event, RoomMessageText):
            return  # notices (other bots), emotes, files, state
        command = read_event(room.room_id, event.source)
        if command.is_edit:
            return  # an edit of a command is not a new command
        incoming = self._incoming(client, room, command, event.source)
        if parse(self.app, incoming) is None:
            return  # ordinary conversation: nothing to remember
        try:
            if not await self.storage.claim_event(command.event_id, room.room_id,
                                                  json.dumps(event.source)):
                return
        except sqlite3.Error as error:
            # Answering unrecorded beats falling silent: a restart may answer it again.
            log.error("database not writable (%s): answering %s without recording it",
                      error, command.event_id)
        await self._answer(command, incoming)

    def _incoming(self, client: AsyncClient, room: MatrixRoom, command: CommandEvent,
                  source: dict[str, Any]) -> Incoming:
        return Incoming(
            command.text, command.sender, room.room_id,
            # Invited as direct is a claim of the inviter's: a room that has more members
            # than the bot and one person is public, whatever its flag says.
            is_direct=room.room_id in self._direct and room.member_count <= 2,
            addressed=is_addressed(source.get("content") or {}, command.text,
                                   client.user_id, room.user_name(client.user_id)),
            sender_name=room.user_name(command.sender),
            sent_at=source["origin_server_ts"] / 1000 if "origin_server_ts" in source else None,
        )

    async def _answer(self, command: CommandEvent, incoming: Incoming,
                      decided: list[Outgoing] | None = None) -> None:
        """Decide the answer (unless `decided` before a restart), write it down, send it;
        the event counts as answered once every message is sent."""
        started = time.monotonic()
        outgoing = decided
        if outgoing is None:
            outgoing = await handle(self.app, incoming)
            await self._record(self.storage.save_answer(command.event_id,
                                                        encode_answer(outgoing)),
                               f"the answer to {command.event_id} is not kept for a restart")
        sent: list[asyncio.Future[str]] = []
        for index, message in enumerate(outgoing):
            if message.to_user:
                # Opening a direct chat waits until the sync loop shows the new room: never
                # wait for that from inside the sync loop itself.
                sent.append(asyncio.ensure_future(self._send_direct(message, command, index)))
                continue
            try:
                sent.append(await self._queue(message, command, index))
            except DeliveryError as error:
                log.error("answer to %s not sent: %s", command.event_id, error)
        task = asyncio.create_task(self._log_when_sent(command, sent, started))
        self._handling.add(task)
        task.add_done_callback(self._handling.discard)

    async def _log_when_sent(self, command: CommandEvent, sent: list[asyncio.Future[str]],
                             started: float) -> None:
        results = await asyncio.gather(*sent, return_exceptions=True)
        failed = sum(1 for result in results if isinstance(result, BaseException))
        if not failed:  # else kept: the next start tries again
            await self._record(self.storage.event_answered(command.event_id),
                               f"{command.event_id} may be answered again after a restart")
        log.info("command room=%s sender=%s command=%r latency_ms=%.0f%s", command.room,
                 command.sender, command.text.split(" ", 1)[0][:40],
                 (time.monotonic() - started) * 1000, f" failed={failed}" if failed else "")

    async def _undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        log.warning("cannot decrypt %s from %s in %s (session %s)", event.event_id,
                    event.sender, room.room_id, event.session_id)
        key = f"matrix.told_undecryptable.{event.sender}"
        if await self.storage.get_state(key):
            return
        await self.storage.set_state(key, event.event_id)
        lang = self.config.commands.language
        reply = say(pick(lang, "Je n'ai pas pu déchiffrer votre message. Écrivez-moi dans un "
                               "salon public, ou réessayez plus tard.",
                         "I could not decrypt your message. Write to me in a public room, "
                         "or try again later."))
        answering = CommandEvent(room.room_id, event.event_id, event.sender, "", None, False)
        assert self.sender is not None
        self.sender.enqueue(room.room_id, notice(reply, answering), f"bh-{event.event_id}-undec")

    # --- delivering ------------------------------------------------------------------------

    async def _queue(self, message: Outgoing, command: CommandEvent | None,
                     index: int) -> asyncio.Future[str]:
        """Queue one outgoing message; `command` is what it answers when it goes in place."""
        assert self.sender is not None
        if message.to_user:
            room, answering = await self.direct_room(message.to_user), None
        elif message.to_room:
            room, answering = message.to_room, None
        elif command is not None:
            room, answering = command.room, command
        else:
            raise ValueError("an unsolicited message needs to_room or to_user")
        if message.key:  # the same key resent after a crash: the homeserver shows it once
            txn = f"bh-{message.key}"
        else:
            txn = f"bh-{command.event_id}-{index}" if command else f"bh-{uuid.uuid4().hex}"
        if message.react and answering is not None:  # nio sends reactions unencrypted
            return self.sender.enqueue(room, reaction(answering, message.react), txn,
                                       event_type="m.reaction")
        sent = self.sender.enqueue(room, notice(message.reply, answering), txn)
        attachment = message.reply.attachment
        if attachment is None:
            return sent
        return self.sender.enqueue(room, file_message(attachment, answering), txn + "-file",
                                   attachment)

    async def _send_direct(self, message: Outgoing, command: CommandEvent, index: int) -> str:
        try:
            return await (await self._queue(message, command, index))
        except DeliveryError as error:
            log.error("answer to %s not sent: %s", command.event_id, error)
            raise

    async def deliver(self, messages: list[Outgoing]) -> None:
        """Send messages nobody asked for (reminders, decisions): `Transport.deliver`."""
        futures = [await self._queue(message, None, 0) for message in messages]
        for result in await asyncio.gather(*futures, return_exceptions=True):
            if isinstance(result, BaseException):
                raise DeliveryError(str(result)) from result

    async def direct_room(self, user_id: str) -> str:
        """The direct chat with `user_id`, opened (and remembered) if there is none yet."""
        assert self.client is not None
        client = self.client
        async with self._dm_lock:
            key = f"matrix.dm.{user_id}"
            known = await self.storage.get_state(key)
            room = client.rooms.get(known) if known else None
            if room is not None and (user_id in room.users or user_id in room.invited_users):
                return room.room_id
            initial_state = []
            if client.store_path:
                initial_state.append({"type": "m.room.encryption", "state_key": "",
                                      "content": {"algorithm": "m.megolm.v1.aes-sha2"}})
            answer = await client.room_create(is_direct=True, invite=[user_id],
                                              initial_state=initial_state)
            if not isinstance(answer, RoomCreateResponse):
                raise DeliveryError(f"cannot open a direct chat with {user_id}: "
                                    f"{answer.status_code} {answer.message}")
            await self.storage.set_state(key, answer.room_id)
            await self._remember_direct(answer.room_id)
            log.info("opened a direct chat with %s: %s", user_id, answer.room_id)
            await self._until_usable(client, answer.room_id, user_id)
            return answer.room_id

    async def _until_usable(self, client: AsyncClient, room_id: str, user_id: str) -> None:
        """Wait until the sync loop has shown the new room with the user in it (invited is
        enough), then, when encrypting, ask once for the user's device keys: a message
        encrypted before would be unreadable to them. (A user with no encrypting device has
        no keys to wait for, so this never waits for them to join.)"""
        deadline = time.monotonic() + 30
        while room_id not in client.rooms or user_id not in client.rooms[room_id].users:
            if time.monotonic() > deadline:
                log.warning("direct chat %s with %s not shown by the server after 30 s; "
                            "sending anyway", room_id, user_id)
                return
            await asyncio.sleep(0.05)
        if client.store_path and client.should_query_keys:
            with contextlib.suppress(LocalProtocolError):
                await client.keys_query()

    async def _remember_direct(self, room_id: str) -> None:
        self._direct.add(room_id)
        await self.storage.set_state(DIRECT + room_id, "1")

    async def power_level(self, room_id: str, user_id: str) -> int | None:
        """`user_id`'s power level in `room_id`, as the server has it now (None if unknown).

        Asked each time rather than read from nio's copy: that copy lags behind a fresh join,
        and does not know that room versions 12+ give their creators the top level."""
        assert self.client is not None
        answer = await self.client.room_get_state(room_id)
        if not isinstance(answer, RoomGetStateResponse):
            return None
        return level_in(answer.events, user_id)

def _after_own_join(events: list[Any], user_id: str) -> list[Any]:
    """The events after the bot joined, if it joined in this batch: history is not answered."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if (isinstance(event, RoomMemberEvent) and event.state_key == user_id
                and event.membership == "join" and event.prev_membership != "join"):
            return events[index + 1:]
    return events

