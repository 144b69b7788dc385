"""The bot killed (SIGKILL) in the middle of a burst of commands and of a proposal
dialogue, then started again: every command answered once, no proposal lost."""

from __future__ import annotations

import signal
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import PARIS
from bot.config import CallConfig, ProposalsConfig
from tests.synapse import Account, BotProcess, Human, Synapse, bot_config, unique, write_config

pytestmark = pytest.mark.synapse

BURST = ["!programme", "!prochains", "!qui grist", "!aide", "!maintenant", "!salles"] * 4


def _start(synapse: Synapse, folder: Path, **config: object) -> tuple[Account, BotProcess]:
    account = synapse.register(unique("bot"))
    base = bot_config(synapse, folder, account, allowed_servers=["localhost"],
                      encryption=False, pace_seconds=0.3)
    bot = BotProcess(write_config(base.model_copy(update=config), folder / "config.yaml"),
                     folder / "bot.log")
    bot.start()
    return account, bot


async def test_a_burst_killed_midway_is_answered_once_each(
        synapse: Synapse, tmp_path: Path) -> None:
    account, bot = _start(synapse, tmp_path)
    try:
        async with Human.connect(synapse, "alice") as alice:
            room = await alice.create_room(invite=[account.user_id])
            await alice.wait_joined(room, account.user_id, timeout=30)
            commands = [await alice.send(room, text) for text in BURST]

            def answered() -> int:
                return sum(1 for c in commands if alice.count(lambda m, c=c: m.replies_to == c))

            await alice.wait_until(lambda: answered() >= 3, timeout=30)
            assert bot.stop(signal.SIGKILL) == -signal.SIGKILL
            before_restart = answered()
            bot.start()
            await alice.wait_until(lambda: answered() == len(commands), timeout=90)
            await alice.settle(3)  # time for any duplicate to show up
            counts = [alice.count(lambda m, c=c: m.replies_to == c) for c in commands]
    finally:
        bot.stop()
    assert before_restart < len(commands), "the kill came after the burst: nothing tested"
    assert counts == [1] * len(commands), bot.log()
    assert "claimed before a restart" in bot.log()


async def test_a_proposal_dialogue_killed_twice_keeps_one_proposal(
        synapse: Synapse, tmp_path: Path) -> None:
    now = datetime.now(PARIS).replace(tzinfo=None)
    call = CallConfig(event="2026-journees-bluehats", opens=now - timedelta(days=1),
                      closes=now + timedelta(days=30))
    account, bot = _start(synapse, tmp_path, proposals=ProposalsConfig(calls=[call]))
    try:
        async with Human.connect(synapse, "alice", displayname="Alice Martin") as alice:
            room = await alice.create_room(invite=[account.user_id], is_direct=True)
            await alice.wait_joined(room, account.user_id, timeout=30)

            async def ask(text: str) -> str:
                sent = await alice.send(room, text)
                return (await alice.wait_for(lambda m: m.replies_to == sent, timeout=60)).body

            assert "titre" in await ask("!proposer")
            await ask("Grist dans l'administration")
            assert bot.stop(signal.SIGKILL) == -signal.SIGKILL  # between two steps
            bot.start()
            await ask("2")
            await ask("Comment nous utilisons Grist.")
            assert "Alice Martin (DINUM)" in await ask("moi (DINUM)")
            confirm = await alice.send(room, "oui")
            bot.stop(signal.SIGKILL)  # wherever it is in answering the confirmation
            bot.start()
            reply = await alice.wait_for(lambda m: m.replies_to == confirm, timeout=60)
            await alice.settle(3)
            replies = alice.count(lambda m: m.replies_to == confirm)
    finally:
        bot.stop()
    assert "#1" in reply.body and replies == 1, bot.log()
    with sqlite3.connect(tmp_path / "bot.db") as db:
        titles = [row[0] for row in db.execute("SELECT title FROM proposals")]
    assert titles == ["Grist dans l'administration"]
