"""Login, sessions and what the bot sends besides text, against a real Synapse."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
import yaml

from bot.cli.run import matrix_bot
from bot.commands.messages import Outgoing
from bot.storage import Storage
from bot.transports.matrix.power import CREATOR_LEVEL
from bot.wording.replies import Attachment, Doc
from tests.support.synapse import Human, Synapse, bot_config, bot_in_room, running_bot, unique

pytestmark = pytest.mark.synapse


def _with_password(config_folder: Path, password: str) -> None:
    (config_folder / "secrets.yaml").write_text(yaml.safe_dump({"matrix_password": password}))


async def test_password_login_once_then_the_session_is_restored(
    synapse: Synapse, tmp_path: Path
) -> None:
    name = unique("bot")
    account = synapse.register(name, password="bot-password")
    config = bot_config(synapse, tmp_path, account)
    _with_password(tmp_path, "bot-password")
    devices = []
    for _ in range(2):
        async with running_bot(config) as bot:
            assert bot.client is not None and bot.client.user_id == account.user_id
            devices.append(bot.client.device_id)
    assert devices[0] != account.device_id  # a login of its own, not the registration's
    assert devices[1] == devices[0]  # the restart reused the session: no new device
    storage = await Storage.open(config.storage.database)
    try:
        assert await storage.state.get_state("matrix.device_id") == devices[0]
    finally:
        await storage.close()


async def test_unknown_token_without_password_says_what_to_do(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account)
    (tmp_path / "secrets.yaml").write_text(yaml.safe_dump({"matrix_token": "not-a-token"}))
    bot = await matrix_bot(config)
    assert await bot.run() == 2
    assert "M_UNKNOWN_TOKEN" in caplog.text and "BLUEHATS_MATRIX_TOKEN" in caplog.text


async def test_attachment_is_uploaded_and_sent_as_a_file(
    synapse: Synapse, tmp_path: Path
) -> None:
    calendar = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    async with bot_in_room(synapse, tmp_path) as scene:
        bot, alice, room = scene.bot, scene.human, scene.room
        reply = Doc().text("Le programme en calendrier").reply(
            Attachment("bluehats.ics", "text/calendar", calendar))
        await bot.deliver([Outgoing(reply, to_room=room)])
        sent = await alice.wait_for(lambda m: m.msgtype == "m.file")
        assert sent.body == "bluehats.ics"
        assert sent.content["info"] == {"mimetype": "text/calendar", "size": len(calendar)}
        downloaded = await alice.client.download(sent.content["url"])
        assert downloaded.body == calendar
        assert alice.count(lambda m: m.body == "Le programme en calendrier") == 1


async def test_undecryptable_message_is_logged_and_the_sender_told_once(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "bot.transports.matrix.sync")
    garbage = {"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgAEpAB", "device_id": "X",
               "sender_key": "c2VuZGVy", "session_id": "c2Vzc2lvbg"}
    async with bot_in_room(synapse, tmp_path) as scene:
        alice, room = scene.human, scene.room
        for _ in range(2):
            answer = await alice.client.room_send(room, "m.room.encrypted", garbage)
            assert answer.event_id
        told = await alice.wait_for(scene.from_bot)
        await alice.settle()
    assert "déchiffrer" in told.body
    assert alice.count(scene.from_bot) == 1
    assert caplog.text.count("cannot decrypt") == 2


async def test_expired_account_says_how_to_renew(
    synapse_factory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server: Synapse = synapse_factory(account_validity={"enabled": True, "period": "30d"})
    account = server.register(unique("bot"))
    server.expire(account.user_id)
    bot = await matrix_bot(bot_config(server, tmp_path, account))
    assert await bot.run() == 2
    assert "ORG_MATRIX_EXPIRED_ACCOUNT" in caplog.text and "renew" in caplog.text


async def test_power_levels_and_unreadable_rooms_without_encryption(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
    async with Human.connect(synapse, "alice", encrypted=True, store=tmp_path / "a") as alice:
        async with running_bot(config) as bot:
            room = await alice.create_room(invite=[account.user_id], encrypted=True)
            await alice.wait_joined(room, account.user_id)
            # Synapse 1.163 creates version 12 rooms: the creator outranks every level
            level = bot.app.power_level
            fetched: list[str] = []
            fetch = bot.client.room_get_state

            async def counted(room_id: str) -> object:
                fetched.append(room_id)
                return await fetch(room_id)

            bot.client.room_get_state = counted
            assert await level(room, alice.user_id) == CREATOR_LEVEL
            assert await level(room, account.user_id) == 0
            assert await level("!unknown:localhost", alice.user_id) is None
            assert await bot.app.is_organiser(alice.user_id) is False  # no organisers room
            # The levels are kept, and follow the room's m.room.power_levels events.
            state = await alice.client.room_get_state_event(room, "m.room.power_levels")
            content = {**state.content, "users": {**state.content.get("users", {}),
                                                  account.user_id: 50}}
            await alice.client.room_put_state(room, "m.room.power_levels", content)
            deadline = asyncio.get_running_loop().time() + 15
            while await level(room, account.user_id) != 50:
                assert asyncio.get_running_loop().time() < deadline, "levels not refreshed"
                await asyncio.sleep(0.1)
            assert fetched.count(room) == 1  # once; then the sync keeps them up to date
        plain = config.model_copy(update={"matrix": config.matrix.model_copy(
            update={"encryption": False})})
        caplog.set_level(logging.WARNING, "bot.transports.matrix.sync")
        async with running_bot(plain):
            pass
    assert "cannot read the encrypted room(s)" in caplog.text


async def test_background_service_sends_through_the_bot(synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
    async with Human.connect(synapse, "alice") as alice:
        room = await alice.create_room(invite=[account.user_id])
        started = []

        async def reminder(app, transport) -> None:
            started.append(app)
            await alice.wait_joined(room, account.user_id)
            await transport.deliver([Outgoing(Doc().text("Rappel : pause à 16 h").reply(),
                                              to_room=room)])

        async with running_bot(config, services=(reminder,)) as bot:
            sent = await alice.wait_for(lambda m: m.sender == account.user_id)
            assert started == [bot.app]
        assert sent.body == "Rappel\u00a0: pause à 16 h" and sent.room == room
        assert sent.replies_to is None
