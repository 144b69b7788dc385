"""What people expect of a bot in a Matrix room, on a real Synapse: an edited command is
answered by editing the answer, a long answer shows the typing notice, a greeting when
invited, the display name and avatar from the configuration."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from nio import ProfileGetResponse

from bot.commands.declaration import Command
from bot.transports.matrix.profile import AVATAR
from bot.wording.replies import say
from tests.support.synapse import Human, Synapse, bot_config, bot_in_room, running_bot, unique

pytestmark = pytest.mark.synapse

# The smallest valid PNG: 1x1, one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd4"
    "0000000049454e44ae426082")


async def test_an_edited_command_gets_its_answer_edited(synapse: Synapse, tmp_path: Path) -> None:
    async with bot_in_room(synapse, tmp_path, encryption=False) as scene:
        alice, room = scene.human, scene.room
        asked = await alice.send(room, "!qui grist")
        answer = await alice.wait_for(lambda m: m.replies_to == asked)
        assert "Grist" in answer.body
        await alice.edit(room, asked, "!qui tchap")
        edit = await alice.wait_for(lambda m: scene.from_bot(m) and m.content.get(
            "m.relates_to", {}).get("rel_type") == "m.replace")
        assert edit.content["m.relates_to"]["event_id"] == answer.event_id
        new = edit.content["m.new_content"]
        assert "Tchap" in new["body"] and "Grist" not in new["body"]
        assert new["msgtype"] == "m.notice" and "m.relates_to" not in new
        assert edit.body.startswith("* ")
        await alice.settle()
        assert alice.count(scene.from_bot) == 2  # the answer and its edit, nothing else


async def test_an_edit_by_someone_else_is_ignored(synapse: Synapse, tmp_path: Path) -> None:
    """The homeserver lets anyone send an m.replace of any event: the bot checks the
    sender, as clients do."""
    async with bot_in_room(synapse, tmp_path, encryption=False) as scene, \
            Human.connect(synapse, "mallory") as mallory:
        alice, room = scene.human, scene.room
        await alice.invite(room, mallory.user_id)
        await alice.wait_joined(room, mallory.user_id)
        asked = await alice.send(room, "!qui grist")
        await alice.wait_for(lambda m: m.replies_to == asked)
        await mallory.edit(room, asked, "!qui tchap")
        later = await alice.send(room, "!aide")
        await alice.wait_for(lambda m: m.replies_to == later)
        await alice.settle()
        assert alice.count(scene.from_bot) == 2  # two answers, no edit


async def test_a_long_answer_shows_the_typing_notice(synapse: Synapse, tmp_path: Path) -> None:
    async with bot_in_room(synapse, tmp_path, encryption=False) as scene:
        alice, room, bot_id = scene.human, scene.room, scene.account.user_id

        async def slow(request: object) -> object:
            await asyncio.sleep(2)  # an answer that takes long to build
            return say("Enfin prêt.")

        scene.bot.app.commands.add(Command(
            "slow", {"fr": ("lent",), "en": ("slow",)}, {"fr": "lent", "en": "slow"}, slow))
        quick = await alice.send(room, "!aide")
        await alice.wait_for(lambda m: m.replies_to == quick)
        assert not any(bot_id in users for _, users in alice.typing)  # a quick one: none
        asked = await alice.send(room, "!lent")
        await alice.wait_until(lambda: any(room == at and bot_id in users
                                           for at, users in alice.typing))
        assert alice.count(lambda m: m.replies_to == asked) == 0  # typing before answering
        await alice.wait_for(lambda m: m.replies_to == asked)
        await alice.wait_until(lambda: alice.typing[-1] == (room, ()))  # and it stops


async def test_a_greeting_when_invited(synapse: Synapse, tmp_path: Path) -> None:
    async with bot_in_room(synapse, tmp_path, encryption=False, greeting=True) as scene:
        hello = await scene.human.wait_for(scene.from_bot)
        # French typography: a narrow no-break space before « ! », a no-break one before « : »
        assert hello.body.startswith("Bonjour\u202f! Je suis le bot des BlueHats")
        assert hello.body.endswith("Tout ce que je sais faire\xa0: !aide.")
        assert hello.msgtype == "m.notice"
        await scene.human.settle()
        assert scene.human.count(scene.from_bot) == 1


async def test_display_name_and_avatar_from_the_configuration(
        synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    account = synapse.register(unique("bot"))
    avatar = tmp_path / "bluehats.png"
    avatar.write_bytes(PNG)
    config = bot_config(synapse, tmp_path, account, encryption=False,
                        display_name="BlueHats [Bot]", avatar=str(avatar))
    async with Human.connect(synapse, "alice") as alice:
        async with running_bot(config) as bot:
            await alice.wait_until(lambda: any("avatar set" in r.getMessage()
                                               for r in caplog.records))
            profile = await alice.client.get_profile(account.user_id)
            assert isinstance(profile, ProfileGetResponse)
            assert profile.displayname == "BlueHats [Bot]"
            assert profile.avatar_url and profile.avatar_url.startswith("mxc://localhost/")
            saved = await bot.app.storage.state.get_state(AVATAR)
        caplog.clear()
        async with running_bot(config) as bot:  # same file: nothing uploaded again
            await asyncio.sleep(1)
            assert await bot.app.storage.state.get_state(AVATAR) == saved
        assert not any("avatar set" in r.getMessage() or "display name set" in r.getMessage()
                       for r in caplog.records)
