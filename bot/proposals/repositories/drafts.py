"""Drafts of the guided proposal dialogue, one per person, as JSON."""

from __future__ import annotations

from datetime import datetime

from bot.storage.repository import Repository


class Drafts(Repository):
    """The `proposal_drafts` table."""

    tables = ("proposal_drafts",)

    async def draft(self, user_id: str) -> str | None:
        async with self.db.execute(
            "SELECT data FROM proposal_drafts WHERE user_id = ?", (user_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def save_draft(self, user_id: str, data: str, at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO proposal_drafts (user_id, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at",
            (user_id, data, at.isoformat()),
        )
        await self._commit()

    async def delete_draft(self, user_id: str) -> bool:
        deleted = await self.drop(user_id)
        await self._commit()
        return deleted

    async def drop(self, user_id: str) -> bool:
        """Delete `user_id`'s draft in the caller's transaction (uncommitted)."""
        cursor = await self.db.execute("DELETE FROM proposal_drafts WHERE user_id = ?",
                                       (user_id,))
        return cursor.rowcount > 0

    async def personal_data(self, user_id: str) -> dict[str, int]:
        return {"drafts": await self._count(
            "SELECT count(*) FROM proposal_drafts WHERE user_id = ?", (user_id,))}

    async def forget(self, user_id: str, pseudonym: str) -> None:
        await self.drop(user_id)
