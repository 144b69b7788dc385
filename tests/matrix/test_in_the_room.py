"""The bot in a room as people use it, against a real Synapse: addressed only when meant,
invisible characters ignored, reminders that say what is true when they arrive."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.programme.model import Event, Programme, Session
from bot.reminders.scheduler import Scheduler
from bot.settings.clock import PARIS
from bot.settings.config import Config
from tests.support.synapse import Human, Scene, Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse

BOT_NAME = "BlueHats [Bot]"  # the display name the README recommends
INVISIBLE = "\u200b\u200c\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@contextlib.asynccontextmanager
async def named_bot_in_room(synapse: Synapse, folder: Path) -> AsyncIterator[Scene]:
    """A bot called « BlueHats [Bot] » and alice, in a room she created and invited it to."""
    account = synapse.register(unique("bot"), displayname=BOT_NAME)
    config = bot_config(synapse, folder / "bot", account, allowed_servers=["localhost"],
                        encryption=False)
    async with running_bot(config) as bot, Human.connect(synapse, "alice") as alice:
        room = await alice.create_room(invite=[account.user_id])
        await alice.wait_joined(room, account.user_id)
        yield Scene(bot, account, alice, room)


async def _only_answered(scene: Scene, expected: list[str]) -> None:
    """Send a marker command; once answered, the bot must have answered `expected` only."""
    marker = await scene.human.send(scene.room, "!aide")
    await scene.human.wait_for(lambda m: m.replies_to == marker)
    await scene.human.settle()
    answered = [m.replies_to for m in scene.human.messages if scene.from_bot(m)]
    assert answered == [*expected, marker]


async def test_the_bot_named_in_a_sentence_stays_quiet(synapse: Synapse, tmp_path: Path) -> None:
    async with named_bot_in_room(synapse, tmp_path) as scene:
        alice, room = scene.human, scene.room
        await alice.send(room, "Les journées BlueHats étaient super")
        await alice.send(room, "Rendez-vous au stand bluehats à 14h")
        asked = await alice.send(room, "BlueHats, qui parle de Grist ?")
        answer = await alice.wait_for(lambda m: m.replies_to == asked)
        assert "Grist" in answer.body
        await _only_answered(scene, [asked])


async def test_an_element_reply_to_the_bot_that_only_thanks_it_gets_nothing(
    synapse: Synapse, tmp_path: Path
) -> None:
    async with named_bot_in_room(synapse, tmp_path) as scene:
        alice, room, bot_id = scene.human, scene.room, scene.account.user_id
        asked = await alice.send(room, "!salles")
        answer = await alice.wait_for(lambda m: m.replies_to == asked)

        def element_reply(text: str) -> dict[str, object]:
            # What Element sends: a fallback quote and the replied-to sender in m.mentions.
            return {"reply_to": answer.event_id, "mentions": [bot_id],
                    "text": f"> <{bot_id}> {answer.body.splitlines()[0]}\n\n{text}"}

        await alice.send(room, **element_reply("merci !"))  # type: ignore[arg-type]
        await alice.send(room, **element_reply("super, c'est noté"))  # type: ignore[arg-type]
        await alice.send(room, "BlueHats [Bot] : merci 🙏")  # thanks, by name: no answer
        again = await alice.send(room, **element_reply("!prochains"))  # type: ignore[arg-type]
        await alice.wait_for(lambda m: m.replies_to == again)
        await _only_answered(scene, [asked, again])


async def test_zero_width_characters_do_not_hide_a_command(
    synapse: Synapse, tmp_path: Path
) -> None:
    async with named_bot_in_room(synapse, tmp_path) as scene:
        alice, room = scene.human, scene.room
        who = await alice.send(room, "!qui gr\u200bist")
        found = await alice.wait_for(lambda m: m.replies_to == who)
        assert "Grist, votre compagnon open-source" in found.body
        programme = await alice.send(room, "\u200b!programme")
        await alice.wait_for(lambda m: m.replies_to == programme)
        await _only_answered(scene, [who, programme])


async def test_a_late_reminder_says_when_it_is_sent(synapse: Synapse, tmp_path: Path) -> None:
    async with named_bot_in_room(synapse, tmp_path) as scene:
        app, alice = scene.bot.app, scene.human
        settings = app.config.model_dump()
        # Planned 2 min before a talk starting in 40 s: the bot was down when it fell due.
        settings["reminders"].update(rooms=[{"room": scene.room, "lead_minutes": [2]}],
                                     digest_time=None, grace_minutes=5)
        app.config = Config.model_validate(settings)
        soon = datetime.now(PARIS).replace(microsecond=0) + timedelta(seconds=40)
        title = f"Gr{INVISIBLE}ist en \u202edirect"  # a title pasted with invisible characters
        talk = Session("late01", "late", soon.date(), soon.time(), None, title, room="Turing")
        app.update_programme(files=Programme((Event("late", "Journée test", soon.date(),
                                                    soon.date(), sessions=(talk,)),)))
        task = asyncio.create_task(Scheduler(app, scene.bot).run())
        try:
            sent = await alice.wait_for(lambda m: scene.from_bot(m) and "Turing" in m.body,
                                        timeout=20)
        finally:
            task.cancel()
        head = sent.body.splitlines()[0]
        assert head.startswith("Dans ") and " s, salle Turing" in head, head
        seconds = int(head.removeprefix("Dans ").split(" ")[0])
        assert 20 <= seconds <= 40, head
        for text in (sent.body, sent.content["formatted_body"]):
            assert "Grist en direct" in text and not set(INVISIBLE) & set(text), repr(text)
