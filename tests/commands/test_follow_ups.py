"""Follow-ups: a message that only gives slots is the question before it with those slots —
in a direct chat within five minutes, or in reply to one of the bot's answers — French and
English, at fixed clocks, through a real SQLite database and the transports' own steps
(bot/transports/follow_ups.py), on the conference of `tests/commands/conference.py`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.dispatch import handle, parse
from bot.commands.messages import Incoming
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config
from bot.storage import Storage
from bot.storage.conversations import KEPT_SECONDS
from bot.transports.follow_ups import previous_question, remember
from tests.commands.conference import conference

ALICE, BOB = "@alice:example.org", "@bob:example.org"
DIRECT, ROOM = "!dm-alice:example.org", "!public:example.org"


@dataclass
class Chat:
    """A bot with a database; each answer gets an event id, as Matrix gives one."""

    app: App
    clock: FixedClock
    storage: Storage
    answers: list[str] = field(default_factory=list)

    async def say(self, text: str, *, sender: str = ALICE, room: str = DIRECT,
                  reply_to: str | None = None, addressed: bool = True) -> str:
        incoming = Incoming(text=text, sender=sender, room=room, is_direct=room == DIRECT,
                            addressed=addressed, reply_to=reply_to)
        now = self.clock.now().timestamp()
        parsed = parse(self.app, incoming, await previous_question(self.storage, incoming, now))
        out = await handle(self.app, incoming, parsed=parsed)
        self.answers.append(f"$answer{len(self.answers)}")
        if parsed is not None:
            await remember(self.storage, incoming, parsed, [self.answers[-1]], now)
        return "\n\n".join(o.reply.plain for o in out)


@pytest.fixture
async def chat(tmp_path: Path) -> AsyncIterator[Chat]:
    storage = await Storage.open(tmp_path / "bot.db")
    clock = FixedClock(parse_local("2025-06-10 09:00"))
    yield Chat(new_app(Config(), conference(), clock=clock, storage=storage), clock, storage)
    await storage.close()


GRIST_FRIDAY = (
    "« Grist » :\n"
    "Rien sur « Grist » le vendredi 13 juin ; à un autre moment :\n")


async def test_in_a_direct_chat_a_day_follows_the_question_before(chat: Chat) -> None:
    await chat.say("qui parle de Grist en Salle B ?")
    assert await chat.say("et vendredi ?") == (
        "« Grist » :\n• Anne Martin (ANCT) — Grist et l'open data\n"
        "vendredi 13 juin 2025, 10 h – 10 h 45, Salle B · Rencontre Logiciels Libres 2025 · "
        "a00008")


async def test_in_english_a_room_replaces_the_room(chat: Chat) -> None:
    assert (await chat.say("what's in Amphi A at 10:30 am on Thursday?")).endswith(
        "• Grist pour les collectivités — Anne Martin (ANCT) · Amphi A · a00002")
    assert await chat.say("and in Salle B?") == (
        "Programme — Salle B, Thursday 12 June, at 10:30 am:\nThursday 12 June\n10 am – 11 am\n"
        "• Atelier Grist — Bob Durand (DINUM) · Salle B · a00003")


async def test_a_part_of_the_day_keeps_the_day_and_an_hour_replaces_it(chat: Chat) -> None:
    await chat.say("programme de vendredi")
    assert await chat.say("et l'après-midi ?") == (
        "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)\n\n"
        "Vendredi 13 juin\n14 h – 14 h 30\n"
        "• Démo uMap — Eva Noor · Salle B · a00010")
    assert await chat.say("et à 11h ?") == (
        "Programme — vendredi 13 juin, à 11 h :\nVendredi 13 juin\n11 h – 12 h\n"
        "• Table ronde : communs numériques · Amphi A · a00009")


async def test_a_kind_after_and_then_the_past(chat: Chat) -> None:
    await chat.say("what's on Thursday?")
    assert await chat.say("and the workshops?") == (
        "Programme — workshops, Thursday 12 June:\nThursday 12 June\n10 am – 11 am\n"
        "• Atelier Grist — Bob Durand (DINUM) · Salle B · a00003\n3 pm – 4 pm\n"
        "• Grist avancé — Anne Martin (ANCT) · Salle B · a00006")
    chat.clock.set(parse_local("2025-06-12 16:10"))
    await chat.say("j'ai loupé quoi cet après-midi ?")
    assert await chat.say("et ce matin en Salle B ?") == (
        "Déjà terminé — Salle B, jeudi 12 juin, le matin :\nJeudi 12 juin\n10 h – 11 h\n"
        "• Atelier Grist — Bob Durand (DINUM) · Salle B · a00003")


async def test_after_five_minutes_a_message_is_read_alone(chat: Chat) -> None:
    await chat.say("qui parle de Grist ?")
    chat.clock.advance(timedelta(minutes=6))
    assert (await chat.say("et vendredi ?")).startswith(
        "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)\n\n"
        "Vendredi 13 juin\n10 h – 10 h 45\n• Grist et l'open data")  # Friday's programme


async def test_a_question_of_its_own_does_not_follow(chat: Chat) -> None:
    await chat.say("qui parle de Grist ?")
    assert (await chat.say("les démos de vendredi ?")).startswith("Démos :\n• Eva Noor")
    assert await chat.say("merci !") == (
        "Avec plaisir ! Demandez-moi par exemple : « programme de demain », « qui parle de "
        "Grist ? », « c'est où ? », « prochains talks » — ou tapez !aide.")


async def test_help_and_greetings_are_not_asked_again(chat: Chat) -> None:
    await chat.say("aide")
    assert (await chat.say("et vendredi ?")).startswith(
        "Rencontre Logiciels Libres 2025 (jeudi 12 juin – vendredi 13 juin 2025)")


async def test_in_a_room_only_a_reply_to_an_answer_follows_it(chat: Chat) -> None:
    await chat.say("qui parle de Grist ?", room=ROOM)
    answered = chat.answers[-1]
    alone = await chat.say("et vendredi ?", sender=BOB, room=ROOM)
    assert alone.startswith("Rencontre Logiciels Libres 2025 (jeudi 12 juin")
    replied = await chat.say("et vendredi ?", sender=BOB, room=ROOM, reply_to=answered)
    assert replied.startswith("« Grist » :\n• Anne Martin (ANCT) — Grist et l'open data")
    assert await chat.say("and Thursday?", room=ROOM, reply_to="$not-the-bots") == (
        await chat.say("Thursday?", room=ROOM))  # a reply to another message: alone


async def test_a_reply_follows_the_question_of_that_answer_a_day_long(chat: Chat) -> None:
    await chat.say("qui parle de Grist ?")
    grist = chat.answers[-1]
    await chat.say("les démos ?")
    chat.clock.advance(timedelta(hours=3))
    assert (await chat.say("et vendredi ?", reply_to=grist)).startswith(
        "« Grist » :\n• Anne Martin (ANCT) — Grist et l'open data")
    chat.clock.advance(timedelta(seconds=KEPT_SECONDS))
    await chat.say("bonjour")  # keeping a new question forgets those of the day before
    assert await chat.storage.conversations.answered_by(grist, DIRECT) is None
