"""Key-value state: the sync token, the login, and what the Matrix transport remembers
about rooms and people. The keys naming a person are built here, so that the privacy
sweep finds every one of them."""

from __future__ import annotations

from bot.storage.repository import Repository


def direct_chat_key(user_id: str) -> str:
    """The key of the direct chat room opened with `user_id`."""
    return f"matrix.dm.{user_id}"


def told_undecryptable_key(user_id: str) -> str:
    """The key recording that `user_id` was told their message could not be decrypted."""
    return f"matrix.told_undecryptable.{user_id}"


def reminders_feed_key(user_id: str) -> str:
    """The key of the secret token of `user_id`'s calendar feed of their reminders."""
    return f"calendar.reminders.{user_id}"


PERSON_KEYS = (direct_chat_key, told_undecryptable_key, reminders_feed_key)
"""Every key format that names a person: a new one goes here, or it escapes the sweep."""


class SyncState(Repository):
    """The `state` table: one value per key."""

    tables = ("state",)

    async def get_state(self, key: str) -> str | None:
        async with self.db.execute("SELECT value FROM state WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def set_state(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        await self._commit()

    async def states_with_prefix(self, prefix: str) -> dict[str, str]:
        """Every state entry whose key starts with `prefix`, by key."""
        async with self.db.execute(
            "SELECT key, value FROM state WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        ) as cursor:
            return {row[0]: row[1] async for row in cursor}

    async def key_with_value(self, prefix: str, value: str) -> str | None:
        """The key starting with `prefix` whose value is `value`, if there is one."""
        async with self.db.execute(
            "SELECT key FROM state WHERE substr(key, 1, ?) = ? AND value = ?",
            (len(prefix), prefix, value),
        ) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def personal_data(self, user_id: str) -> dict[str, int]:
        keys = _person_keys(user_id)
        return {"state": await self._count(
            f"SELECT count(*) FROM state WHERE key IN ({_marks(keys)})", keys)}

    async def forget(self, user_id: str, pseudonym: str) -> None:
        keys = _person_keys(user_id)
        await self.db.execute(f"DELETE FROM state WHERE key IN ({_marks(keys)})", keys)


def _person_keys(user_id: str) -> tuple[str, ...]:
    return tuple(key(user_id) for key in PERSON_KEYS)


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" * len(values))
