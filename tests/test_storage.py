"""Storage: schema versions, WAL, state, and answered events recorded once."""

import time
from pathlib import Path

import aiosqlite

from bot.storage import MIGRATIONS, Storage


async def test_a_new_file_gets_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        assert await storage.version() == len(MIGRATIONS)
        async with storage.db.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"
    finally:
        await storage.close()


async def test_a_first_version_file_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    async with aiosqlite.connect(path) as db:
        await db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        await db.execute("INSERT INTO state VALUES ('next_batch', 's42')")
        await db.commit()
    storage = await Storage.open(path)
    try:
        assert await storage.version() == len(MIGRATIONS)
        assert await storage.get_state("next_batch") == "s42"
    finally:
        await storage.close()


async def test_state_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    storage = await Storage.open(path)
    await storage.set_state("device_id", "ABC")
    await storage.set_state("device_id", "DEF")
    await storage.close()
    storage = await Storage.open(path)
    try:
        assert await storage.get_state("device_id") == "DEF"
        assert await storage.get_state("missing") is None
    finally:
        await storage.close()


async def test_an_event_is_claimed_once(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        assert await storage.claim_event("$a", "!room", "{}") is True
        assert await storage.claim_event("$a", "!room", "{}") is False
        await storage.forget_events_before(float("inf"))
        assert await storage.claim_event("$a", "!room", "{}") is True
    finally:
        await storage.close()


async def test_a_claimed_event_is_kept_until_answered_across_a_reopen(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    await storage.claim_event("$undecided", "!room", '{"n": 1}')
    await storage.claim_event("$decided", "!room", '{"n": 2}')
    await storage.save_answer("$decided", "[]")
    await storage.claim_event("$sent", "!room", '{"n": 3}')
    await storage.save_answer("$sent", "[]")
    await storage.event_answered("$sent")
    await storage.close()  # as a killed bot leaves it: the journal is in the file
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        assert await storage.unanswered_events(since=0) == [
            ("$undecided", "!room", '{"n": 1}', None),
            ("$decided", "!room", '{"n": 2}', "[]"),
        ]
        assert await storage.unanswered_events(since=time.time() + 60) == []  # too old
        assert await storage.claim_event("$sent", "!room", "{}") is False
    finally:
        await storage.close()
