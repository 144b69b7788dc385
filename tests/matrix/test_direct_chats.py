"""Direct chats as Matrix means them, against a real Synapse: a room flagged direct that
anyone can join is not one; the direct chat a person opened is the one the bot uses."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from nio import RoomCreateResponse, RoomPreset

from bot.commands.messages import Outgoing
from bot.settings.config import ProposalsConfig
from bot.wording.replies import say
from tests.support.synapse import Account, Human, Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse


def account_data(synapse: Synapse, account: Account, kind: str) -> dict[str, object]:
    """The account data `kind` of `account`, as its own clients read it."""
    url = (f"{synapse.base_url}/_matrix/client/v3/user/{quote(account.user_id)}"
           f"/account_data/{kind}")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {account.token}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


async def test_a_public_room_invited_as_direct_gets_no_proposals(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    base = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                      encryption=False)
    async with Human.connect(synapse, "orga") as orga:
        config = base.model_copy(update={"proposals": ProposalsConfig(
            organisers=[orga.user_id])})
        async with running_bot(config):
            bot = account.user_id
            # A public room with shared history, the bot invited « as a direct chat ».
            created = await orga.client.room_create(
                preset=RoomPreset.public_chat, is_direct=True, invite=[bot])
            assert isinstance(created, RoomCreateResponse), created
            public = created.room_id
            await orga.wait_joined(public, bot)
            listing = await orga.send(public, "!propositions")
            refused = await orga.wait_for(lambda m: m.replies_to == listing)
            assert "message direct" in refused.body, refused.body
            proposal = await orga.send(public, "!proposer")
            pointed = await orga.wait_for(lambda m: m.replies_to == proposal)
            assert pointed.body.startswith("Écrivez-moi en message direct"), pointed.body

            # A true direct chat whose history is then opened to the world is not one either.
            direct = await orga.open_dm(bot)
            await orga.wait_joined(direct, bot)
            await orga.client.room_put_state(direct, "m.room.history_visibility",
                                             {"history_visibility": "world_readable"})
            listing = await orga.send(direct, "!propositions")
            refused = await orga.wait_for(lambda m: m.replies_to == listing)
            assert "message direct" in refused.body, refused.body


async def test_the_direct_chat_a_person_opened_is_the_one_used(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                        encryption=False)
    async with Human.connect(synapse, "alice") as alice:
        async with running_bot(config) as bot:
            opened = await alice.open_dm(account.user_id)  # as Element does: is_direct
            await alice.wait_joined(opened, account.user_id)
            asked = await alice.send(opened, "!proposer")
            answer = await alice.wait_for(lambda m: m.replies_to == asked)
            assert not answer.body.startswith("Écrivez-moi en message direct"), answer.body
            await bot.deliver([Outgoing(say("Rappel : atelier à 14 h"), to_user=alice.user_id)])
            reminder = await alice.wait_for(lambda m: m.body == "Rappel\u00a0: atelier à 14 h")
            assert reminder.room == opened
        assert account_data(synapse, account, "m.direct") == {alice.user_id: [opened]}
        # After a restart too, the same room (and no second invitation).
        async with running_bot(config) as bot:
            await bot.deliver([Outgoing(say("Deuxième rappel"), to_user=alice.user_id)])
            second = await alice.wait_for(lambda m: m.body == "Deuxième rappel")
            assert second.room == opened
        # A new database (lost, or the bot moved): the account's m.direct still knows it.
        fresh = bot_config(synapse, tmp_path / "fresh", account, allowed_servers=["localhost"],
                           encryption=False)
        async with running_bot(fresh) as bot:
            await bot.deliver([Outgoing(say("Troisième rappel"), to_user=alice.user_id)])
            third = await alice.wait_for(lambda m: m.body == "Troisième rappel")
            assert third.room == opened
        assert set(alice.client.rooms) == {opened}
