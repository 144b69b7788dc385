"""matrix-nio's encryption store as the bot configures it: after a sync, it touches its
database only when the sync named an encrypted room it does not hold yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from nio.crypto import ENCRYPTION_ENABLED

from bot.transports.matrix.client import new_client

pytestmark = pytest.mark.skipif(not ENCRYPTION_ENABLED, reason="matrix-nio without e2e")


def statements(store: object) -> list[str]:
    """The list each SQL statement the store runs from now on is appended to."""
    seen: list[str] = []
    store.database.connection().set_trace_callback(seen.append)  # type: ignore[attr-defined]
    return seen


async def test_the_store_writes_only_the_encrypted_rooms_it_does_not_hold(
        tmp_path: Path) -> None:
    client = new_client("http://127.0.0.1:9", "@bot:localhost", tmp_path / "crypto")
    client.restore_login("@bot:localhost", "DEVICE", "token")  # opens the store
    try:
        store = client.store
        seen = statements(store)
        store.save_encrypted_rooms(set())  # after each sync that named no encrypted room
        assert seen == []
        store.save_encrypted_rooms({"!a:localhost"})
        assert any("INSERT" in statement for statement in seen)
        seen.clear()
        store.save_encrypted_rooms({"!a:localhost"})  # a full-state sync names it again
        assert seen == []
        store.delete_encrypted_room("!a:localhost")  # the bot left it
        store.save_encrypted_rooms({"!a:localhost", "!b:localhost"})  # and came back
    finally:
        await client.close()
    reopened = new_client("http://127.0.0.1:9", "@bot:localhost", tmp_path / "crypto")
    reopened.restore_login("@bot:localhost", "DEVICE", "token")
    try:
        assert reopened.encrypted_rooms == {"!a:localhost", "!b:localhost"}
        seen = statements(reopened.store)
        reopened.store.save_encrypted_rooms({"!b:localhost"})  # known from the file
        assert seen == []
    finally:
        await reopened.close()
