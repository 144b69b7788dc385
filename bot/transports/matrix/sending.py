"""One paced send queue per room: messages leave in order, are retried, never duplicated.

Each message carries its own transaction id, reused on every retry: if an attempt reached
the server but its answer was lost, the server recognises the id and does not post twice.
Rate limits (M_LIMIT_EXCEEDED) are honoured with `retry_after_ms`, a bounded number of
times; network errors are retried with a growing pause until the bot stops, or at once
when the homeserver answers again (reachability.py).

`settled()` waits until no message is being sent or due to go at once (a room waiting for
its pace or a retry is not): the sync loop waits for it before its next long poll, so
that the homeserver does not take that request, and wake it with the bot's own answer,
while it is still storing the answer and handing it to the person who asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientError
from nio import Api, AsyncClient, LocalProtocolError, RoomSendResponse, UploadResponse

from bot.monitoring.metrics import SENDS_FAILED, SENDS_RETRIED
from bot.transports.matrix.reachability import Reachability
from bot.wording.replies import Attachment

log = logging.getLogger(__name__)

NETWORK_ERRORS = (ClientError, TimeoutError, OSError)


class TransientFailure(ClientError):
    """The homeserver answered 429 or 5xx: like a network error, worth trying again."""


def is_transient(answer: Any) -> bool:
    """Whether a nio error answer is a rate limit or a server/gateway error."""
    transport = getattr(answer, "transport_response", None)
    status = getattr(transport, "status", 0) or 0
    return getattr(answer, "status_code", None) == "M_LIMIT_EXCEEDED" or status == 429 \
        or status >= 500
MAX_NETWORK_PAUSE = 30.0


class DeliveryError(Exception):
    """A message could not be sent (refused by the server, or rate-limited too many times)."""


@dataclass
class Queued:
    room: str
    content: dict[str, Any]
    txn_id: str
    attachment: Attachment | None = None
    event_type: str = "m.room.message"
    sent: asyncio.Future[str] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future())


class Sender:
    """Sends through `client`, one worker per room, `pace` seconds between two requests."""

    def __init__(self, client: AsyncClient, reachability: Reachability, *, pace: float,
                 max_tries: int, encrypted: bool) -> None:
        self.client = client
        self.reachability = reachability
        self.pace = pace
        self.max_tries = max_tries
        self.encrypted = encrypted  # the client can encrypt attachments
        self._queues: dict[str, asyncio.Queue[Queued]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._holding: set[str] = set()  # rooms whose worker is sending a message
        self._resting: set[str] = set()  # rooms whose worker waits (pace, retry)
        self._changed = asyncio.Event()  # set at each change of those, or of a queue

    def enqueue(self, room: str, content: dict[str, Any], txn_id: str,
                attachment: Attachment | None = None,
                event_type: str = "m.room.message") -> asyncio.Future[str]:
        """Queue a message (or a reaction); the future gives its event id once sent."""
        item = Queued(room, content, txn_id, attachment, event_type)
        queue = self._queues.get(room)
        if queue is None:
            queue = self._queues[room] = asyncio.Queue()
            self._workers[room] = asyncio.create_task(self._work(room, queue),
                                                      name=f"send {room}")
        queue.put_nowait(item)
        self._changed.set()
        return item.sent

    async def settled(self, timeout: float) -> None:
        """Wait until no message is being sent nor due to go at once (the rooms waiting
        for their pace or a retry are not), `timeout` seconds at most."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while any(self._due(room) for room in self._queues):
                    self._changed.clear()
                    await self._changed.wait()

    def _due(self, room: str) -> bool:
        return room not in self._resting and (
            room in self._holding or not self._queues[room].empty())

    async def _rest(self, room: str, waiting: Awaitable[object]) -> None:
        """Wait for `waiting` (the pace, a pause before a retry): meanwhile nothing of
        `room` is due."""
        self._resting.add(room)
        self._changed.set()
        try:
            await waiting
        finally:
            self._resting.discard(room)
            self._changed.set()

    async def drain(self, timeout: float) -> None:
        """Wait until every queued message is sent (or `timeout` passes), then stop."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                asyncio.gather(*(queue.join() for queue in self._queues.values())), timeout)
        for worker in self._workers.values():
            worker.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)
        left = sum(queue.qsize() for queue in self._queues.values())
        if left:
            log.error("stopping with %d message(s) not sent", left)

    async def _work(self, room: str, queue: asyncio.Queue[Queued]) -> None:
        while True:
            item = await queue.get()
            self._holding.add(room)
            started = time.monotonic()
            try:
                item.sent.set_result(await self._send(item))
            except DeliveryError as error:
                log.error("not sent to %s: %s", item.room, error)
                SENDS_FAILED.inc()
                item.sent.set_exception(error)
            except asyncio.CancelledError:
                item.sent.cancel()
                raise
            except Exception as error:  # one bad message must not stop the room's queue
                log.exception("not sent to %s", item.room)
                SENDS_FAILED.inc()
                item.sent.set_exception(DeliveryError(f"{error.__class__.__name__}: {error}"))
            finally:
                queue.task_done()
                self._holding.discard(room)
                self._changed.set()
            await self._rest(room, asyncio.sleep(
                max(0.0, self.pace - (time.monotonic() - started))))

    async def _send(self, item: Queued) -> str:
        if item.attachment is not None and "url" not in item.content \
                and "file" not in item.content:
            item.content.update(await self._retrying(item.room, self._upload, item))
        answer = await self._retrying(item.room, self._room_send, item)
        return answer.event_id

    async def _room_send(self, item: Queued) -> Any:
        room = self.client.rooms.get(item.room)
        encrypting = self.encrypted and room is not None and room.encrypted
        if encrypting and self.client.should_query_keys:
            # Learn the members' devices first, or they could not read the message.
            with contextlib.suppress(LocalProtocolError):
                await self.client.keys_query()
        if encrypting and item.event_type != "m.room.message":
            return await self._encrypted_send(item)
        return await self.client.room_send(item.room, item.event_type, item.content,
                                           tx_id=item.txn_id, ignore_unverified_devices=True)

    async def _encrypted_send(self, item: Queued) -> Any:
        """Send a reaction encrypted: nio's `room_send` sends reactions in clear, so what
        it does before encrypting is done here, then the same request is made."""
        client = self.client
        room = client.rooms[item.room]
        if not room.members_synced:
            await client.joined_members(item.room)
        assert client.olm is not None
        if client.olm.should_share_group_session(item.room):
            await client.share_group_session(item.room, ignore_unverified_devices=True)
        kind, content = client.encrypt(item.room, item.event_type, item.content)
        method, path, data = Api.room_send(client.access_token, item.room, kind, content,
                                           item.txn_id)
        return await client._send(RoomSendResponse, method, path, data, (item.room,))

    async def _upload(self, item: Queued) -> Any:
        attachment = item.attachment
        assert attachment is not None
        room = self.client.rooms.get(item.room)
        encrypt = self.encrypted and room is not None and room.encrypted
        answer, keys = await self.client.upload(
            lambda *_: attachment.data, content_type=attachment.mimetype,
            filename=attachment.filename, encrypt=encrypt, filesize=len(attachment.data))
        if not isinstance(answer, UploadResponse):
            return answer
        info = {"mimetype": attachment.mimetype, "size": len(attachment.data)}
        if keys:
            return {"file": {"url": answer.content_uri, **keys}, "info": info}
        return {"url": answer.content_uri, "info": info}

    async def _retrying(self, room: str, attempt: Any, item: Queued) -> Any:
        """Run `attempt` until it succeeds; rate limits count as tries, outages do not."""
        tries = 0
        pause = 1.0
        while True:
            try:
                answer = await attempt(item)
            except NETWORK_ERRORS as error:
                log.warning("cannot reach the homeserver to send to %s (%s); retrying in "
                            "%.0f s at most", room, error.__class__.__name__, pause)
                SENDS_RETRIED.labels("unreachable").inc()
                await self._rest(room, self.reachability.pause(pause))
                pause = min(pause * 2, MAX_NETWORK_PAUSE)
                continue
            except LocalProtocolError as error:
                # With encryption on, nio sends only to rooms a sync has shown it: a room
                # joined a moment ago appears with the next sync.
                tries += 1
                if tries >= self.max_tries:
                    raise DeliveryError(f"{error} after {tries} tries") from error
                SENDS_RETRIED.labels("not_ready").inc()
                await self._rest(room, asyncio.sleep(0.5))
                continue
            if isinstance(answer, dict | RoomSendResponse):
                return answer
            tries += 1
            code = getattr(answer, "status_code", None)
            if code in ("M_FORBIDDEN", "M_NOT_FOUND", "M_TOO_LARGE") or tries >= self.max_tries:
                raise DeliveryError(f"{code} {getattr(answer, 'message', '')} after {tries} tries")
            SENDS_RETRIED.labels("rate_limited" if code == "M_LIMIT_EXCEEDED" else "server").inc()
            if code == "M_LIMIT_EXCEEDED":
                wait = (getattr(answer, "retry_after_ms", None) or 5000) / 1000
                log.warning("rate-limited in %s; try %d of %d in %.1f s",
                            room, tries, self.max_tries, wait)
            else:
                wait = min(2.0 ** tries, MAX_NETWORK_PAUSE)
                log.warning("send to %s failed (%s); try %d of %d in %.0f s",
                            room, code, tries, self.max_tries, wait)
            await self._rest(room, asyncio.sleep(wait))
