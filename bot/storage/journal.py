"""The answer journal: every incoming command's answer, once decided, written down with the
command in one commit and kept until it is sent, so a bot killed in between sends it after
its restart, once; then only the event id stays, to refuse the command if seen again."""

from __future__ import annotations

import time

from bot.storage.repository import Repository


class AnswerJournal(Repository):
    """The `handled_events` table."""

    tables = ("handled_events",)

    async def is_claimed(self, event_id: str) -> bool:
        """Whether `event_id` was answered, or its answer decided (a read: no commit)."""
        rows = await self.db.execute_fetchall(
            "SELECT 1 FROM handled_events WHERE event_id = ?", (event_id,))
        return bool(rows)

    async def decide(self, event_id: str, room_id: str, source: str, answer: str) -> bool:
        """Write down, in one commit, that `event_id` (`source`: the event, serialised) is
        answered with `answer`, kept until `event_answered` for `unanswered_events` to find
        after a crash. False if it was already answered or decided: nothing to send.

        An event claimed without an answer (by a bot of before this journal wrote both at
        once, killed meanwhile) gets its answer."""
        cursor = await self.db.execute(
            "INSERT INTO handled_events (event_id, room_id, handled_at, source, answer) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET answer = "
            "excluded.answer WHERE source IS NOT NULL AND answer IS NULL",
            (event_id, room_id, time.time(), source, answer),
        )
        await self._commit()
        return cursor.rowcount == 1

    async def event_answered(self, event_id: str) -> None:
        """The answer to `event_id` is sent: only its id stays, to refuse it if seen again."""
        await self.db.execute(
            "UPDATE handled_events SET source = NULL, answer = NULL WHERE event_id = ?",
            (event_id,))
        await self._commit()

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
        await self._commit()

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Commands of theirs not answered yet keep their text until answered: drop it (the
        event id stays, so the command is not answered twice)."""
        await self.db.execute(
            "UPDATE handled_events SET source = NULL, answer = NULL "
            "WHERE json_extract(source, '$.sender') = ?", (user_id,))
