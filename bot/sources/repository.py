"""The last version of each programme source fetched by URL (table `programme_sources`),
whole and readable as text, so a restart without network still has every programme (what
is published of it is bot.publishing's)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.storage.repository import Repository


@dataclass(frozen=True)
class Cached:
    """A source's last answer and the validators to ask for a newer one."""

    url: str
    body: str
    etag: str | None
    last_modified: str | None
    content_type: str
    fetched_at: float


class ProgrammeSources(Repository):
    """The `programme_sources` table: public documents, one row per URL."""

    tables = ("programme_sources",)
    holds_people = False

    async def get(self, url: str) -> Cached | None:
        """The last answer of `url`, if it ever gave one."""
        async with self.db.execute(
            "SELECT url, body, etag, last_modified, content_type, fetched_at "
            "FROM programme_sources WHERE url = ?", (url,)
        ) as cursor:
            row = await cursor.fetchone()
        return Cached(*row) if row else None

    async def put(self, url: str, body: str, etag: str | None, last_modified: str | None,
                  content_type: str) -> None:
        """Keep `body` as the last answer of `url`, with its validators."""
        await self.db.execute(
            "INSERT INTO programme_sources "
            "(url, body, etag, last_modified, content_type, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET body = excluded.body, "
            "etag = excluded.etag, last_modified = excluded.last_modified, "
            "content_type = excluded.content_type, fetched_at = excluded.fetched_at",
            (url, body, etag, last_modified, content_type, time.time()),
        )
        await self._commit()

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Nothing to do: a published programme names no user of the bot."""
