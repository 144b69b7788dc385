"""Organisers kept from mistakes: !planifier names a clash and a room the event does not
have, and matches a room as !salle does; a decision undone says what it undoes. Each
waits for the same command with `confirmer`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.assemble import build_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.settings.clock import PARIS, FixedClock
from bot.settings.config import CallConfig, Config, ProposalsConfig, StorageConfig
from tests.support.proposals_kit import ALICE, ORG_ROOM, ORGANISER, Opener, World

EVENT_2024 = "2024-journees-bluehats-au-salon-open-source"  # in the shipped data/
TITLE_2024 = "Journées BlueHats au salon Open Source Experience 2024"
GRIST = ("« Grist, votre compagnon open-source pour la donnée et pour réaliser des apps en "
         "low-code »")


@pytest.fixture
async def shipped(tmp_path: Path) -> AsyncIterator[App]:
    """The shipped programme (rooms « Ada Lovelace »), two accepted 20-minute talks."""
    call = CallConfig(event=EVENT_2024, opens=datetime(2024, 10, 1),
                      closes=datetime(2024, 11, 20))
    config = Config(storage=StorageConfig(database=tmp_path / "bot.db"),
                    proposals=ProposalsConfig(organisers=[ORGANISER], organisers_room=ORG_ROOM,
                                              calls=[call]))
    app = await build_app(config, FixedClock(datetime(2024, 11, 10, 12, 0, tzinfo=PARIS)))
    for title in ("Les communs à l'IGN", "Panoramax en mairie"):
        for text in ("!proposer", title, "2", "Ce que les communs changent au quotidien.",
                     "moi (IGN)", "oui"):
            await handle(app, Incoming(text, ALICE, "!dm-alice", is_direct=True,
                                       sender_name="Alice"))
    await organiser(app, "!accepter 1")
    await organiser(app, "!accepter 2")
    yield app
    assert app.storage is not None
    await app.storage.close()


async def organiser(app: App, text: str) -> str:
    return "\n".join(o.reply.plain for o in await handle(app, Incoming(text, ORGANISER, ORG_ROOM))
                     if o.to_user is None)


async def test_a_clash_with_the_programme_is_named_and_waits_for_a_confirmation(
        shipped: App) -> None:
    assert await organiser(shipped, "!planifier 1 mercredi 14h20 Ada Lovelace") == (
        "Attention : #1 (mercredi 4 décembre, 14 h 20 – 14 h 40, salle Ada Lovelace) "
        f"chevaucherait {GRIST} (14 h 20 – 14 h 40). Pour la planifier quand même : "
        "!planifier 1 confirmer 2024-12-04 14:20 Ada Lovelace")
    assert shipped.programme.session("p1") is None
    assert await organiser(shipped, "!planifier 1 mercredi 14h10 ada") == (
        "Attention : #1 (mercredi 4 décembre, 14 h 10 – 14 h 30, salle Ada Lovelace) "
        "chevaucherait « De TradEmploi vers TradOpen » (14 h – 14 h 20) et "
        f"{GRIST} (14 h 20 – 14 h 40). Pour la planifier quand même : "
        "!planifier 1 confirmer 2024-12-04 14:10 Ada Lovelace")
    assert await organiser(shipped, "!planifier 1 confirmer 2024-12-04 14:10 Ada Lovelace") == (
        "#1 planifiée : mercredi 4 décembre, 14 h 10, salle Ada Lovelace (id p1).")
    assert shipped.programme.session("p1").room == "Ada Lovelace"


async def test_a_room_is_matched_to_the_events_rooms_and_named(shipped: App) -> None:
    assert await organiser(shipped, "!planifier 1 jeudi 10h ada") == (
        "#1 planifiée : jeudi 5 décembre, 10 h, salle Ada Lovelace (id p1).")
    session = shipped.programme.session("p1")
    assert session is not None and session.room == "Ada Lovelace"
    # another scheduled proposal is a clash too
    assert await organiser(shipped, "!planifier 2 jeudi 10h10 salle ada lovelace") == (
        "Attention : #2 (jeudi 5 décembre, 10 h 10 – 10 h 30, salle Ada Lovelace) "
        "chevaucherait « Les communs à l'IGN » (10 h – 10 h 20). Pour la planifier quand "
        "même : !planifier 2 confirmer 2024-12-05 10:10 Ada Lovelace")
    # moving a talk does not clash with itself
    assert "planifiée : jeudi 5 décembre, 10 h 10" in await organiser(
        shipped, "!planifier 1 jeudi 10h10 Ada Lovelace")


async def test_a_room_the_event_does_not_have_waits_for_a_confirmation(
        shipped: App) -> None:
    assert await organiser(shipped, "!planifier 2 jeudi 11h Salle B") == (
        f"La salle « Salle B » n'existe pas encore pour {TITLE_2024} (salles connues : "
        "Ada Lovelace). Pour la créer et y planifier #2 : "
        "!planifier 2 confirmer 2024-12-05 11:00 Salle B")
    assert shipped.programme.session("p2") is None
    assert await organiser(shipped, "!planifier 2 confirmer 2024-12-05 11:00 Salle B") == (
        "#2 planifiée : jeudi 5 décembre, 11 h, salle Salle B (id p2).")
    # now a room of the event: matched like the others
    assert "salle Salle B (id p1)" in await organiser(shipped, "!planifier 1 jeudi 15h b")


async def org_text(world: World, text: str) -> str:
    return "\n".join(o.reply.plain for o in await handle(world.app, Incoming(
        text, ORGANISER, ORG_ROOM)) if o.to_user is None)


async def test_undoing_a_decision_says_what_it_undoes_and_waits_for_a_confirmation(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE, "Grist au programme")
    await org_text(world, f"!accepter {number}")
    assert await org_text(world, f"!refuser {number} Désolé, plus de place.") == (
        f"#{number} est acceptée : la refuser annule cette décision ; son auteur en sera "
        f"prévenu. Pour confirmer : !refuser {number} confirmer Désolé, plus de place.")
    await org_text(world, f"!planifier {number} mercredi 14h Amphi")
    out = await handle(world.app, Incoming(f"!attente {number}", ORGANISER, ORG_ROOM))
    assert [o.reply.plain for o in out] == [
        f"#{number} est acceptée et planifiée (mercredi 9 décembre, 14 h, salle Amphi) : la "
        "mettre en liste d'attente annule cette décision et la retire du programme ; son "
        f"auteur en sera prévenu. Pour confirmer : !attente {number} confirmer"]  # not told
    assert (await world.proposals.proposal(number)).status == "accepted"
    assert world.app.programme.session(f"p{number}") is not None
    out = await handle(world.app, Incoming(f"!refuser {number} confirmer Désolé, plus de place.",
                                           ORGANISER, ORG_ROOM))
    [notice] = [o for o in out if o.to_user == ALICE]
    assert "Leur message : Désolé, plus de place." in notice.reply.plain
    assert (await world.proposals.proposal(number)).status == "rejected"
    assert world.app.programme.session(f"p{number}") is None
    assert await org_text(world, f"!accept {number}") == (
        f"#{number} is rejected: accepting it undoes that decision; the proposer will be "
        f"told. To confirm: !accept {number} confirm")
    assert "acceptée" in await org_text(world, f"!accepter {number} confirmer")
