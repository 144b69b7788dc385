"""The privacy sweep of `!oublier-moi`: every repository asked to forget a person, in one
transaction."""

from __future__ import annotations

from bot.proposals.repositories.calls import Calls
from bot.proposals.repositories.drafts import Drafts
from bot.proposals.repositories.proposals import Proposals
from bot.proposals.repositories.reviews import Reviews
from bot.publishing.repository import ProgrammeVersions
from bot.reminders.repository import Reminders
from bot.sources.repository import ProgrammeSources
from bot.storage import Storage
from bot.storage.repository import Repository


def every_repository(storage: Storage) -> tuple[Repository, ...]:
    """Every repository of the bot, in dependency order (a table may reference those listed
    before), the order `!oublier-moi` lists them in."""
    return (storage.repository(Proposals), storage.repository(Drafts),
            storage.repository(Reminders), storage.repository(Reviews), storage.state,
            storage.journal, storage.conversations, storage.repository(Calls),
            storage.repository(ProgrammeSources), storage.repository(ProgrammeVersions))


class Privacy:
    """What the bot keeps about a person, and forgetting it all at once."""

    def __init__(self, storage: Storage) -> None:
        self.db = storage.db
        self.repositories = every_repository(storage)

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
