"""Exactly once, in order, and said plainly, against a real Synapse: a restart with
pending commands, reactions in an encrypted room, flood control, a declined invitation."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from nio import RoomGetEventResponse

from bot.commands.messages import Outgoing
from bot.programme.model import Event, Programme, Session
from bot.settings.clock import PARIS
from bot.settings.config import LimitsConfig
from bot.storage import Storage
from bot.transports.matrix.journal import encode_answer
from bot.wording.replies import say
from tests.support.synapse import Human, Synapse, bot_config, bot_in_room, running_bot, unique

pytestmark = pytest.mark.synapse


async def test_a_restart_with_pending_commands_answers_each_once_in_order(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
    async with Human.connect(synapse, "alice") as alice:
        async with running_bot(config):
            room = await alice.create_room(invite=[account.user_id])
            await alice.wait_joined(room, account.user_id)
            before = await alice.send(room, "!aide")
            await alice.wait_for(lambda m: m.replies_to == before)
        # The bot took « !salles » in, decided its answer and was killed before sending it...
        pending = await alice.send(room, "!salles")
        event = await alice.client.room_get_event(room, pending)
        assert isinstance(event, RoomGetEventResponse), event
        storage = await Storage.open(config.storage.database)
        await storage.journal.decide(pending, room, json.dumps(event.event.source),
                                     encode_answer([Outgoing(say("Salles décidées"))]))
        await storage.close()
        # ... and more came while it was down.
        missed = [await alice.send(room, text) for text in ("!prochains", "!maintenant")]
        caplog.clear()
        async with running_bot(config):
            for event_id in [pending, *missed]:
                await alice.wait_for(lambda m, e=event_id: m.replies_to == e, timeout=30)
            await alice.settle(2)
    answered = [m.replies_to for m in alice.messages if m.sender == account.user_id]
    assert answered == [before, pending, *missed]  # each once, in the order they came
    assert ["Salles décidées" in m.body for m in alice.messages if m.replies_to == pending] == [
        True]  # the answer it had decided, not one decided again
    restarted = [r.getMessage() for r in caplog.records if "claimed before a restart" in
                 r.getMessage()]
    assert len(restarted) == 1 and pending in restarted[0], restarted
    nio_info = [r for r in caplog.records if r.name.startswith("nio") and r.levelno >= logging.INFO
                and "handling event of type" in r.getMessage()]
    assert nio_info == []  # matrix-nio's chatter stays at DEBUG


async def test_reactions_are_encrypted_in_an_encrypted_room(
    synapse: Synapse, tmp_path: Path
) -> None:
    async with bot_in_room(synapse, tmp_path, encrypted=True) as scene:
        app, alice, bot = scene.bot.app, scene.human, scene.account.user_id
        tomorrow = datetime.now(PARIS).replace(microsecond=0) + timedelta(days=1)
        talk = Session("live01", "live", tomorrow.date(), tomorrow.time(), None,
                       "Grist demain", room="Turing")
        app.update_programme(files=Programme((Event("live", "Journée test", tomorrow.date(),
                                                    tomorrow.date(), sessions=(talk,)),)))
        asked = await alice.send(scene.room, "!rappel live01")  # answered in a direct chat
        await alice.wait_until(lambda: (bot, asked, "📬") in alice.reactions, timeout=30)
        await alice.wait_for(lambda m: m.sender == bot and "C'est noté" in m.body, timeout=30)
        url = (f"{synapse.base_url}/_matrix/client/v3/rooms/{quote(scene.room)}/messages"
               "?dir=b&limit=50")
        request = urllib.request.Request(
            url, headers={"Authorization": f"Bearer {alice.account.token}"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            events = json.loads(answer.read())["chunk"]
        from_bot = [e for e in events if e["sender"] == bot and "state_key" not in e]
        assert [e["type"] for e in from_bot] == ["m.room.encrypted"]  # no clear m.reaction
        assert from_bot[0]["content"]["m.relates_to"]["event_id"] == asked


async def test_flooded_commands_are_logged_as_dropped(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    account = synapse.register(unique("bot"))
    base = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                      encryption=False)
    config = base.model_copy(update={"limits": LimitsConfig(flood_control=True,
                                                            user_commands=2)})
    async with running_bot(config), Human.connect(synapse, "alice") as alice:
        room = await alice.create_room(invite=[account.user_id])
        await alice.wait_joined(room, account.user_id)
        sent = [await alice.send(room, "!aide") for _ in range(5)]
        await alice.wait_for(lambda m: m.sender == account.user_id, count=3)
        await alice.settle()
    assert alice.count(lambda m: m.sender == account.user_id) == 3  # 2 answers, 1 notice
    lines = [r.getMessage() for r in caplog.records]
    assert sum("dropped by flood control" in line for line in lines) == 3
    outcomes = [line for line in lines if line.startswith("command room=")]
    assert sum(" intent=help outcome=answered " in line for line in outcomes) == 2, outcomes
    assert sum(" intent=help outcome=dropped " in line for line in outcomes) == 3, outcomes
    assert sum(line.endswith(" sent=0") for line in outcomes) == 2, outcomes  # no notice
    assert len(outcomes) == len(sent)


async def test_a_declined_invitation_says_why(synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    async with Human.connect(synapse, "alice") as alice, \
            Human.connect(synapse, "mallory") as mallory:
        config = bot_config(synapse, tmp_path, account, allowed_inviters=[alice.user_id])
        async with running_bot(config):
            refused = await mallory.create_room(invite=[account.user_id])
            deadline = time.monotonic() + 15
            while True:  # as the server has it: invited, then declined
                state = await mallory.client.room_get_state_event(refused, "m.room.member",
                                                                  account.user_id)
                if state.content.get("membership") != "invite":
                    break
                assert time.monotonic() < deadline, "the invitation is still pending"
                await asyncio.sleep(0.1)
        assert state.content["membership"] == "leave"
        assert state.content["reason"].startswith("Invitation refusée\u00a0: je ne rejoins que")
