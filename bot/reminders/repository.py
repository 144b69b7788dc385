"""Reminders: who asked to be reminded of what, and every notice claimed, sent or missed
(its key makes sending idempotent across restarts)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable

from bot.storage.repository import Repository

_PERSONAL = "personal|{user}|"


def personal_notice_key(user_id: str, session_id: str, start: str, lead_minutes: int) -> str:
    """The log key of the reminder `user_id` asked for: it starts with their id, for the
    privacy sweep to find."""
    return f"{_PERSONAL.format(user=user_id)}{session_id}|{start}|{lead_minutes}"


class Reminders(Repository):
    """The `subscriptions` and `reminder_log` tables."""

    tables = ("subscriptions", "reminder_log")

    async def subscribe(self, user_id: str, session_id: str, lead_minutes: int) -> bool:
        """Remember that `user_id` wants a reminder; False if they had asked already."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO subscriptions VALUES (?, ?, ?, ?)",
            (user_id, session_id, lead_minutes, time.time()),
        )
        await self._commit()
        return cursor.rowcount == 1

    async def unsubscribe(self, user_id: str, session_id: str) -> bool:
        cursor = await self.db.execute(
            "DELETE FROM subscriptions WHERE user_id = ? AND session_id = ?",
            (user_id, session_id),
        )
        await self._commit()
        return cursor.rowcount == 1

    async def subscriptions(self, user_id: str | None = None) -> list[tuple[str, str, int]]:
        """(user id, session id, lead minutes) of one person, or of everyone."""
        query = "SELECT user_id, session_id, lead_minutes FROM subscriptions"
        args: tuple = ()
        if user_id is not None:
            query, args = query + " WHERE user_id = ?", (user_id,)
        async with self.db.execute(query + " ORDER BY created_at", args) as cursor:
            return [(row[0], row[1], row[2]) async for row in cursor]

    async def subscribed_to(self, session_ids: Iterable[str]) -> list[tuple[str, str, int]]:
        """(user id, session id, lead minutes) of everyone's subscriptions to these
        sessions only (found by session: the others are not read)."""
        async with self.db.execute(
            "SELECT user_id, session_id, lead_minutes FROM subscriptions "
            "WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY created_at",
            (json.dumps(list(session_ids)),),
        ) as cursor:
            return [(row[0], row[1], row[2]) async for row in cursor]

    async def reminder_log(self, since: float) -> dict[str, str]:
        """Status ('sending', 'sent', 'missed') of every notice due since `since`."""
        async with self.db.execute(
            "SELECT key, status FROM reminder_log WHERE due >= ?", (since,)
        ) as cursor:
            return {row[0]: row[1] async for row in cursor}

    async def mark_reminders(self, keys: list[str], status: str, due: float) -> None:
        """Record `status` for notices `keys`, committed before the caller goes on."""
        now = time.time()
        await self.db.executemany(
            "INSERT INTO reminder_log VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            [(key, status, due, now) for key in keys],
        )
        await self._commit()

    async def move_room(self, old: str, new: str) -> None:
        """Room `old` became `new` (an upgrade): the notices already sent to it count as
        sent to `new`, so none is sent twice."""
        await self.db.execute(
            "UPDATE OR IGNORE reminder_log SET key = replace(key, ?, ?) WHERE instr(key, ?) > 0",
            (f"|{old}|", f"|{new}|", f"|{old}|"))
        await self._commit()

    async def personal_data(self, user_id: str) -> dict[str, int]:
        return {
            "reminders": await self._count(
                "SELECT count(*) FROM subscriptions WHERE user_id = ?", (user_id,)),
            "reminders_sent": await self._count(
                f"SELECT count(*) FROM reminder_log WHERE {_THEIRS}", _prefix(user_id)),
        }

    async def forget(self, user_id: str, pseudonym: str) -> None:
        await self.db.execute("DELETE FROM subscriptions WHERE user_id = ?", (user_id,))
        await self.db.execute(f"DELETE FROM reminder_log WHERE {_THEIRS}", _prefix(user_id))


_THEIRS = "substr(key, 1, length(:prefix)) = :prefix"


def _prefix(user_id: str) -> dict[str, str]:
    return {"prefix": _PERSONAL.format(user=user_id)}
