"""The bot killed (SIGKILL) in the middle of a burst of commands, of a proposal dialogue,
and with reminders about to fall due, then started again: every command answered once, no
proposal lost, each reminder sent once."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from bot.settings.clock import PARIS
from bot.settings.config import CallConfig, ProposalsConfig
from tests.support.synapse import (
    Account,
    BotProcess,
    Human,
    Synapse,
    bot_config,
    unique,
    write_config,
)

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


async def test_reminders_pending_at_a_kill_are_sent_once_after_the_restart(
        synapse: Synapse, tmp_path: Path) -> None:
    # A session on a whole minute at least 75 s away: its 1-minute reminders fall due
    # 15-75 s from now, which leaves time to set up, kill the bot before they are due and
    # start it again after (within the 5-minute grace).
    now = datetime.now(PARIS)
    start = (now + timedelta(seconds=135)).replace(second=0, microsecond=0)
    due = start - timedelta(minutes=1)
    programme = tmp_path / "today.yaml"
    programme.write_text(yaml.safe_dump({
        "event": {"id": "kill-test", "title": "Essai", "start": start.date().isoformat()},
        "sessions": [{"day": start.date().isoformat(), "start": start.strftime("%H:%M"),
                      "title": "Atelier Grist", "speakers": ["V. Viers"], "room": "Turing"}],
    }, allow_unicode=True))
    async with Human.connect(synapse, "alice", encrypted=True, store=tmp_path / "alice") as alice:
        account = synapse.register(unique("bot"))
        room = await alice.create_room(invite=[account.user_id])
        base = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
        config = base.model_validate({
            **base.model_dump(mode="json"),
            "programme": {"paths": [str(programme)], "watch": False},
            "reminders": {"rooms": [{"room": room, "lead_minutes": [1]}], "digest_time": None,
                          "personal_lead_minutes": 1},
        })
        bot = BotProcess(write_config(config, tmp_path / "config.yaml"), tmp_path / "bot.log")
        bot.start()
        try:
            await alice.wait_joined(room, account.user_id, timeout=30)
            asked = await alice.send(room, "!rappel Atelier Grist")
            await alice.wait_for(lambda m: m.sender == account.user_id and "noté" in m.body,
                                 timeout=30)
            assert alice.count(lambda m: m.replies_to == asked) == 0  # answered in private
            await alice.wait_until(lambda: (account.user_id, asked, "📬") in alice.reactions)
            assert time.time() < due.timestamp() - 2, "set-up too slow: the reminder was due"
            assert bot.stop(signal.SIGKILL) == -signal.SIGKILL
            await asyncio.sleep(due.timestamp() - time.time() + 2)  # due while it is down
            bot.start()

            def room_notice(m) -> bool:
                return m.room == room and m.sender == account.user_id and "Atelier" in m.body

            def personal(m) -> bool:
                return m.room != room and m.body.startswith("Rappel\u00a0: ")

            await alice.wait_for(room_notice, timeout=60)
            await alice.wait_for(personal, timeout=60)
            await alice.settle(3)
            counts = (alice.count(room_notice), alice.count(personal))
        finally:
            bot.stop()
    assert counts == (1, 1), bot.log()
