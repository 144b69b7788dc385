"""Reminders through a real Synapse: the room and a person who asked are told, once."""

import asyncio
from datetime import datetime, timedelta

import pytest

from bot.programme.model import Event, Programme, Session
from bot.reminders.scheduler import Scheduler
from bot.settings.clock import PARIS
from bot.settings.config import Config
from tests.support.synapse import bot_in_room

pytestmark = pytest.mark.synapse


async def test_room_and_personal_reminders_arrive_once(synapse, tmp_path) -> None:
    # Unencrypted: alice is a plain client (encrypted rooms are the adapter tests' job).
    async with bot_in_room(synapse, tmp_path, encryption=False) as scene:
        app, alice = scene.bot.app, scene.human
        settings = app.config.model_dump()
        settings["reminders"].update(rooms=[{"room": scene.room, "lead_minutes": [0]}],
                                     personal_lead_minutes=0, digest_time=None)
        app.config = Config.model_validate(settings)
        soon = datetime.now(PARIS).replace(microsecond=0) + timedelta(seconds=15)
        talk = Session("live01", "live", soon.date(), soon.time(), None, "Grist en direct",
                       room="Ada Lovelace")
        app.update_programme(files=Programme((Event("live", "Journée test", soon.date(),
                                                    soon.date(), sessions=(talk,)),)))

        asked = await alice.send(scene.room, "!rappel live01")
        confirmation = await alice.wait_for(
            lambda m: m.sender == scene.account.user_id and "C'est noté" in m.body, timeout=20)
        assert confirmation.room != scene.room  # a personal answer goes to a direct chat
        assert alice.count(lambda m: m.replies_to == asked) == 0

        task = asyncio.create_task(Scheduler(app, scene.bot).run())
        try:
            in_room = await alice.wait_for(
                lambda m: m.room == scene.room and m.body.startswith("C'est maintenant"),
                timeout=40)
            direct = await alice.wait_for(
                lambda m: m.room == confirmation.room and m.body.startswith("Rappel"),
                timeout=40)
            assert "Grist en direct" in in_room.body and "Grist en direct" in direct.body
            # A scheduler started again on the same database sends nothing more.
            await Scheduler(app, scene.bot).tick()
            await asyncio.sleep(3)
        finally:
            task.cancel()
        assert alice.count(lambda m: m.body.startswith("C'est maintenant")) == 1
        assert alice.count(lambda m: m.body.startswith("Rappel")) == 1
