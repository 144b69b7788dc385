"""The bot against a real Synapse, a matrix-nio "human" on the other side."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from bot.commands.messages import Outgoing
from bot.transports.matrix.client import new_client
from bot.transports.matrix.sync import TIMELINE_LIMIT, named_filter
from bot.wording.replies import say
from tests.support.synapse import Human, Synapse, bot_config, bot_in_room, running_bot, unique

pytestmark = pytest.mark.synapse


async def test_invite_then_answer_exactly_once(synapse: Synapse, tmp_path: Path) -> None:
    async with bot_in_room(synapse, tmp_path) as scene:
        alice, room = scene.human, scene.room
        command = await alice.send(room, "!inconnue1")
        reply = await alice.wait_for(lambda m: m.replies_to == command)
        assert reply.sender == scene.account.user_id
        assert reply.msgtype == "m.notice"
        assert reply.content["format"] == "org.matrix.custom.html"
        assert "!inconnue1" in reply.body and "<code>!inconnue1</code>" in \
            reply.content["formatted_body"]
        assert "m.mentions" not in reply.content
        await alice.settle()
        assert alice.count(scene.from_bot) == 1


async def test_thread_edit_notice_and_chatter(synapse: Synapse, tmp_path: Path) -> None:
    async with bot_in_room(synapse, tmp_path) as scene:
        alice, room = scene.human, scene.room
        root = await alice.send(room, "Une question sur le programme")
        in_thread = await alice.send(room, "!inconnue2", thread_root=root)
        reply = await alice.wait_for(lambda m: m.replies_to == in_thread)
        assert reply.thread == root
        await alice.edit(room, in_thread, "!inconnue3")  # the answer is edited, in place
        edit = await alice.wait_for(lambda m: scene.from_bot(m) and "m.new_content" in m.content)
        assert edit.content["m.relates_to"] == {"rel_type": "m.replace",
                                                "event_id": reply.event_id}
        assert "inconnue3" in edit.content["m.new_content"]["body"]
        await alice.send(room, "!inconnue4", msgtype="m.notice")  # another bot's notice
        last = await alice.send(room, "!inconnue5")
        await alice.wait_for(lambda m: m.replies_to == last)
        await alice.settle()
        bodies = [m.body for m in alice.messages if scene.from_bot(m)]
        assert len(bodies) == 3, bodies  # two answers and an edit
        assert not any("inconnue4" in body for body in bodies)


async def test_restart_answers_missed_commands_once(synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
    async with Human.connect(synapse, "alice") as alice:
        async with running_bot(config):
            room = await alice.create_room(invite=[account.user_id])
            await alice.wait_joined(room, account.user_id)
            before = await alice.send(room, "!avant")
            await alice.wait_for(lambda m: m.replies_to == before)
        # 30 commands while the bot is down: more than one sync timeline holds.
        missed = [await alice.send(room, f"!pendant{n}") for n in range(60)]
        async with running_bot(config):
            for event_id in missed:
                await alice.wait_for(lambda m, e=event_id: m.replies_to == e, timeout=60)
            await alice.settle(2)
        for event_id in [before, *missed]:
            assert alice.count(lambda m, e=event_id: m.replies_to == e) == 1


async def test_first_start_answers_no_history(synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    async with Human.connect(synapse, "alice") as alice:
        room = await alice.create_room(invite=[account.user_id])
        old = await alice.send(room, "!ancienne")
        config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"])
        async with running_bot(config):
            await alice.wait_joined(room, account.user_id)
            new = await alice.send(room, "!nouvelle")
            await alice.wait_for(lambda m: m.replies_to == new)
            await alice.settle()
        assert alice.count(lambda m: m.replies_to == old) == 0


async def test_invites_from_others_are_declined(synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    async with Human.connect(synapse, "alice") as alice, \
            Human.connect(synapse, "mallory") as mallory:
        config = bot_config(synapse, tmp_path, account, allowed_inviters=[alice.user_id])
        async with running_bot(config):
            refused = await mallory.create_room(invite=[account.user_id])
            accepted = await alice.create_room(invite=[account.user_id])
            await alice.wait_joined(accepted, account.user_id)
            await mallory.wait_until(
                lambda: account.user_id not in mallory.client.rooms[refused].invited_users)
            assert account.user_id not in mallory.client.rooms[refused].users


async def test_direct_message_opened_for_a_personal_answer(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account)
    async with running_bot(config) as bot, \
            Human.connect(synapse, "alice", encrypted=True, store=tmp_path / "alice") as alice:
        await bot.deliver([Outgoing(say("Rappel : atelier à 14 h"), to_user=alice.user_id)])
        first = await alice.wait_for(lambda m: m.sender == account.user_id)
        await bot.deliver([Outgoing(say("Deuxième rappel"), to_user=alice.user_id)])
        second = await alice.wait_for(lambda m: m.body == "Deuxième rappel")
        assert first.body == "Rappel\u00a0: atelier à 14 h"  # as Tchap shows it
        assert second.room == first.room  # the direct chat is remembered, not reopened
        assert first.encrypted  # direct chats are encrypted, as on Tchap


async def test_commands_older_than_the_limit_are_not_answered_after_a_restart(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                        missed_commands_max_age_minutes=0)
    async with Human.connect(synapse, "alice") as alice:
        async with running_bot(config):
            room = await alice.create_room(invite=[account.user_id])
            await alice.wait_joined(room, account.user_id)
        stale = await alice.send(room, "!perimee")
        async with running_bot(config):
            fresh = await alice.send(room, "!fraiche")
            await alice.wait_for(lambda m: m.replies_to == fresh)
            await alice.settle()
        assert alice.count(lambda m: m.replies_to == stale) == 0


async def test_a_room_flagged_direct_with_a_third_member_is_public(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                        encryption=False)
    async with running_bot(config), Human.connect(synapse, "alice") as alice, \
            Human.connect(synapse, "bob") as bob:
        room = await alice.create_room(invite=[account.user_id, bob.user_id], is_direct=True)
        await alice.wait_joined(room, account.user_id)
        await alice.wait_joined(room, bob.user_id)
        asked = await alice.send(room, "!oublier-moi")
        answer = await alice.wait_for(lambda m: m.replies_to == asked)
        assert "message direct" in answer.body  # refused: only in a real direct chat


async def test_one_commit_before_the_answer_is_sent(synapse: Synapse, tmp_path: Path) -> None:
    """The command and its decided answer go into the journal in one commit, the only one
    an answer waits for (a commit is most of the bot's own time on the answer's path)."""
    async with bot_in_room(synapse, tmp_path) as scene:
        alice, room, client = scene.human, scene.room, scene.bot.client
        seen: list[str] = []  # SQL statements and "SEND", in the order they came
        await scene.bot.storage.db.set_trace_callback(seen.append)
        room_send = client.room_send

        async def sending(*args: object, **kwargs: object) -> object:
            seen.append("SEND")
            return await room_send(*args, **kwargs)

        client.room_send = sending
        command = await alice.send(room, "!aide")
        await alice.wait_for(lambda m: m.replies_to == command)
        before_send = seen[:seen.index("SEND")]
        transactions, current = [], []  # the statements of each committed transaction
        for statement in before_send:
            current.append(statement)
            if statement.strip().upper() == "COMMIT":
                transactions.append(current)
                current = []
        journal = [t for t in transactions if any("handled_events" in s for s in t)]
        assert len(journal) == 1, before_send
        assert any(s.lstrip().upper().startswith("INSERT INTO HANDLED_EVENTS")
                   for s in journal[0]), journal


async def test_no_sync_starts_while_an_answer_is_being_sent(
        synapse: Synapse, tmp_path: Path) -> None:
    """The next long poll waits for the answer's send: started at once, the homeserver took
    it, and woke it with the answer, while it was storing that answer for the person."""
    async with bot_in_room(synapse, tmp_path) as scene:
        alice, room, client = scene.human, scene.room, scene.bot.client
        seen: list[str] = []  # "sync" and "send" as each request starts, "sent" as one ends
        sync, room_send = client.sync, client.room_send

        async def syncing(*args: object, **kwargs: object) -> object:
            seen.append("sync")
            return await sync(*args, **kwargs)

        async def sending(*args: object, **kwargs: object) -> object:
            seen.append("send")
            try:
                return await room_send(*args, **kwargs)
            finally:
                seen.append("sent")

        client.sync, client.room_send = syncing, sending
        for number in range(3):
            command = await alice.send(room, f"!inconnue{number}")
            await alice.wait_for(lambda m, command=command: m.replies_to == command)
        await alice.settle()
        assert seen.count("send") == seen.count("sent") == 3, seen
        under_way = False
        for step in seen:
            assert not (under_way and step == "sync"), seen
            under_way = step == "send" or (under_way and step != "sent")


async def test_the_sync_filter_is_uploaded_once_and_named_by_its_id(
        synapse: Synapse) -> None:
    async with Human.connect(synapse, "alice") as alice:
        found = await named_filter(alice.client)
        assert isinstance(found, str)  # an id: the filter is not sent again at each sync
        stored = synapse._request(
            "GET", f"/_matrix/client/v3/user/{quote(alice.user_id)}/filter/{found}",
            token=alice.client.access_token)
        assert stored["room"]["timeline"]["limit"] == TIMELINE_LIMIT
    unreachable = new_client("http://127.0.0.1:9", "@bot:localhost", None)
    unreachable.restore_login("@bot:localhost", "DEVICE", "token")
    try:
        assert await named_filter(unreachable) == {"room": {"timeline": {
            "limit": TIMELINE_LIMIT}}}  # in full, at every sync
    finally:
        await unreachable.close()
