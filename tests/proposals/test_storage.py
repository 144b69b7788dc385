"""Proposals on disk: the schema upgrade from the first version, a confirmed proposal
committed before the answer, and scheduled talks loaded back by build_app (then !qui
finds them)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import aiosqlite

from bot.cli.assemble import build_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.proposals.repositories.drafts import Drafts
from bot.proposals.repositories.proposals import Proposals
from bot.settings.clock import PARIS, FixedClock
from bot.settings.config import CallConfig, Config, ProposalsConfig, StorageConfig
from bot.storage import MIGRATIONS, Storage
from bot.storage.connection import migrate
from tests.support.proposals_kit import ALICE, ORGANISER, Opener

EVENT_2024 = "2024-journees-bluehats-au-salon-open-source"  # in the shipped data/


async def test_a_first_schema_database_upgrades_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    async with aiosqlite.connect(path) as old:
        await migrate(old, target=1)
        await old.execute("INSERT INTO state VALUES ('next_batch', 's72_1')")
        await old.execute("INSERT INTO handled_events VALUES ('$e1', '!room', 1700000000.0)")
        await old.commit()
    storage = await Storage.open(path)
    try:
        assert await storage.version() == len(MIGRATIONS)
        assert await storage.state.get_state("next_batch") == "s72_1"
        journal = storage.journal
        assert await journal.decide("$e1", "!room", "{}", "[]") is False  # the old row is kept
        assert await journal.unanswered_events(since=0) == []  # and counts as answered
        assert await storage.repository(Proposals).proposals() == []
        assert await storage.repository(Drafts).draft(ALICE) is None
    finally:
        await storage.close()


async def test_a_confirmed_proposal_is_committed_before_the_answer(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE, "Déjà sur le disque")
    # a second connection, as after a crash right after the answer, sees it committed
    async with aiosqlite.connect(tmp_path / "bot.db") as other:
        async with other.execute("SELECT title, status FROM proposals") as cursor:
            assert await cursor.fetchall() == [("Déjà sur le disque", "submitted")]
        async with other.execute("SELECT actor, action FROM proposal_history") as cursor:
            assert await cursor.fetchall() == [(ALICE, "submitted")]


async def test_a_scheduled_talk_is_back_after_a_restart_and_qui_finds_it(
        tmp_path: Path) -> None:
    config = Config(
        storage=StorageConfig(database=tmp_path / "bot.db"),
        proposals=ProposalsConfig(organisers=[ORGANISER], calls=[CallConfig(
            event=EVENT_2024, opens=datetime(2024, 10, 1), closes=datetime(2024, 11, 20))]))
    clock = FixedClock(datetime(2024, 11, 10, 12, 0, tzinfo=PARIS))
    app = await build_app(config, clock)
    for text in ("!proposer", "Les communs et Zoé", "2", "Les communs à l'IGN.",
                 "Zoé Quintal (IGN)", "oui"):
        await handle(app, Incoming(text, ALICE, "!dm-alice", is_direct=True))
    for text in ("!accepter 1", "!planifier 1 confirmer jeudi 16h30 Salle 2"):  # a new room
        await handle(app, Incoming(text, ORGANISER, "!dm-orga", is_direct=True))
    assert app.storage is not None
    await app.storage.close()

    app = await build_app(config, clock)
    try:
        session = app.programme.session("p1")
        assert session is not None and session.day == date(2024, 12, 5)
        assert session.event_id == EVENT_2024 and session.room == "Salle 2"
        [out] = await handle(app, Incoming("!qui Quintal", ALICE, "!public"))
        assert "Les communs et Zoé" in out.reply.plain
    finally:
        assert app.storage is not None
        await app.storage.close()
