"""The bot when things go wrong: homeserver outage, rate limits, encryption, SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from pathlib import Path

import pytest

from tests.support.synapse import (
    BotProcess,
    Human,
    Synapse,
    bot_config,
    bot_in_room,
    unique,
    write_config,
)

pytestmark = pytest.mark.synapse


@pytest.mark.parametrize("down", ["stop", "kill"])
async def test_homeserver_restart_under_a_running_bot(
        synapse_factory, tmp_path: Path, down: str) -> None:
    server: Synapse = synapse_factory()
    async with bot_in_room(server, tmp_path, pace_seconds=0.3) as scene:
        alice, room = scene.human, scene.room
        before = await alice.send(room, "!avant")
        await alice.wait_for(lambda m: m.replies_to == before)
        # Answers still being sent (paced) when the server goes down.
        burst = [await alice.send(room, f"!pendant{n}") for n in range(4)]
        getattr(server, down)()  # SIGTERM, or SIGKILL: a crash
        await asyncio.sleep(3)  # the bot's sync and sends fail meanwhile
        server.start()
        after = await alice.send(room, "!apres")
        for command in [*burst, after]:
            await alice.wait_for(lambda m, c=command: m.replies_to == c, timeout=60)
        await alice.settle(2)
        assert alice.count(scene.from_bot) == 6  # each command answered once


async def test_every_reply_arrives_once_under_tight_rate_limits(
    synapse_factory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "bot.transports.matrix.sending")
    server: Synapse = synapse_factory(tight=True)
    async with bot_in_room(server, tmp_path, max_tries=20) as scene:
        alice, room = scene.human, scene.room
        server.exempt_from_ratelimit(alice.user_id)
        commands = [await alice.send(room, f"!vite{n}") for n in range(20)]
        for event_id in commands:
            await alice.wait_for(lambda m, e=event_id: m.replies_to == e, timeout=60)
        await alice.settle()
        assert [alice.count(lambda m, e=e: m.replies_to == e) for e in commands] == [1] * 20
        # and in order: one queue per room
        replies = [m.replies_to for m in alice.messages if scene.from_bot(m)]
        assert replies == commands
    # the limit was really hit, and handled by waiting, not by losing replies
    assert any("rate-limited" in record.getMessage() for record in caplog.records)


async def test_encrypted_room_command_and_answer(synapse: Synapse, tmp_path: Path) -> None:
    async with bot_in_room(synapse, tmp_path, encrypted=True) as scene:
        alice, room = scene.human, scene.room
        command = await alice.send(room, "!secret")
        reply = await alice.wait_for(lambda m: m.replies_to == command, timeout=30)
        assert reply.encrypted
        assert "!secret" in reply.body
        assert reply.msgtype == "m.notice"
    assert (tmp_path / "bot" / "crypto").is_dir()  # the crypto store next to the database


async def test_sigterm_finishes_and_restart_keeps_the_device(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
    config_path = write_config(config, tmp_path / "config.yaml")
    async with Human.connect(synapse, "alice") as alice:
        for run in range(2):
            bot = BotProcess(config_path, tmp_path / "bot.log")
            bot.start()
            try:
                if run == 0:
                    room = await alice.create_room(invite=[account.user_id])
                    await alice.wait_joined(room, account.user_id, timeout=30)
                command = await alice.send(room, f"!tour{run}")
                await alice.wait_for(lambda m, c=command: m.replies_to == c, timeout=30)
            finally:
                assert bot.stop(signal.SIGTERM) == 0, bot.log()
        log = bot.log()
        assert log.count("stopped") == 2
        assert log.count(f"restored the session of {account.user_id} "
                         f"(device {account.device_id})") == 2
        assert "command room=" in log
