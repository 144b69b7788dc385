"""The send queues without a server: when they are settled (nothing being sent nor due to
go at once), which the sync loop waits for before its next long poll."""

from __future__ import annotations

import asyncio
from typing import Any

from nio import RoomSendResponse

from bot.transports.matrix.reachability import Reachability
from bot.transports.matrix.sending import Sender


class HeldClient:
    """A client whose sends wait until the test lets them go, one by one."""

    def __init__(self) -> None:
        self.rooms: dict[str, Any] = {}
        self.go = asyncio.Semaphore(0)
        self.sent: list[str] = []

    async def room_send(self, room: str, event_type: str, content: dict[str, Any],
                        tx_id: str, ignore_unverified_devices: bool) -> RoomSendResponse:
        await self.go.acquire()
        self.sent.append(tx_id)
        return RoomSendResponse(f"$event-{tx_id}", room)


async def never() -> bool:
    return False


def sender(client: HeldClient, pace: float) -> Sender:
    return Sender(client, Reachability(never), pace=pace, max_tries=3,  # type: ignore[arg-type]
                  encrypted=False)


async def settles_within(queues: Sender, seconds: float) -> bool:
    """Whether `queues.settled` returns before its own limit (a long one) or `seconds`."""
    try:
        await asyncio.wait_for(queues.settled(60), seconds)
    except TimeoutError:
        return False
    return True


async def test_settled_waits_for_a_message_queued_until_it_is_sent() -> None:
    client = HeldClient()
    queues = sender(client, pace=0)
    sent = queues.enqueue("!room", {"body": "answer"}, "t1")
    assert not await settles_within(queues, 0.2)  # queued, then being sent: not settled
    waiting = asyncio.create_task(queues.settled(60))
    client.go.release()
    await asyncio.wait_for(waiting, 5)
    assert sent.done() and sent.result() == "$event-t1"
    await queues.drain(1)


async def test_a_room_waiting_for_its_pace_is_settled() -> None:
    client = HeldClient()
    queues = sender(client, pace=30)
    queues.enqueue("!room", {"body": "first"}, "t1")
    second = queues.enqueue("!room", {"body": "second"}, "t2")
    client.go.release()
    assert await settles_within(queues, 5)  # the second waits 30 s for its turn
    assert client.sent == ["t1"] and not second.done()
    await queues.drain(0.1)


async def test_settled_gives_up_after_its_limit_on_a_stalled_send() -> None:
    queues = sender(HeldClient(), pace=0)
    queues.enqueue("!room", {"body": "never answered"}, "t1")
    await asyncio.wait_for(queues.settled(0.2), 5)  # returns: the limit, not the send
    await queues.drain(0.1)
