"""The sync loop without a server: when it writes down its sync position (`next_batch`).

The position of a batch is written once the answers of that batch are sent: a commit
before would stand between the command and its answer, and a crash before the write only
gives the batch again, whose commands the journal refuses."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

from nio import SyncResponse, UploadFilterResponse

from bot.settings.config import MatrixConfig
from bot.storage import Storage
from bot.transports.matrix.reachability import Reachability
from bot.transports.matrix.sync import NEXT_BATCH, SyncLoop


class OneBatchClient:
    """Gives one sync batch, then long-polls forever."""

    user_id = "@bot:localhost"
    store_path = ""

    def __init__(self) -> None:
        self.rooms: dict[str, Any] = {}
        self.syncs = 0

    async def upload_filter(self, **_: Any) -> UploadFilterResponse:
        return UploadFilterResponse.from_dict({"filter_id": "1"})

    async def sync(self, *_: Any, **__: Any) -> SyncResponse:
        self.syncs += 1
        if self.syncs > 1:
            await asyncio.Event().wait()
        return SyncResponse.from_dict({"next_batch": "s1", "rooms": {}})


class IdleSender:
    """Nothing to send."""

    async def settled(self, timeout: float) -> None:
        return None


class HeldSender:
    """Answers being sent until the test releases them."""

    def __init__(self) -> None:
        self.sending = asyncio.Event()
        self.sent = asyncio.Event()

    async def settled(self, timeout: float) -> None:
        self.sending.set()
        await self.sent.wait()


class NoCommands:
    async def answer_unanswered(self, since_ms: float) -> None:
        return None


async def never() -> bool:
    return False


def sync_loop(storage: Storage, sender: Any) -> SyncLoop:
    return SyncLoop(OneBatchClient(), MatrixConfig(), storage, NoCommands(),  # type: ignore[arg-type]
                    None, None, 0.0, Reachability(never), None, sender)  # type: ignore[arg-type]


async def test_the_sync_position_is_written_once_the_answers_of_its_batch_are_sent(
        tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    sender = HeldSender()
    loop = sync_loop(storage, sender)
    running = asyncio.create_task(loop.run(lambda: None))
    try:
        await asyncio.wait_for(sender.sending.wait(), 5)
        await asyncio.sleep(0.1)
        assert await storage.state.get_state(NEXT_BATCH) is None  # not before the answers
        sender.sent.set()
        for _ in range(50):
            if await storage.state.get_state(NEXT_BATCH) == "s1":
                break
            await asyncio.sleep(0.1)
        assert await storage.state.get_state(NEXT_BATCH) == "s1"
    finally:
        loop.stop.set()
        assert await asyncio.wait_for(running, 5) == 0
        await storage.close()


async def test_the_bot_is_ready_once_its_first_position_is_written(tmp_path: Path) -> None:
    """Killed just after it is ready, the bot starts again from that position: not as a
    first start, which would leave the commands sent meanwhile unanswered as history."""
    path = tmp_path / "bot.db"
    storage = await Storage.open(path)
    loop = sync_loop(storage, IdleSender())
    at_ready: list[Any] = []

    def ready() -> None:  # what another process (a restart) would read at that moment
        with sqlite3.connect(path) as reader:
            at_ready.append(reader.execute("SELECT value FROM state WHERE key = ?",
                                           (NEXT_BATCH,)).fetchone())

    running = asyncio.create_task(loop.run(ready))
    try:
        for _ in range(50):
            if at_ready:
                break
            await asyncio.sleep(0.1)
        assert at_ready == [("s1",)]
    finally:
        loop.stop.set()
        assert await asyncio.wait_for(running, 5) == 0
        await storage.close()
