"""The bot behind bench/fault_proxy.py, with chosen requests failing: what the fault soak
found, each as a person in an encrypted room would see it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.fault_proxy import NO_FAULTS, FaultProxy
from tests.synapse import Synapse, bot_in_room

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
