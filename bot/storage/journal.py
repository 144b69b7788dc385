"""The answer journal: every incoming command claimed once, kept with its source until
its answer is sent, so a bot killed in between answers after its restart, once."""

from __future__ import annotations

import time

from bot.storage.repository import Repository


class AnswerJournal(Repository):
    """The `handled_events` table."""

    tables = ("handled_events",)

    async def claim_event(self, event_id: str, room_id: str, source: str) -> bool:
        """Record that `event_id` is being answered; False if it was already.

        `source` (the event, serialised) is kept until `event_answered`, for
        `unanswered_events` to find it again after a crash."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO handled_events (event_id, room_id, handled_at, source) "
            "VALUES (?, ?, ?, ?)",
            (event_id, room_id, time.time(), source),
        )
        await self.db.commit()
        return cursor.rowcount == 1

    async def save_answer(self, event_id: str, answer: str) -> None:
        """Keep the answer decided for a claimed event until it is sent."""
        await self.db.execute("UPDATE handled_events SET answer = ? WHERE event_id = ?",
                              (answer, event_id))
        await self.db.commit()

    async def event_answered(self, event_id: str) -> None:
        """The answer to `event_id` is sent: only its id stays, to refuse it if seen again."""
        await self.db.execute(
            "UPDATE handled_events SET source = NULL, answer = NULL WHERE event_id = ?",
            (event_id,))
        await self.db.commit()

    async def unanswered_events(self, since: float) -> list[tuple[str, str, str, str | None]]:
        """Events claimed since `since` (epoch seconds) whose answer was not sent, oldest
        first: (event id, room id, source, answer or None if it was never decided)."""
        cursor = await self.db.execute(
            "SELECT event_id, room_id, source, answer FROM handled_events "
            "WHERE source IS NOT NULL AND handled_at >= ? ORDER BY handled_at", (since,))
        return [tuple(row) for row in await cursor.fetchall()]  # type: ignore[misc]

    async def forget_events_before(self, timestamp: float) -> None:
        """Drop records of events handled before `timestamp` (seconds since the epoch)."""
        await self.db.execute("DELETE FROM handled_events WHERE handled_at < ?", (timestamp,))
        await self.db.commit()

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Commands of theirs not answered yet keep their text until answered: drop it (the
        event id stays, so the command is not answered twice)."""
        await self.db.execute(
            "UPDATE handled_events SET source = NULL, answer = NULL "
            "WHERE json_extract(source, '$.sender') = ?", (user_id,))
