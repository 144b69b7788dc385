"""Calls for proposals set by organisers with !cfp, as JSON (bot.proposals.calls reads it)."""

from __future__ import annotations

from datetime import datetime

from bot.storage.repository import Repository


class Calls(Repository):
    """The `proposal_calls` table: one call per event."""

    tables = ("proposal_calls",)

    async def save_call(self, event_id: str, data: str, actor: str, at: datetime) -> None:
        """Store (or replace) the call for proposals of `event_id`, as JSON."""
        await self.db.execute(
            "INSERT INTO proposal_calls (event_id, data, set_by, set_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET data = excluded.data, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            (event_id, data, actor, at.isoformat()),
        )
        await self._commit()

    async def stored_calls(self) -> list[tuple[str, str]]:
        """(event id, JSON) of every call organisers set."""
        async with self.db.execute("SELECT event_id, data FROM proposal_calls") as cursor:
            return [(row[0], row[1]) async for row in cursor]

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """The call stays (it is the event's), signed by the pseudonym."""
        await self.db.execute("UPDATE proposal_calls SET set_by = ? WHERE set_by = ?",
                              (pseudonym, user_id))
