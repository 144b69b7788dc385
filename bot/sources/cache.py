"""The last good version of each programme source, in the bot's database (table
`programme_sources`, created by storage migration 5), so a restart without network still
has every programme."""

from __future__ import annotations

import time
from dataclasses import dataclass

import aiosqlite


@dataclass(frozen=True)
class Cached:
    """A source's last good answer and the validators to ask for a newer one."""

    url: str
    body: str
    etag: str | None
    last_modified: str | None
    content_type: str
    fetched_at: float


class SourceCache:
    """Reads and writes `programme_sources`; each write is committed at once."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db

    async def get(self, url: str) -> Cached | None:
        async with self.db.execute(
            "SELECT url, body, etag, last_modified, content_type, fetched_at "
            "FROM programme_sources WHERE url = ?", (url,)
        ) as cursor:
            row = await cursor.fetchone()
        return Cached(*row) if row else None

    async def put(self, url: str, body: str, etag: str | None, last_modified: str | None,
                  content_type: str) -> None:
        await self.db.execute(
            "INSERT INTO programme_sources "
            "(url, body, etag, last_modified, content_type, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET body = excluded.body, "
            "etag = excluded.etag, last_modified = excluded.last_modified, "
            "content_type = excluded.content_type, fetched_at = excluded.fetched_at",
            (url, body, etag, last_modified, content_type, time.time()),
        )
        await self.db.commit()
