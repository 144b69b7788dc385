"""The test harness itself: a real Synapse, registration, two humans talking, a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.synapse import Human, Synapse

pytestmark = pytest.mark.synapse


async def test_two_humans_talk_and_survive_a_restart(
    synapse_factory, tmp_path: Path
) -> None:
    server: Synapse = synapse_factory()
    async with Human.connect(server, "alice") as alice, Human.connect(server, "bob") as bob:
        room = await alice.create_room(invite=[bob.user_id])
        await alice.wait_joined(room, bob.user_id)
        first = await alice.send(room, "bonjour")
        seen = await bob.wait_for(lambda m: m.event_id == first)
        assert (seen.sender, seen.body, seen.room) == (alice.user_id, "bonjour", room)

        server.restart()
        second = await bob.send(room, "toujours là", reply_to=first)
        seen = await alice.wait_for(lambda m: m.event_id == second, timeout=30)
        assert seen.replies_to == first


async def test_encrypted_room_is_readable_by_both(synapse: Synapse, tmp_path: Path) -> None:
    async with (
        Human.connect(synapse, "alice", encrypted=True, store=tmp_path / "a") as alice,
        Human.connect(synapse, "bob", encrypted=True, store=tmp_path / "b") as bob,
    ):
        room = await alice.create_room(invite=[bob.user_id], encrypted=True)
        await alice.wait_joined(room, bob.user_id)
        sent = await alice.send(room, "secret")
        seen = await bob.wait_for(lambda m: m.event_id == sent)
        assert seen.encrypted and seen.body == "secret"
