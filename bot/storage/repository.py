"""What every repository is: one concern's tables on the shared connection, and its part
of the privacy sweep (`!oublier-moi`)."""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar

import aiosqlite

ONE_COMMIT: ContextVar[bool] = ContextVar("one_commit", default=False)
"""True inside `Storage.one_commit()`: the writes of this task wait for its one commit."""


class Repository:
    """The tables of one concern. Each write commits before returning (what the bot said
    it kept, it has kept), except `forget` (the sweep commits all repositories at once) and
    writes inside `Storage.one_commit()`, committed together at its end."""

    tables: tuple[str, ...] = ()
    """The tables this repository owns; no other one writes them."""
    holds_people: bool = True
    """False for tables of public documents that never name a user (the privacy test
    still checks that they do not)."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db

    async def personal_data(self, user_id: str) -> dict[str, int]:
        """How many records of each kind this repository holds about `user_id`."""
        return {}

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Remove `user_id` from these tables (or sign what stays `pseudonym`), uncommitted.

        Every repository says how, even when it keeps no one: the privacy test fails on a
        table still naming a person after the sweep."""
        raise NotImplementedError

    async def _commit(self) -> None:
        """Commit, unless this task is inside `Storage.one_commit()`: that commits."""
        if not ONE_COMMIT.get():
            await self.db.commit()

    async def _count(self, query: str, args: Mapping[str, object] | tuple = ()) -> int:
        async with self.db.execute(query, args) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0
