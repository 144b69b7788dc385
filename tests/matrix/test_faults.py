"""The bot behind bench/fault_proxy.py, with chosen requests failing: what the fault soak
found, each as a person in an encrypted room would see it."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bench.fault_proxy import NO_FAULTS, FaultProxy
from bot.transports.matrix.sync import TIMELINE_LIMIT
from tests.support.synapse import Human, Synapse, bot_in_room

pytestmark = pytest.mark.synapse


@pytest.fixture
async def proxy(synapse: Synapse) -> AsyncIterator[FaultProxy]:
    faulty = FaultProxy(synapse.base_url, NO_FAULTS)
    faulty.base_url = await faulty.start()  # type: ignore[attr-defined]
    yield faulty
    await faulty.stop()


@pytest.mark.parametrize("fate", ["limit_exceeded", "bad_gateway", "reset_before"])
async def test_answers_stay_readable_when_the_room_key_share_fails(
    synapse: Synapse, tmp_path: Path, proxy: FaultProxy, fate: str
) -> None:
    """The bot's first answers in an encrypted room share its room key with `sendToDevice`;
    when those requests fail, the answer must still come, readable, and the bot must stay
    logged in (matrix-nio alone: logged out by a 429, unreadable after a reset)."""
    async with bot_in_room(synapse, tmp_path, encrypted=True,
                           homeserver=proxy.base_url) as scene:  # type: ignore[attr-defined]
        proxy.script("/sendToDevice/", fate, 2)
        first = await scene.human.send(scene.room, "!aide")
        answer = await scene.human.wait_for(lambda m: m.replies_to == first, timeout=60)
        assert answer.encrypted and answer.sender == scene.account.user_id
        second = await scene.human.send(scene.room, "!programme")
        await scene.human.wait_for(lambda m: m.replies_to == second, timeout=60)
        await scene.human.settle(1)
        assert proxy.counts[fate] == 2
        assert scene.human.undecryptable == []
        assert scene.human.count(lambda m: m.replies_to in (first, second)) == 2


@pytest.mark.parametrize(("fate", "times"), [
    ("limit_exceeded", 2), ("bad_gateway", 2),
    ("reset_before", 3),  # matrix-nio tries 3 times before giving up on a connection
])
async def test_a_quiet_member_reads_the_answers_when_claiming_their_keys_fails(
    synapse: Synapse, tmp_path: Path, proxy: FaultProxy, fate: str, times: int
) -> None:
    """To give its room key to the device of a member who never wrote in the encrypted
    room, the bot first claims one of that device's one-time keys (`keys/claim`); refused
    with a 429 or a 502 page, or cut, the answers must still reach that member, readable
    (matrix-nio alone: a refusal raised TypeError in KeysClaimError.from_dict and dropped
    the answer; either left the room's key share "under way" for good, so nothing more was
    sent to that room)."""
    async with bot_in_room(synapse, tmp_path, encrypted=True,
                           homeserver=proxy.base_url) as scene, \
            Human.connect(synapse, "bob", encrypted=True, store=tmp_path / "bob") as bob:
        proxy.script("/keys/claim", fate, times)
        await scene.human.invite(scene.room, bob.user_id)
        await scene.human.wait_joined(scene.room, bob.user_id)
        commands = [await scene.human.send(scene.room, text)
                    for text in ("!aide", "!programme")]
        for command in commands:
            answer = await bob.wait_for(lambda m, c=command: m.replies_to == c, timeout=60)
            assert answer.encrypted and answer.sender == scene.account.user_id
        await bob.settle(1)
        assert proxy.counts[fate] == times
        assert bob.undecryptable == []
        assert bob.count(lambda m: m.replies_to in commands) == 2


async def test_commands_before_a_long_gap_are_answered_when_paging_back_fails(
    synapse: Synapse, tmp_path: Path, proxy: FaultProxy
) -> None:
    """Cut off from the server while people talk, the bot comes back to a limited timeline:
    the commands are on the page before, and fetching that page is refused once (429).
    They are answered anyway, once each (before: skipped for good), and only the gap is
    paged back, not the room's earlier talk (before: back to the catch-up age limit, up
    to 20 pages, all fetched again whenever one of them failed)."""
    async with bot_in_room(synapse, tmp_path,
                           homeserver=proxy.base_url) as scene:  # type: ignore[attr-defined]
        for n in range(3 * TIMELINE_LIMIT):  # read by the bot as it came
            await scene.human.send(scene.room, f"avant la coupure, message {n}")
        await asyncio.sleep(2)
        cut = asyncio.create_task(proxy.partition(300))  # until all is sent
        await asyncio.sleep(0.2)
        commands = [await scene.human.send(scene.room, f"!aide {n}") for n in range(3)]
        for n in range(TIMELINE_LIMIT + 5):
            await scene.human.send(scene.room, f"on discute, message {n}")
        proxy.script("/messages", "limit_exceeded", 1)
        cut.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await cut
        for command in commands:
            await scene.human.wait_for(lambda m, c=command: m.replies_to == c, timeout=60)
        await scene.human.settle(2)
        assert proxy.counts["limit_exceeded"] == 1
        assert [scene.human.count(lambda m, c=c: m.replies_to == c) for c in commands] \
            == [1, 1, 1]
        assert proxy.requests("/messages") <= 4  # the refused page, then 2 pages and an end


async def test_answers_resume_soon_after_a_partition_ends(
    synapse: Synapse, tmp_path: Path, proxy: FaultProxy
) -> None:
    """Cut off from the server for 35 s while a person writes, the bot answers within
    seconds of the cut's end, in order (before: its sync was 32 s into a doubling pause,
    so the answers came half a minute late and a backlog grew behind them)."""
    async with bot_in_room(synapse, tmp_path,
                           homeserver=proxy.base_url) as scene:  # type: ignore[attr-defined]
        warm = await scene.human.send(scene.room, "!aide")
        await scene.human.wait_for(lambda m: m.replies_to == warm, timeout=30)
        cut = asyncio.create_task(proxy.partition(35))
        await asyncio.sleep(1)
        commands = [await scene.human.send(scene.room, text)
                    for text in ("!aide", "!programme", "!maintenant")]
        await cut
        ended = time.monotonic()
        for command in commands:
            await scene.human.wait_for(lambda m, c=command: m.replies_to == c, timeout=30)
        assert time.monotonic() - ended < 10
        answers = [m.replies_to for m in scene.human.messages if m.replies_to in commands]
        assert answers == commands


async def test_a_stalled_send_does_not_hold_the_rooms_answers(
    synapse: Synapse, tmp_path: Path
) -> None:
    """The answer's request hangs (a half-open connection, a stuck proxy: 30 s here): it is
    given up after a few seconds and sent again, shown once; the next answers follow
    (before: nio's 60 s request timeout held the room's queue for the whole stall)."""
    stalling = FaultProxy(synapse.base_url, replace(NO_FAULTS, stall_seconds=(30.0, 30.0)))
    base_url = await stalling.start()
    try:
        async with bot_in_room(synapse, tmp_path, homeserver=base_url) as scene:
            warm = await scene.human.send(scene.room, "!aide")
            await scene.human.wait_for(lambda m: m.replies_to == warm, timeout=30)
            stalling.script("/send/m.room.message/", "stall", 1)
            asked = time.monotonic()
            commands = [await scene.human.send(scene.room, text)
                        for text in ("!programme", "!maintenant")]
            for command in commands:
                await scene.human.wait_for(lambda m, c=command: m.replies_to == c, timeout=60)
            assert time.monotonic() - asked < 20
            await scene.human.settle(1)
            assert stalling.counts["stall"] == 1
            assert [scene.human.count(lambda m, c=c: m.replies_to == c) for c in commands] \
                == [1, 1]
    finally:
        await stalling.stop()
