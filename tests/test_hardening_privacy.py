"""!oublier-moi / !forget-me: after it, no table of the database names the person; other
people's data stays; the organisers' reviews stay, signed by a pseudonym."""

from __future__ import annotations

import json
from pathlib import Path

import aiosqlite

from tests.proposals_kit import (
    ALICE,
    BOB,
    ORG_ROOM,
    ORGANISER,
    PUBLIC,
    Opener,
    World,
    open_world,  # noqa: F401
)


async def rows_naming(path: Path, user: str) -> list[tuple[str, tuple]]:
    """Every row of every table with `user` in one of its text values."""
    found = []
    async with aiosqlite.connect(path) as db:
        async with db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
            tables = [row[0] async for row in cursor]
        for table in tables:
            async with db.execute(f'SELECT * FROM "{table}"') as cursor:
                found += [(table, tuple(row)) async for row in cursor
                          if any(isinstance(value, str) and user in value for value in row)]
    return found


async def busy_world(world: World) -> tuple[int, int]:
    """Alice proposes a talk, starts another, asks a reminder; the organiser reviews it and
    proposes a talk Bob... Alice's and Bob's data, and the organiser's, in every table."""
    alice_talk = await world.propose(ALICE, "Grist à l'ANCT")
    await world.dm(ALICE, "!proposer")  # a draft in progress
    await world.dm(ALICE, "!rappel abc123")
    await world.dm(BOB, "!rappel abc123")
    await world.say(ORGANISER, ORG_ROOM, f"!noter {alice_talk} 4")
    await world.say(ORGANISER, ORG_ROOM, f"!commenter {alice_talk} Solide.")
    bob_talk = await world.propose(BOB, "Les communs", name="Bob")
    await world.say(ORGANISER, ORG_ROOM, f"!commenter {bob_talk} À retenir.")
    await world.say(ORGANISER, ORG_ROOM, f"!accepter {bob_talk}")
    # what the Matrix transport and the reminder service keep about a person
    await world.storage.set_state(f"matrix.dm.{ALICE}", "!dm-alice")
    await world.storage.claim_event("$unanswered", "!dm-alice", json.dumps(
        {"sender": ALICE, "content": {"body": "!rappel abc123"}}))  # killed before answering
    await world.storage.mark_reminders([f"personal|{ALICE}|abc123|2026-12-09T09:30|10"],
                                       "sent", 0.0)
    return alice_talk, bob_talk


async def test_a_person_is_shown_what_is_kept_then_forgotten(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    world = await open_world(tmp_path / "bot.db")
    await busy_world(world)
    assert await rows_naming(tmp_path / "bot.db", ALICE)
    inventory = await world.text(ALICE, "!oublier-moi")
    assert inventory.splitlines() == [
        "Je garde à votre nom :",
        "• 1 proposition(s) de présentation, avec leurs évaluations et commentaires",
        "• 1 proposition en cours de rédaction",
        "• 1 demande(s) de rappel",
        "• 1 trace(s) de rappel envoyé",
        "• 1 trace(s) de conversation privée",
        "Pour tout effacer, définitivement : !oublier-moi oui",
    ]
    assert await world.storage.proposals(proposer=ALICE)  # nothing deleted yet
    done = await world.text(ALICE, "!oublier-moi oui")
    assert done.startswith("C'est fait. Effacé :")
    assert await rows_naming(tmp_path / "bot.db", ALICE) == []
    assert await world.text(ALICE, "!forget-me") == "I keep no data under your name."
    # Bob's data is all there
    assert [p.title for p in await world.storage.proposals(proposer=BOB)] == ["Les communs"]
    assert await world.storage.subscriptions(BOB) == [(BOB, "abc123", 10)]


async def test_it_survives_a_restart_and_is_refused_outside_a_direct_chat(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    world = await open_world(tmp_path / "bot.db")
    await busy_world(world)
    [pointer] = await world.say(ALICE, PUBLIC, "!oublier-moi oui")
    assert "message direct" in pointer.reply.plain
    assert await world.storage.proposals(proposer=ALICE)
    await world.text(ALICE, "!oublier-moi oui")
    await world.restart()
    assert await rows_naming(tmp_path / "bot.db", ALICE) == []


async def test_an_organiser_forgotten_leaves_reviews_signed_by_a_pseudonym(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    world = await open_world(tmp_path / "bot.db")
    alice_talk, bob_talk = await busy_world(world)
    answer = await world.text(ORGANISER, "!forget-me yes")
    assert "organiser score(s) or comment(s) (kept, made anonymous)" in answer
    assert await rows_naming(tmp_path / "bot.db", ORGANISER) == []
    comments = await world.storage.comments(bob_talk)
    assert [text for _, _, text in comments] == ["À retenir."]
    assert comments[0][0].startswith("forgotten-")
    assert list((await world.storage.scores())[alice_talk].values()) == [4]
    assert (await world.storage.proposal(bob_talk)).status == "accepted"


async def test_a_scheduled_talk_leaves_the_programme_with_its_proposer(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    world = await open_world(tmp_path / "bot.db")
    _, bob_talk = await busy_world(world)
    await world.say(ORGANISER, ORG_ROOM, f"!planifier {bob_talk} 2026-12-09 14:00")
    assert any(s.title == "Les communs" for s in world.app.programme.events[0].sessions)
    await world.text(BOB, "!oublier-moi oui")
    assert not any(s.title == "Les communs" for s in world.app.programme.events[0].sessions)
