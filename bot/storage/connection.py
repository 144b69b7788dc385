"""The database file: opened in WAL mode with foreign keys on, its schema brought up to
date by the migrations, and refused when a newer bot wrote it.

`PRAGMA user_version` records the schema version a file stands at, so an older file
upgrades in place. A file stamped with a version this code does not know was written by a
newer bot: its tables may mean things the code here would damage, so it is not touched.

Commits do not wait for the disk (`synchronous=NORMAL`, with WAL): a committed
transaction survives a crash of the process (it is in the WAL file, read back at the next
open); a power loss or a crash of the system can take back the last ones the system had not
yet written out, never leaving a corrupt file (what that costs: docs/operators.md, "Power
loss"). A commit costs a write, not an fsync: one per command is on the answer's path.

A new file is created readable by the bot's user only (0600): it holds the access token.
SQLite gives its `-wal` and `-shm` files the database's mode.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import aiosqlite

from bot.storage.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this code writes."""


class StorageError(Exception):
    """The database cannot be opened or written (read-only file, full disk...)."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer version of the bot: left as it is."""

    def __init__(self, path: Path | str, version: int) -> None:
        super().__init__(
            f"the database {path} is at schema version {version}, newer than this bot's "
            f"({SCHEMA_VERSION}): it was written by a newer bluehats-bot; run that version, "
            "or restore a backup made by this one"
        )
        self.version = version


async def connect(path: Path | str) -> aiosqlite.Connection:
    """Open (or create) the database at `path`, up to date; `StorageError` if it cannot
    be, `DatabaseTooNew` if a newer bot wrote it."""
    try:
        create_private(path)
        db = await aiosqlite.connect(path)
    except (aiosqlite.Error, OSError) as error:
        raise StorageError(f"cannot open the database {path}: {error}") from error
    try:
        found = await version(db)
        if found > SCHEMA_VERSION:  # checked before anything is written to the file
            raise DatabaseTooNew(path, found)
        db.row_factory = aiosqlite.Row
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA synchronous=NORMAL")  # see the module's docstring
        await db.execute("PRAGMA foreign_keys=ON")
        await db.execute("PRAGMA busy_timeout=5000")
        await migrate(db)
    except BaseException as error:
        await db.close()
        if isinstance(error, aiosqlite.Error):
            raise StorageError(f"cannot open the database {path}: {error}") from error
        raise
    return db


def create_private(path: Path | str) -> None:
    """Create the file at `path`, mode 0600, unless it exists (or is SQLite's in-memory
    database); an existing file keeps its mode (`config check` notes a wider one)."""
    if str(path) == ":memory:" or str(path).startswith("file:"):
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


async def version(db: aiosqlite.Connection) -> int:
    """The schema version the file stands at (0: empty)."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection, target: int = SCHEMA_VERSION) -> None:
    """Apply the migrations from the file's version up to `target`, each in one transaction."""
    for number in range(await version(db), target):
        await db.executescript(
            f"BEGIN; {MIGRATIONS[number]} PRAGMA user_version = {number + 1}; COMMIT;"
        )
