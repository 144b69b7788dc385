"""!oublier-moi / !forget-me: after it, no table of the database names the person; other
people's data stays; the organisers' reviews stay, signed by a pseudonym."""

from __future__ import annotations

import json
from pathlib import Path

import aiosqlite

from bot.privacy.sweep import every_repository
from bot.proposals.repositories.reviews import Reviews
from bot.reminders.repository import Reminders
from bot.storage.state import direct_chat_key, told_undecryptable_key
from tests.support.proposals_kit import (
    ALICE,
    BOB,
    EVENT_ID,
    ORG_ROOM,
    ORGANISER,
    PUBLIC,
    REVIEWER,
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
    await world.storage.state.set_state(direct_chat_key(ALICE), "!dm-alice")
    await world.storage.journal.decide("$unanswered", "!dm-alice", json.dumps(
        {"sender": ALICE, "content": {"body": "!rappel abc123"}}), "[]")  # killed before sending
    await world.storage.repository(Reminders).mark_reminders(
        [f"personal|{ALICE}|abc123|2026-12-09T09:30|10"], "sent", 0.0)
    await world.storage.conversations.remember(  # a question kept for a follow-up
        ["$answer-to-alice"], "!dm-alice", ALICE, '{"name": "search", "lang": "fr"}', 0.0)
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
        "• 1 question(s) récente(s), gardée(s) un jour pour y donner suite (« et demain ? »)",
        "Pour tout effacer, définitivement : !oublier-moi oui",
    ]
    assert await world.proposals.proposals(proposer=ALICE)  # nothing deleted yet
    done = await world.text(ALICE, "!oublier-moi oui")
    assert done.startswith("C'est fait. Effacé :")
    assert await rows_naming(tmp_path / "bot.db", ALICE) == []
    assert await world.text(ALICE, "!forget-me") == "I keep no data under your name."
    # Bob's data is all there
    bobs = await world.proposals.proposals(proposer=BOB)
    assert [p.title for p in bobs] == ["Les communs"]
    assert await world.storage.repository(Reminders).subscriptions(BOB) == [(BOB, "abc123", 10)]


async def test_it_survives_a_restart_and_is_refused_outside_a_direct_chat(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    world = await open_world(tmp_path / "bot.db")
    await busy_world(world)
    [pointer] = await world.say(ALICE, PUBLIC, "!oublier-moi oui")
    assert "message direct" in pointer.reply.plain
    assert await world.proposals.proposals(proposer=ALICE)
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
    comments = await world.storage.repository(Reviews).comments(bob_talk)
    assert [text for _, _, text in comments] == ["À retenir."]
    assert comments[0][0].startswith("forgotten-")
    assert list((await world.storage.repository(Reviews).scores())[alice_talk].values()) == [4]
    assert (await world.proposals.proposal(bob_talk)).status == "accepted"


async def test_a_scheduled_talk_leaves_the_programme_with_its_proposer(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    world = await open_world(tmp_path / "bot.db")
    _, bob_talk = await busy_world(world)
    await world.say(ORGANISER, ORG_ROOM, f"!planifier {bob_talk} 2026-12-09 14:00")
    assert any(s.title == "Les communs" for s in world.app.programme.events[0].sessions)
    await world.text(BOB, "!oublier-moi oui")
    assert not any(s.title == "Les communs" for s in world.app.programme.events[0].sessions)


async def tables_and_references(path: Path) -> dict[str, set[str]]:
    """Every table of the schema, with the tables its foreign keys point to."""
    async with aiosqlite.connect(path) as db:
        async with db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite_%'") as cursor:
            tables = [row[0] async for row in cursor]
        found = {}
        for table in tables:
            async with db.execute(f'PRAGMA foreign_key_list("{table}")') as cursor:
                found[table] = {row[2] async for row in cursor}
    return found


async def test_no_table_of_the_schema_escapes_the_sweep(
        tmp_path: Path, open_world: Opener) -> None:  # noqa: F811
    """Alice is a proposer and an organiser here: every table of the schema holds her id,
    or points (foreign key) to a table that does. After !oublier-moi none names her and no
    row points to a row gone. A table added later fails here until this test fills it and
    the sweep clears it."""
    path = tmp_path / "bot.db"
    world = await open_world(path, organisers=[ORGANISER, REVIEWER, ALICE])
    alice_talk, bob_talk = await busy_world(world)
    await world.say(ORGANISER, ORG_ROOM, f"!accepter {alice_talk}")
    await world.say(ORGANISER, ORG_ROOM, f"!planifier {alice_talk} 2026-12-09 11:00")
    await world.say(ALICE, ORG_ROOM, f"!noter {bob_talk} 3")
    await world.say(ALICE, ORG_ROOM, f"!commenter {bob_talk} Très bien.")
    await world.say(ALICE, ORG_ROOM, f"!cfp {EVENT_ID} 2026-11-01T00:00 2026-11-25T23:59")
    await world.storage.state.set_state(told_undecryptable_key(ALICE), "$undecryptable")
    schema = await tables_and_references(path)
    naming = {table for table, _ in await rows_naming(path, ALICE)}
    public = {table for repository in every_repository(world.storage)
              if not repository.holds_people for table in repository.tables}
    covered = naming | public | {table for table, parents in schema.items() if parents & naming}
    assert set(schema) - covered == set(), "tables this test puts nothing of Alice's in"
    await world.text(ALICE, "!oublier-moi oui")
    assert await rows_naming(path, ALICE) == []
    async with aiosqlite.connect(path) as db, db.execute("PRAGMA foreign_key_check") as cursor:
        assert await cursor.fetchall() == []
    assert [p.title for p in await world.proposals.proposals()] == ["Les communs"]
