"""The privacy sweep of `!oublier-moi`: every repository asked to forget a person, in one
transaction."""

from __future__ import annotations

import aiosqlite

from bot.storage.repository import Repository


class Privacy:
    """What the bot keeps about a person, and forgetting it all at once."""

    def __init__(self, db: aiosqlite.Connection, repositories: tuple[Repository, ...]) -> None:
        """`repositories` in dependency order: a table may reference those listed before."""
        self.db = db
        self.repositories = repositories

    async def personal_data(self, user_id: str) -> dict[str, int]:
        """How many records of each kind hold `user_id` (what `forget_person` removes)."""
        counts: dict[str, int] = {}
        for repository in self.repositories:
            counts.update(await repository.personal_data(user_id))
        return counts

    async def forget_person(self, user_id: str, pseudonym: str) -> dict[str, int]:
        """Delete everything `user_id` gave the bot, in one transaction: their proposals
        (with their history, scores, comments, schedule), draft, reminder requests and
        reminders sent, and the state keyed by their id. What they wrote as an organiser
        on other people's proposals (scores, comments, decisions) stays, signed
        `pseudonym` instead of their id. Returns the records touched per kind."""
        counts = await self.personal_data(user_id)
        try:
            for repository in reversed(self.repositories):  # what references others first
                await repository.forget(user_id, pseudonym)
            await self.db.commit()
        except BaseException:
            await self.db.rollback()
            raise
        return counts
