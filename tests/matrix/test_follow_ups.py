"""Follow-ups on a real Synapse: in a room, a reply to one of the bot's answers is for the
bot and, when it only gives slots (« et en 2023 ? »), is the question that answer
answered, with them; thanks in reply still get nothing. In a direct chat, a message just
after a question follows it. On the shipped programmes: Grist is in 2024 (two sessions)
and in 2023 (« Contribuer plutôt que de développer », Ariane Rose and Florent Fayolle)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.synapse import Human, Scene, Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse

BOT_NAME = "BlueHats [Bot]"
IN_2023 = "Contribuer plutôt que de développer"
IN_2024 = "Grist, votre compagnon open-source"


@contextlib.asynccontextmanager
async def bot_and_alice(synapse: Synapse, folder: Path, *, direct: bool) -> AsyncIterator[Scene]:
    """The bot and alice, in a room she made (a direct chat when `direct`)."""
    account = synapse.register(unique("bot"), displayname=BOT_NAME)
    config = bot_config(synapse, folder / "bot", account, allowed_servers=["localhost"],
                        encryption=False)
    async with running_bot(config) as bot, Human.connect(synapse, "alice") as alice:
        if direct:
            room = await alice.open_dm(account.user_id)
        else:
            room = await alice.create_room(invite=[account.user_id])
        await alice.wait_joined(room, account.user_id)
        yield Scene(bot, account, alice, room)


async def test_in_a_room_a_reply_to_an_answer_follows_its_question(
    synapse: Synapse, tmp_path: Path
) -> None:
    async with bot_and_alice(synapse, tmp_path, direct=False) as scene:
        alice, room, bot_id = scene.human, scene.room, scene.account.user_id
        asked = await alice.send(room, "BlueHats, qui parle de Grist ?")
        answer = await alice.wait_for(lambda m: m.replies_to == asked)
        assert IN_2024 in answer.body and IN_2023 in answer.body

        def reply(text: str) -> dict[str, object]:  # as Element sends it
            return {"reply_to": answer.event_id, "mentions": [bot_id],
                    "text": f"> <{bot_id}> {answer.body.splitlines()[0]}\n\n{text}"}

        await alice.send(room, "et en 2023 ?")  # not a reply, not addressed: not for the bot
        await alice.send(room, **reply("merci !"))  # type: ignore[arg-type]
        follow = await alice.send(room, **reply("et en 2023 ?"))  # type: ignore[arg-type]
        followed = await alice.wait_for(lambda m: m.replies_to == follow)
        assert IN_2023 in followed.body and IN_2024 not in followed.body, followed.body
        assert followed.body.startswith("«\u00a0Grist\u00a0»\u00a0:"), followed.body
        english = await alice.send(room, **reply("and in 2024?"))  # type: ignore[arg-type]
        in_english = await alice.wait_for(lambda m: m.replies_to == english)
        assert in_english.body.startswith("“Grist”:") and IN_2023 not in in_english.body
        await alice.settle()
        answered = [m.replies_to for m in alice.messages if scene.from_bot(m)]
        assert answered == [asked, follow, english]


async def test_in_a_direct_chat_the_next_message_follows_the_question(
    synapse: Synapse, tmp_path: Path
) -> None:
    async with bot_and_alice(synapse, tmp_path, direct=True) as scene:
        alice, room = scene.human, scene.room
        asked = await alice.send(room, "qui parle de Grist ?")
        await alice.wait_for(lambda m: m.replies_to == asked)
        follow = await alice.send(room, "et en 2023 ?")
        followed = await alice.wait_for(lambda m: m.replies_to == follow)
        assert IN_2023 in followed.body and IN_2024 not in followed.body, followed.body
