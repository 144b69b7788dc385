"""Storage: schema versions (a newer database refused), WAL, tables owned by one
repository each, state, and answered events recorded once."""

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import aiosqlite
import pytest

from bot.privacy.sweep import every_repository
from bot.storage import MIGRATIONS, SCHEMA_VERSION, DatabaseTooNew, Storage, StorageError
from tests.support.paths import ROOT


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
        assert await storage.state.get_state("next_batch") == "s42"
    finally:
        await storage.close()


async def test_state_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    storage = await Storage.open(path)
    await storage.state.set_state("device_id", "ABC")
    await storage.state.set_state("device_id", "DEF")
    await storage.close()
    storage = await Storage.open(path)
    try:
        assert await storage.state.get_state("device_id") == "DEF"
        assert await storage.state.get_state("missing") is None
    finally:
        await storage.close()


async def test_an_event_is_answered_once(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        journal = storage.journal
        assert await journal.is_claimed("$a") is False
        assert await journal.decide("$a", "!room", "{}", "[]") is True
        assert await journal.is_claimed("$a") is True
        assert await journal.decide("$a", "!room", "{}", "[]") is False  # decided, not sent
        await journal.event_answered("$a")
        assert await journal.decide("$a", "!room", "{}", "[]") is False  # sent
        await journal.forget_events_before(float("inf"))
        assert await journal.is_claimed("$a") is False
        assert await journal.decide("$a", "!room", "{}", "[]") is True
    finally:
        await storage.close()


async def test_a_decided_answer_is_kept_until_sent_across_a_reopen(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    # as a bot of before one commit held the command and its answer left a command it
    # had taken in and not decided yet when it was killed
    await storage.db.execute("INSERT INTO handled_events (event_id, room_id, handled_at, "
                             "source) VALUES ('$undecided', '!room', ?, '{\"n\": 1}')",
                             (time.time(),))
    await storage.db.commit()
    await storage.journal.decide("$decided", "!room", '{"n": 2}', "[]")
    await storage.journal.decide("$sent", "!room", '{"n": 3}', "[]")
    await storage.journal.event_answered("$sent")
    await storage.close()  # as a killed bot leaves it: the journal is in the file
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        journal = storage.journal
        assert await journal.unanswered_events(since=0) == [
            ("$undecided", "!room", '{"n": 1}', None),
            ("$decided", "!room", '{"n": 2}', "[]"),
        ]
        assert await journal.unanswered_events(since=time.time() + 60) == []  # too old
        # the undecided one gets its answer when decided after the restart, once
        assert await journal.decide("$undecided", "!room", '{"n": 1}', '["a"]') is True
        assert await journal.decide("$undecided", "!room", '{"n": 1}', '["b"]') is False
        assert (await journal.unanswered_events(since=0))[0] == (
            "$undecided", "!room", '{"n": 1}', '["a"]')
        assert await journal.decide("$sent", "!room", "{}", "[]") is False
    finally:
        await storage.close()


async def stamped(path: Path, version: int) -> bytes:
    """A database file stamped `version`, with a row; its bytes, to see it untouched."""
    async with aiosqlite.connect(path) as db:
        await db.executescript("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('y');"
                               f"PRAGMA user_version = {version};")
    return path.read_bytes()


async def test_a_database_from_a_newer_bot_is_refused_and_left_untouched(
        tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    before = await stamped(path, SCHEMA_VERSION + 1)
    with pytest.raises(DatabaseTooNew) as refused:
        await Storage.open(path)
    assert str(refused.value) == (
        f"the database {path} is at schema version {SCHEMA_VERSION + 1}, newer than this "
        f"bot's ({SCHEMA_VERSION}): it was written by a newer bluehats-bot; run that version, "
        "or restore a backup made by this one")
    assert isinstance(refused.value, StorageError)  # the CLI says it in one line, exit 2
    assert path.read_bytes() == before  # no WAL switch, no migration ran
    assert not Path(f"{path}-wal").exists()


async def test_the_console_refuses_a_newer_database_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    await stamped(path, SCHEMA_VERSION + 5)
    done = subprocess.run([sys.executable, "-m", "bot", "console", "--database", str(path)],
                          input="!aide\n", capture_output=True, text=True, timeout=60,
                          cwd=ROOT)
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.endswith(f"ERROR bot: the database {path} is at schema version "
                         f"{SCHEMA_VERSION + 5}, newer than this bot's ({SCHEMA_VERSION}): it "
                         "was written by a newer bluehats-bot; run that version, or restore "
                         "a backup made by this one")
    assert done.stdout == ""


async def test_each_table_belongs_to_exactly_one_repository(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        async with storage.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%'") as cursor:
            tables = sorted([row[0] async for row in cursor])
        owned = sorted(table for repository in every_repository(storage)
                       for table in repository.tables)
        assert owned == tables
    finally:
        await storage.close()


async def test_a_new_database_and_its_wal_are_the_bot_s_alone(tmp_path: Path) -> None:
    """0600 whatever the umask: the file holds the access token (SQLite gives the -wal and
    -shm files the database's mode)."""
    previous = os.umask(0o022)
    try:
        storage = await Storage.open(tmp_path / "bot.db")
        await storage.state.set_state("k", "v")
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
        await storage.close()
    finally:
        os.umask(previous)
    assert modes == {"bot.db": 0o600, "bot.db-wal": 0o600, "bot.db-shm": 0o600}


async def test_an_existing_database_keeps_its_mode(tmp_path: Path) -> None:
    """The operator's choice is left alone (`config check` notes a wide one)."""
    database = tmp_path / "bot.db"
    await (await Storage.open(database)).close()
    database.chmod(0o640)
    storage = await Storage.open(database)
    await storage.close()
    assert stat.S_IMODE(database.stat().st_mode) == 0o640


async def test_questions_are_kept_by_their_answer_a_day_and_per_person(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "bot.db")
    try:
        talk = storage.conversations
        await talk.remember(["$a1", "$a2"], "!dm", "@alice:x", '{"name": "search"}', 1000.0)
        await talk.remember(["$b1"], "!dm", "@bob:x", '{"name": "programme"}', 1100.0)
        assert await talk.answered_by("$a2", "!dm") == '{"name": "search"}'
        assert await talk.answered_by("$a2", "!elsewhere") is None
        assert await talk.latest("!dm", "@alice:x", 900.0, 1200.0) == '{"name": "search"}'
        assert await talk.latest("!dm", "@alice:x", 1001.0, 1200.0) is None
        assert await talk.latest("!dm", "@alice:x", 0.0, 999.0) is None  # not yet asked
        assert await talk.personal_data("@alice:x") == {"conversation": 2}
        await talk.forget("@alice:x", "forgotten")
        await storage.db.commit()
        assert await talk.answered_by("$a1", "!dm") is None
        await talk.remember(["$c1"], "!dm", "@carol:x", "{}", 1100.0 + 24 * 3600 + 1)
        assert await talk.answered_by("$b1", "!dm") is None  # more than a day old: gone
    finally:
        await storage.close()
