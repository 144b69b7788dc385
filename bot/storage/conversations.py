"""The questions the bot answered, so that a follow-up (« et demain ? ») is read as the
question before it with new slots: in reply to one of its answers, or just after it in a
direct chat. Each is kept by the event id of its answer, a day at most."""

from __future__ import annotations

from bot.storage.repository import Repository

KEPT_SECONDS = 24 * 3600
"""How long a question is kept for a follow-up."""


class Conversations(Repository):
    """The `conversation_turns` table: a question (as the understanding layer's JSON) by
    the event id of the bot's answer to it."""

    tables = ("conversation_turns",)

    async def remember(self, answers: list[str], room_id: str, user_id: str, question: str,
                       at: float) -> None:
        """Keep `question`, asked by `user_id` in `room_id` at `at` (epoch seconds), under
        the event id of each of the bot's `answers`; older questions go."""
        await self.db.execute("DELETE FROM conversation_turns WHERE asked_at < ?",
                              (at - KEPT_SECONDS,))
        await self.db.executemany(
            "INSERT OR REPLACE INTO conversation_turns "
            "(answer_event_id, room_id, user_id, question, asked_at) VALUES (?, ?, ?, ?, ?)",
            [(answer, room_id, user_id, question, at) for answer in answers])
        await self._commit()

    async def answered_by(self, answer_event_id: str, room_id: str) -> str | None:
        """The question the bot's message `answer_event_id` in `room_id` answered, if known."""
        async with self.db.execute(
                "SELECT question FROM conversation_turns WHERE answer_event_id = ? "
                "AND room_id = ?", (answer_event_id, room_id)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def latest(self, room_id: str, user_id: str, since: float,
                     until: float) -> str | None:
        """The last question `user_id` asked in `room_id` from `since` to `until`, if any."""
        async with self.db.execute(
                "SELECT question FROM conversation_turns WHERE room_id = ? AND user_id = ? "
                "AND asked_at BETWEEN ? AND ? ORDER BY asked_at DESC LIMIT 1",
                (room_id, user_id, since, until)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def personal_data(self, user_id: str) -> dict[str, int]:
        found = await self._count(
            "SELECT COUNT(*) FROM conversation_turns WHERE user_id = ?", (user_id,))
        return {"conversation": found} if found else {}

    async def forget(self, user_id: str, pseudonym: str) -> None:
        await self.db.execute("DELETE FROM conversation_turns WHERE user_id = ?", (user_id,))
