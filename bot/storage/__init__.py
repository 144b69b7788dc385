"""Everything the bot keeps on disk, in one SQLite file, through aiosqlite.

`Storage` holds the connection (`connection`: WAL, the versioned migrations of
`migrations`, a database from a newer bot refused) and one repository per concern, each
owning its tables and key formats. The core's repositories are here; each feature keeps
its own beside its commands:

    storage.state      sync token, login, Matrix rooms (bot.storage.state)
    storage.journal    incoming commands and their answers (bot.storage.journal)
    storage.sources    programme sources fetched by URL (bot.storage.sources)
    storage.reminders  reminder requests and notices sent (bot.reminders.repository)
    storage.calls      calls for proposals set with !cfp (bot.proposals.repositories.calls)
    storage.drafts     proposal dialogue drafts (bot.proposals.repositories.drafts)
    storage.proposals  proposals, their history and schedule (...repositories.proposals)
    storage.reviews    organisers' scores and comments (bot.proposals.repositories.reviews)
    storage.privacy    the sweep asking each of them to forget a person (bot.privacy.sweep)
"""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from bot.privacy.sweep import Privacy
from bot.proposals.repositories.calls import Calls
from bot.proposals.repositories.drafts import Drafts
from bot.proposals.repositories.proposals import Proposal, Proposals
from bot.proposals.repositories.reviews import Reviews
from bot.reminders.repository import Reminders
from bot.sources.repository import ProgrammeSources
from bot.storage import connection
from bot.storage.connection import SCHEMA_VERSION, DatabaseTooNew, StorageError
from bot.storage.journal import AnswerJournal
from bot.storage.migrations import MIGRATIONS
from bot.storage.repository import Repository
from bot.storage.state import SyncState

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "DatabaseTooNew", "Proposal", "Storage",
           "StorageError"]


class Storage:
    """The bot's database. Open with `await Storage.open(path)`, close with `close()`."""

    def __init__(self, db: aiosqlite.Connection, path: Path | str) -> None:
        self.db = db
        self.path = path
        self.state = SyncState(db)
        self.journal = AnswerJournal(db)
        self.reminders = Reminders(db)
        self.calls = Calls(db)
        self.drafts = Drafts(db)
        self.proposals = Proposals(db, self.drafts)
        self.reviews = Reviews(db, self.proposals)
        self.sources = ProgrammeSources(db)
        self.privacy = Privacy(db, self.repositories)

    @property
    def repositories(self) -> tuple[Repository, ...]:
        """Every repository, in dependency order, in the order `!oublier-moi` lists them."""
        return (self.proposals, self.drafts, self.reminders, self.reviews, self.state,
                self.journal, self.calls, self.sources)

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        """Open (or create) the database at `path` and bring its schema up to date;
        `StorageError` if it cannot, `DatabaseTooNew` if a newer bot wrote it."""
        return cls(await connection.connect(path), path)

    async def close(self) -> None:
        await self.db.close()

    async def version(self) -> int:
        return await connection.version(self.db)
