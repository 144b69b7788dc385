"""Room upgrades on a real Synapse (its room upgrade API, as Element's /upgrade): the bot
follows the replacement room, its configuration and what it keeps by room follow, and the
log names the configured ids that died."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.reminders.repository import Reminders
from bot.settings.config import ProposalsConfig, RemindersConfig, RoomRemindersConfig
from tests.support.synapse import Human, Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse


async def test_the_bot_follows_an_upgraded_room_and_its_configuration_follows(
        synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    account = synapse.register(unique("bot"))
    async with Human.connect(synapse, "alice") as alice:
        old = await alice.create_room(invite=[account.user_id], public=True)
        base = bot_config(synapse, tmp_path, account, allowed_rooms=[old], encryption=False)
        config = base.model_copy(update={
            "reminders": RemindersConfig(rooms=[RoomRemindersConfig(room=old)]),
            "proposals": ProposalsConfig(organisers_room=old)})
        async with running_bot(config) as bot:
            await alice.wait_joined(old, account.user_id)
            storage = bot.app.storage
            await storage.repository(Reminders).mark_reminders(
                [f"digest|{old}|2026-12-09"], "sent", 0.0)
            new = await alice.upgrade(old)
            await alice.wait_joined(new, account.user_id)
            asked = await alice.send(new, "!aide")
            answer = await alice.wait_for(lambda m: m.replies_to == asked)
            assert answer.room == new and answer.sender == account.user_id
            assert bot.app.config.reminders.rooms[0].room == new
            assert bot.app.config.proposals.organisers_room == new
            assert new in bot.app.config.matrix.allowed_rooms
            log = await storage.repository(Reminders).reminder_log(0.0)
            assert log == {f"digest|{new}|2026-12-09": "sent"}  # not sent again to `new`
        dead = [r.getMessage() for r in caplog.records if "is dead" in r.getMessage()]
        assert dead == [f"configured room {old} is dead (upgraded; now {new}): "
                        "reminders.rooms[0].room, proposals.organisers_room, "
                        "matrix.allowed_rooms[0]; write the new id in the configuration file"]
        # After a restart, the file still names the old room: the configuration follows.
        async with running_bot(config) as bot:
            assert bot.app.config.reminders.rooms[0].room == new
            assert bot.app.config.proposals.organisers_room == new


async def test_an_invite_only_replacement_is_joined_on_invitation(
        synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A private room's replacement is invite only: the bot says it cannot join, then
    accepts the invitation to it, though `matrix.allowed_rooms` names the old room only."""
    caplog.set_level(logging.INFO)
    account = synapse.register(unique("bot"))
    async with Human.connect(synapse, "alice") as alice:
        old = await alice.create_room(invite=[account.user_id])
        config = bot_config(synapse, tmp_path, account, allowed_rooms=[old], encryption=False)
        async with running_bot(config):
            await alice.wait_joined(old, account.user_id)
            new = await alice.upgrade(old)
            await alice.wait_until(lambda: any(
                "cannot join" in r.getMessage() and new in r.getMessage()
                for r in caplog.records))
            await alice.invite(new, account.user_id)
            await alice.wait_joined(new, account.user_id)
            asked = await alice.send(new, "!aide")
            await alice.wait_for(lambda m: m.replies_to == asked)
