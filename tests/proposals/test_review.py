"""Organisers' review: list, show, comment, score, decide, export, schedule, !cfp; and
the permission rules for every review command."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.proposals.repositories.calls import Calls
from bot.proposals.repositories.reviews import Reviews
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
)

REVIEW_COMMANDS = ("!propositions", "!proposition 1", "!commenter 1 bien", "!noter 1 4",
                   "!accepter 1", "!refuser 1", "!attente 1", "!export", "!planifier 1 9/12 14h",
                   "!cfp", "!proposals", "!proposal 1", "!comment 1 ok", "!score 1 5",
                   "!accept 1", "!reject 1", "!waitlist 1", "!schedule-talk 1 9/12 14h",
                   "!place 1 9/12 14h", "!export", "!cfp 2026-x close")


async def org(world: World, text: str, sender: str = ORGANISER, room: str = ORG_ROOM) -> list:
    return await handle(world.app, Incoming(text, sender, room))


async def org_text(world: World, text: str, sender: str = ORGANISER) -> str:
    return "\n".join(o.reply.plain for o in await org(world, text, sender)
                     if o.to_user is None and o.to_room is None)


@pytest.mark.parametrize("text", REVIEW_COMMANDS)
async def test_non_organisers_are_not_allowed_anywhere(
        tmp_path: Path, open_world: Opener, text: str) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE, "Titre secret")
    for room, direct in ((f"!dm-{BOB}", True), (ORG_ROOM, False), (PUBLIC, False)):
        out = await handle(world.app, Incoming(text, BOB, room, is_direct=direct))
        assert len(out) == 1 and out[0].to_user is None and out[0].to_room is None
        refusal = out[0].reply.plain
        assert "réservée aux organisateurs" in refusal or "(not allowed)" in refusal
        assert "Titre secret" not in out[0].reply.plain and out[0].reply.attachment is None
    assert (await world.proposals.proposal(1)).status == "submitted"
    assert await world.storage.repository(Reviews).comments(1) == []
    assert await world.storage.repository(Reviews).scores() == {}


@pytest.mark.parametrize("text", ["!proposals", "!proposal 1", "!accept 1", "!waitlist 1"])
async def test_english_refusal_says_not_allowed(
        tmp_path: Path, open_world: Opener, text: str) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE, "Titre secret")
    [out] = await handle(world.app, Incoming(text, BOB, f"!dm-{BOB}", is_direct=True))
    assert "not allowed" in out.reply.plain and "Titre secret" not in out.reply.plain


@pytest.mark.parametrize("text", REVIEW_COMMANDS)
async def test_organisers_get_nothing_in_a_public_room(
        tmp_path: Path, open_world: Opener, text: str) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE, "Titre secret")
    out = await org(world, text, room=PUBLIC)
    assert len(out) == 1 and out[0].to_user is None and out[0].to_room is None
    assert "Titre secret" not in out[0].reply.plain and out[0].reply.attachment is None
    assert any(w in out[0].reply.plain for w in ("salon des organisateurs",
                                                 "organisers' room"))


async def test_an_organiser_by_power_level_may_review(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db", organisers=[], organiser_power_level=50)
    levels = {(ORG_ROOM, BOB): 50, (ORG_ROOM, ALICE): 0}

    async def power_level(room: str, user: str) -> int | None:
        return levels.get((room, user))

    world.app.power_level = power_level
    await world.propose(ALICE, "Titre")
    assert "Titre" in await org_text(world, "!propositions", BOB)
    assert "not allowed" in await org_text(world, "!proposals", ALICE)


async def test_list_and_filter_by_status_and_event(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    first = await world.propose(ALICE, "Première")
    second = await world.propose(BOB, "Seconde", name="Bob")
    await org(world, f"!accepter {second}")
    listing = await org_text(world, "!propositions")
    assert "2 proposition(s)" in listing and "Première" in listing and "Seconde" in listing
    accepted = await org_text(world, "!propositions acceptées")
    assert "Seconde" in accepted and "Première" not in accepted
    assert f"#{first}" in await org_text(world, "!propositions soumises journées")
    assert "Première" in await org_text(world, f"!propositions {EVENT_ID}")
    assert "Aucune proposition" in await org_text(world, "!propositions refusées")
    assert "Ni statut ni événement" in await org_text(world, "!propositions n'importe quoi")


async def test_show_comment_and_score_with_averages(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE, "À relire")
    assert "Commentaire ajouté" in await org_text(world, f"!commenter {number} Très <b>bien</b>")
    assert "moyenne 4.0/5 (1)" in await org_text(world, f"!noter {number} 4")
    assert "average 4.5/5 (2)" in await org_text(world, f"!score #{number} 5", REVIEWER)
    # a reviewer scoring again replaces their score
    assert "moyenne 3.5/5 (2)" in await org_text(world, f"!noter {number} 3", REVIEWER)
    [out] = await org(world, f"!proposition {number}")
    for expected in ("À relire", "Comment nous utilisons Grist.", "Présentation (20 min)",
                     "Alice Martin (DINUM), Bob Durand (Etalab)", ALICE, "3.5/5 (2)",
                     "Très <b>bien</b>", "Journées BlueHats 2026"):
        assert expected in out.reply.plain
    assert "Très &lt;b&gt;bien&lt;/b&gt;" in out.reply.html
    history = [(who, action) for _, who, action, _ in await world.proposals.history(number)]
    assert history == [(ALICE, "submitted"), (ORGANISER, "commented"), (ORGANISER, "scored"),
                       (REVIEWER, "scored"), (REVIEWER, "scored")]
    usage = "Usage : !noter <numéro> <note 1–5> [commentaire] — ex. : !noter 12 4"
    assert await org_text(world, f"!noter {number} 6") == (
        f"La note doit être entre 1 et 5 : 6.\n{usage}")
    assert await org_text(world, "!noter") == f"Il manque le numéro de la proposition.\n{usage}"
    assert "Pas de proposition n° 99" in await org_text(world, "!proposition 99")


@pytest.mark.parametrize(("command", "status", "fr", "en"), [
    ("!accepter", "accepted", "acceptée", "accepted"),
    ("!refuser", "rejected", "refusée", "rejected"),
    ("!attente", "waitlisted", "mise en liste d'attente", "put on the waiting list"),
])
async def test_decisions_are_kept_and_told_to_the_proposer(
        tmp_path: Path, open_world: Opener, command: str, status: str, fr: str,
        en: str) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE, "Décision")
    out = await org(world, f"{command} {number} Merci pour votre proposition !")
    [notice] = [o for o in out if o.to_user == ALICE]
    assert f"a été {fr} par les organisateurs" in notice.reply.plain
    assert "Merci pour votre proposition !" in notice.reply.plain
    assert (await world.proposals.proposal(number)).status == status
    assert (await world.proposals.history(number))[-1][1:] == (
        ORGANISER, status, "Merci pour votre proposition !")
    # in English for a proposer who wrote in English
    await world.dm(BOB, "!propose", "Bob")
    for answer in ("English talk", "1", "What we learnt from Grist.", "me", "yes"):
        await world.dm(BOB, answer, "Bob")
    out = await org(world, f"{command} {number + 1}")
    [notice] = [o for o in out if o.to_user == BOB]
    assert f"has been {en} by the organisers" in notice.reply.plain


async def test_a_withdrawn_proposal_cannot_be_decided(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE)
    await world.dm(ALICE, f"!retirer {number}")
    out = await org(world, f"!accepter {number}")
    assert "retirée" in out[0].reply.plain and not any(o.to_user for o in out)
    assert (await world.proposals.proposal(number)).status == "withdrawn"


async def test_export_is_a_csv_file_of_every_proposal(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.propose(ALICE, "Données, \"guillemets\" et virgules")
    await world.propose(BOB, "=HYPERLINK(\"http://evil\")", name="Bob")
    await org(world, "!noter 1 4")
    await org(world, "!noter 1 5", REVIEWER)
    [out] = await org(world, "!export")
    file = out.reply.attachment
    assert file is not None and file.mimetype == "text/csv" and file.filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(file.data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["title"] == "Données, \"guillemets\" et virgules"
    assert rows[0]["score_average"] == "4.50" and rows[0]["score_count"] == "2"
    assert rows[0]["speakers"] == "Alice Martin (DINUM), Bob Durand (Etalab)"
    assert rows[0]["organisations"] == "DINUM, Etalab" and rows[0]["status"] == "submitted"
    assert rows[1]["title"] == "'=HYPERLINK(\"http://evil\")"  # not run as a formula
    assert rows[1]["proposer"] == BOB and rows[1]["minutes"] == "20"


async def test_scheduling_puts_an_accepted_proposal_in_the_programme(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE, "Grist au programme")
    refused = await org_text(world, f"!planifier {number} 9/12 14h20 Amphi")
    assert "Seule une proposition acceptée" in refused
    await org(world, f"!accepter {number}")
    out = await org(world, f"!planifier {number} mercredi 14h20 Amphi A")
    assert "(id p1)" in out[0].reply.plain
    [notice] = [o for o in out if o.to_user == ALICE]
    assert "mercredi 9 décembre, 14 h 20, salle Amphi A" in notice.reply.plain
    session = world.app.programme.session(f"p{number}")
    assert session is not None
    assert (session.day, session.start, session.end, session.room, session.kind) == (
        date(2026, 12, 9), time(14, 20), time(14, 40), "Amphi A", "talk")
    assert [s.name for s in session.speakers] == ["Alice Martin", "Bob Durand"]
    assert "Bob Durand" in [n for s in world.app.programme.sessions for n in s.speaker_names]
    # the schedule survives a restart: build_app-style loading puts it back
    world = await world.restart()
    assert world.app.programme.session(f"p{number}").start == time(14, 20)
    # rejecting it afterwards takes it out of the programme, once confirmed
    assert "Pour confirmer" in await org_text(world, f"!refuser {number}")
    assert world.app.programme.session(f"p{number}") is not None
    await org(world, f"!refuser {number} confirmer")
    assert world.app.programme.session(f"p{number}") is None


async def test_scheduling_checks_day_and_time(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE)
    await org(world, f"!accepter {number}")
    outside = await org_text(world, f"!planifier {number} 2026-12-24 10h")
    assert "mercredi 9 décembre, jeudi 10 décembre" in outside
    usage = ("Usage : !planifier <numéro> [confirmer] <jour> <heure> [salle] — ex. : "
             "!planifier 12 jeudi 14h20 Turing")
    assert outside == ("Le jour doit être un jour de l'événement (mercredi 9 décembre, jeudi 10 "
                       f"décembre) : « 2026-12-24 ».\n{usage}")
    assert await org_text(world, f"!planifier {number} 10/12 25h") == (
        f"L'heure doit s'écrire 14h20, 14h ou 14:20 : « 25h ».\n{usage}")
    assert await org_text(world, f"!planifier {number}") == f"Il manque le jour.\n{usage}"
    assert world.app.programme.session(f"p{number}") is None
    assert "planifiée" in await org_text(world, f"!planifier {number} 2026-12-10 9:05")
    assert world.app.programme.session(f"p{number}").day == date(2026, 12, 10)


async def test_cfp_sets_lists_and_closes_a_call(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db", calls=[])
    assert "Aucun appel à propositions n'est ouvert" in await world.text(ALICE, "!proposer")
    answer = await org_text(world, "!cfp journées 2026-11-01T00:00 2026-11-30T18:00 2026-12-02")
    assert "Journées BlueHats 2026 (2026-journees-bluehats, ouvert)" in answer
    assert "lundi 30 novembre 2026, 18 h" in answer and "réponse le mercredi 2 décembre" in answer
    assert "titre" in await world.text(ALICE, "!proposer")
    await world.dm(ALICE, "!annuler")
    assert "fermé" in await org_text(world, f"!cfp {EVENT_ID} fermer")
    assert "clos" in await world.text(ALICE, "!proposer")
    usage = ("Usage : !cfp [<événement> <ouverture> <clôture> [réponse] | <événement> fermer] "
             "— ex. : !cfp journées 2026-10-01T00:00 2026-11-20T23:59 2026-11-27")
    assert await org_text(world, f"!cfp {EVENT_ID} demain après") == (
        f"La date d'ouverture doit s'écrire 2026-11-20T23:59 : « demain ».\n{usage}")
    assert await org_text(world, f"!cfp {EVENT_ID} 2026-11-30T00:00 2026-11-01T00:00") == (
        f"La clôture doit suivre l'ouverture.\n{usage}")


async def test_a_long_list_shows_the_first_ones_and_says_how_many_more(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    first = await world.proposals.proposal(await world.propose(ALICE, "Modèle"))
    for n in range(44):
        await world.proposals.add_proposal(replace(first, title=f"Copie {n}"))
    listing = await org_text(world, "!propositions")
    assert "45 proposition(s)" in listing and "… et 5 autres" in listing
    assert "Copie 38" in listing and "Copie 39" not in listing  # the 40 oldest


async def test_withdrawing_a_scheduled_talk_takes_it_out(tmp_path: Path,
                                                         open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    number = await world.propose(ALICE)
    await org(world, f"!accepter {number}")
    await org(world, f"!planifier {number} 10/12 11h")
    assert world.app.programme.session(f"p{number}") is not None
    await world.dm(ALICE, f"!retirer {number}")
    assert world.app.programme.session(f"p{number}") is None
    actions = [action for _, _, action, _ in await world.proposals.history(number)]
    assert actions == ["submitted", "accepted", "scheduled", "withdrawn", "unscheduled"]


async def test_cfp_tells_a_call_not_yet_open_from_an_open_and_a_closed_one(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db", calls=[])  # now: 10 November 2026
    formats = "Éclair (5 min), Présentation (20 min), Démo (15 min), Atelier (60 min)"
    assert await org_text(world, f"!cfp {EVENT_ID} 2027-01-05T09:00 2027-02-01T18:00") == (
        "Appels à propositions :\n• Journées BlueHats 2026 (2026-journees-bluehats, pas "
        "encore ouvert) : mardi 5 janvier 2027, 9 h → lundi 1er février 2027, 18 h · "
        f"{formats}")
    assert "(2026-journees-bluehats, ouvert) : dimanche 1er novembre 2026, 0 h" in \
        await org_text(world, f"!cfp {EVENT_ID} 2026-11-01T00:00 2026-11-30T18:00")
    assert "(2026-journees-bluehats, fermé) : dimanche 1er novembre 2026, 0 h" in \
        await org_text(world, f"!cfp {EVENT_ID} fermer")


async def test_cfp_refuses_an_unknown_event(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db", calls=[])
    assert await org_text(world, "!cfp 2026-x 2026-11-01T00:00 2026-11-30T18:00") == (
        "Événement inconnu : « 2026-x ». Donnez l'identifiant d'un événement du programme "
        "ou d'un appel existant.")
    assert await org_text(world, "!cfp") == "Aucun appel à propositions."
    assert await world.storage.repository(Calls).stored_calls() == []
