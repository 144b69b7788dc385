"""Organisers' reviews of proposals: scores (1-5, one per reviewer) and comments."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from bot.proposals.repositories.proposals import OWN, Proposals
from bot.storage.repository import Repository


class Reviews(Repository):
    """The `proposal_scores` and `proposal_comments` tables; each change is also written
    in the proposal's history."""

    tables = ("proposal_scores", "proposal_comments")

    def __init__(self, db: aiosqlite.Connection) -> None:
        super().__init__(db)
        self.proposals = Proposals(db)

    async def set_score(self, number: int, reviewer: str, score: int, at: datetime) -> None:
        """Record `reviewer`'s score (1-5), replacing theirs if they had scored already."""
        await self.db.execute(
            "INSERT INTO proposal_scores (proposal_id, reviewer, score, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (proposal_id, reviewer) DO UPDATE SET score = excluded.score, "
            "at = excluded.at",
            (number, reviewer, score, at.isoformat()),
        )
        await self.proposals.record(number, reviewer, "scored", str(score), at)
        await self._commit()

    async def scores(self, numbers: list[int] | None = None) -> dict[int, dict[str, int]]:
        """The scores of these proposals (default: all), by proposal and reviewer."""
        found: dict[int, dict[str, int]] = {}
        where = "1" if numbers is None else \
            f"proposal_id IN ({', '.join('?' * len(numbers))})"
        async with self.db.execute(
            f"SELECT proposal_id, reviewer, score FROM proposal_scores WHERE {where}",
            tuple(numbers or ()),
        ) as cursor:
            async for row in cursor:
                found.setdefault(row[0], {})[row[1]] = row[2]
        return found

    async def add_comment(self, number: int, author: str, text: str, at: datetime) -> None:
        await self.db.execute(
            "INSERT INTO proposal_comments (proposal_id, author, at, text) VALUES (?, ?, ?, ?)",
            (number, author, at.isoformat(), text),
        )
        await self.proposals.record(number, author, "commented", "", at)
        await self._commit()

    async def comments(self, number: int) -> list[tuple[str, datetime, str]]:
        """(author, when, text) of each comment on a proposal, oldest first."""
        async with self.db.execute(
            "SELECT author, at, text FROM proposal_comments WHERE proposal_id = ? ORDER BY id",
            (number,),
        ) as cursor:
            return [(row[0], datetime.fromisoformat(row[1]), row[2]) async for row in cursor]

    async def personal_data(self, user_id: str) -> dict[str, int]:
        """Scores and comments they gave on other people's proposals (theirs go with them)."""
        return {"reviews": await self._count(
            f"SELECT (SELECT count(*) FROM proposal_scores WHERE reviewer = ? "
            f"AND proposal_id NOT IN ({OWN})) + (SELECT count(*) FROM proposal_comments "
            f"WHERE author = ? AND proposal_id NOT IN ({OWN}))", (user_id,) * 4)}

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Reviews of their own proposals go (before the proposals); the ones they gave
        stay, signed `pseudonym`."""
        for table, column in (("proposal_scores", "reviewer"), ("proposal_comments", "author")):
            await self.db.execute(f"DELETE FROM {table} WHERE proposal_id IN ({OWN})",
                                  (user_id,))
            await self.db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?",
                                  (pseudonym, user_id))
