"""Everything the bot keeps on disk, in one SQLite file, through aiosqlite.

`Storage` holds the connection (`connection`: WAL, the versioned migrations of
`migrations`, a database from a newer bot refused) and the core's repositories:

    storage.state      sync token, login, Matrix rooms (bot.storage.state)
    storage.journal    incoming commands and their answers (bot.storage.journal)
    storage.conversations  the questions answered, for follow-ups (bot.storage.conversations)

Each feature keeps its repositories beside its commands (bot.proposals.repositories,
bot.reminders.repository, bot.sources.repository) and reaches them with
`storage.repository(Proposals)`: the storage core knows no feature, and migrations stay in
one place, here.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TypeVar, cast

import aiosqlite

from bot.storage import connection
from bot.storage.connection import SCHEMA_VERSION, DatabaseTooNew, StorageError
from bot.storage.conversations import Conversations
from bot.storage.journal import AnswerJournal
from bot.storage.migrations import MIGRATIONS
from bot.storage.repository import ONE_COMMIT, Repository
from bot.storage.state import SyncState

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "DatabaseTooNew", "Storage", "StorageError"]

R = TypeVar("R", bound=Repository)


class Storage:
    """The bot's database. Open with `await Storage.open(path)`, close with `close()`."""

    def __init__(self, db: aiosqlite.Connection, path: Path | str) -> None:
        self.db = db
        self.path = path
        self.state = SyncState(db)
        self.journal = AnswerJournal(db)
        self.conversations = Conversations(db)
        self._repositories: dict[type[Repository], Repository] = {}

    def repository(self, kind: type[R]) -> R:
        """This database's repository of `kind` (a feature's tables), made on first use."""
        found = self._repositories.get(kind)
        if found is None:
            found = self._repositories[kind] = kind(self.db)
        return cast(R, found)

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        """Open (or create) the database at `path` and bring its schema up to date;
        `StorageError` if it cannot, `DatabaseTooNew` if a newer bot wrote it."""
        return cls(await connection.connect(path), path)

    @contextlib.asynccontextmanager
    async def one_commit(self) -> AsyncIterator[None]:
        """The repositories' writes inside, by this task, committed once, at the end (a
        commit is most of a write's cost). Writes of other tasks meanwhile commit as
        usual, and may carry these with theirs: use it for writes each of which stands
        alone. A task started inside would inherit it, and not commit: start none."""
        if ONE_COMMIT.get():  # inside another: that one commits
            yield
            return
        token = ONE_COMMIT.set(True)
        try:
            yield
        finally:
            ONE_COMMIT.reset(token)
        await self.db.commit()

    async def close(self) -> None:
        await self.db.close()

    async def version(self) -> int:
        return await connection.version(self.db)
