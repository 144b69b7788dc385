"""Commits: what they cost (no fsync: `synchronous=NORMAL`), that a killed process keeps what
it committed all the same, and several writes under one commit (`Storage.one_commit`)."""

import signal
import subprocess
import sys
from pathlib import Path

import aiosqlite

from bot.storage import Storage
from tests.support.paths import ROOT

NORMAL = 1  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL


async def test_commits_do_not_wait_for_the_disk(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        async with storage.db.execute("PRAGMA synchronous") as cursor:
            assert (await cursor.fetchone())[0] == NORMAL
    finally:
        await storage.close()


KILLED_AFTER_DECIDING = """
import asyncio, os, signal, sys
from bot.storage import Storage

async def main():
    storage = await Storage.open(sys.argv[1])
    await storage.journal.decide("$cmd", "!room", "{}", '["answer"]')
    await storage.state.set_state("matrix.next_batch", "s42")
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint: as a crash leaves it

asyncio.run(main())
"""


async def test_what_a_killed_process_committed_is_there_after_it(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_DECIDING, str(path)],
                          cwd=ROOT, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert (tmp_path / "bot.db-wal").stat().st_size > 0  # the commits are in the WAL only
    storage = await Storage.open(path)
    try:
        assert await storage.journal.unanswered_events(since=0) == [
            ("$cmd", "!room", "{}", '["answer"]')]
        assert await storage.state.get_state("matrix.next_batch") == "s42"
    finally:
        await storage.close()


async def seen_by_another(path: Path) -> list[str]:
    """The keys of the state table as another connection sees them: what is committed."""
    async with aiosqlite.connect(path) as other, other.execute(
            "SELECT key FROM state ORDER BY key") as cursor:
        return [row[0] for row in await cursor.fetchall()]


async def test_writes_under_one_commit_are_committed_together_at_its_end(
        tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    storage = await Storage.open(path)
    try:
        async with storage.one_commit():
            await storage.state.set_state("a", "1")
            async with storage.one_commit():  # inside another: commits nothing itself
                await storage.state.set_state("b", "2")
            await storage.journal.decide("$cmd", "!room", "{}", "[]")
            assert await seen_by_another(path) == []
        assert await seen_by_another(path) == ["a", "b"]
        assert await storage.journal.is_claimed("$cmd")
        await storage.state.set_state("c", "3")  # outside: each write commits again
        assert await seen_by_another(path) == ["a", "b", "c"]
    finally:
        await storage.close()
