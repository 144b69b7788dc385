"""Proposing a talk in a direct chat: the guided dialogue, the form, cancel, restart,
deadline, limits, and the proposer's own list and withdrawal."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bot.programme.model import Speaker
from bot.proposals.repositories.drafts import Drafts
from bot.settings.clock import PARIS, FixedClock
from bot.settings.config import CallConfig
from tests.support.proposals_kit import (
    ALICE,
    BEFORE_DEADLINE,
    BOB,
    CALL,
    EVENT_ID,
    ORG_ROOM,
    PUBLIC,
    Opener,
)


async def test_the_guided_dialogue_stores_the_proposal_and_tells_the_organisers(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    first = await world.text(ALICE, "!proposer", "Alice Martin")
    assert "titre" in first  # one call open: the event question is skipped
    assert "format" in await world.text(ALICE, "Grist dans l'administration")
    assert "résumé" in await world.text(ALICE, "2")
    assert "Alice Martin" in await world.text(ALICE, "Comment nous utilisons Grist.")
    summary = await world.text(ALICE, "moi (DINUM), Bob Durand (Etalab)")
    assert "Présentation (20 min)" in summary and "Bob Durand (Etalab)" in summary
    assert await world.proposals.proposals() == []  # nothing kept before the "yes"
    out = await world.dm(ALICE, "oui")
    [proposal] = await world.proposals.proposals()
    assert (proposal.event_id, proposal.title, proposal.format, proposal.minutes) == (
        EVENT_ID, "Grist dans l'administration", "talk", 20)
    assert proposal.speakers == (Speaker("Alice Martin", "DINUM"),
                                 Speaker("Bob Durand", "Etalab"))
    assert proposal.status == "submitted" and proposal.proposer == ALICE
    assert "#1" in out[0].reply.plain and "27 novembre" in out[0].reply.plain
    [announce] = [o for o in out if o.to_room == ORG_ROOM]
    assert "Grist dans l'administration" in announce.reply.plain
    assert await world.storage.repository(Drafts).draft(ALICE) is None


async def test_english_dialogue_answers_in_english(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    assert "title" in await world.text(ALICE, "!propose", "Alice")
    assert "Which format" in await world.text(ALICE, "Open data at scale")
    await world.dm(ALICE, "1")
    await world.dm(ALICE, "Open data, at the scale of a ministry.")
    assert "Lightning (5 min)" in await world.text(ALICE, "me")
    assert "saved" in await world.text(ALICE, "yes")
    [proposal] = await world.proposals.proposals()
    assert proposal.speakers == (Speaker("Alice"),) and proposal.lang == "en"


async def test_cancel_at_any_step_keeps_nothing(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.dm(ALICE, "!proposer")
    await world.dm(ALICE, "Un titre")
    assert "abandonnée" in await world.text(ALICE, "!annuler")
    assert await world.storage.repository(Drafts).draft(ALICE) is None
    assert "Rien à annuler" in await world.text(ALICE, "!annuler")
    await world.dm(ALICE, "!proposer")
    assert "abandonnée" in await world.text(ALICE, "annuler")  # plain word too
    assert await world.proposals.proposals() == []


async def test_a_draft_survives_a_restart(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.dm(ALICE, "!proposer", "Alice")
    await world.dm(ALICE, "Titre avant redémarrage")
    world = await world.restart()
    assert "résumé" in await world.text(ALICE, "1")  # the format question, answered
    await world.dm(ALICE, "Un résumé écrit avant le redémarrage.")
    assert "Titre avant redémarrage" in await world.text(ALICE, "moi")
    await world.dm(ALICE, "oui")
    [proposal] = await world.proposals.proposals()
    assert proposal.title == "Titre avant redémarrage" and proposal.minutes == 5


async def test_after_the_deadline_proposals_are_refused(tmp_path: Path, open_world: Opener) -> None:
    late = FixedClock(datetime(2026, 11, 21, 0, 0, tzinfo=PARIS))
    world = await open_world(tmp_path / "bot.db", late)
    answer = await world.text(ALICE, "!proposer")
    assert "clos depuis le vendredi 20 novembre 2026, 23 h 59" in answer
    assert await world.storage.repository(Drafts).draft(ALICE) is None


async def test_a_deadline_passing_mid_dialogue_refuses_the_confirmation(
        tmp_path: Path, open_world: Opener) -> None:
    clock = FixedClock(datetime(2026, 11, 20, 23, 50, tzinfo=PARIS))
    world = await open_world(tmp_path / "bot.db", clock)
    await world.dm(ALICE, "!proposer titre: T\nformat: 1\nrésumé: R\nintervenants: moi", "A")
    clock.advance(timedelta(minutes=10))
    assert "clos" in await world.text(ALICE, "oui")
    assert await world.proposals.proposals() == []
    assert await world.storage.repository(Drafts).draft(ALICE) is None


async def test_the_one_message_form_goes_straight_to_the_summary(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    form = ("!proposer Titre : Les communs numériques\nFormat : démo\n"
            "Résumé : Une démo de\ndeux lignes.\nIntervenants : Chloé (ANCT)")
    summary = await world.text(ALICE, form)
    assert "Démo (15 min)" in summary and "Chloé (ANCT)" in summary
    await world.dm(ALICE, "oui")
    [proposal] = await world.proposals.proposals()
    assert proposal.abstract == "Une démo de\ndeux lignes." and proposal.format == "demo"


async def test_an_incomplete_form_asks_for_what_is_missing(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    answer = await world.text(ALICE, "!proposer Titre : Seul le titre\nFormat : karaoké")
    assert "Ce format n'est pas proposé" in answer and "Quel format" in answer


async def test_too_long_title_is_asked_again(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.dm(ALICE, "!proposer")
    answer = await world.text(ALICE, "x" * 151)
    assert "trop long (151 caractères, 150 au plus)" in answer
    assert "titre" in answer
    assert "format" in await world.text(ALICE, "x" * 150)


async def test_too_short_an_abstract_is_asked_again(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db", min_abstract_length=25)
    for answer in ("!proposer", "Grist au quotidien", "2"):
        await world.dm(ALICE, answer)
    assert await world.text(ALICE, "Ok") == (
        "Le résumé est trop court (2 caractères, 25 au moins).\n"
        "Votre résumé, en un message (ce que le public va découvrir) :")
    assert "Qui intervient ?" in await world.text(ALICE, "Ce que Grist change au quotidien.")
    form = "!proposer Titre : Grist\nFormat : talk\nRésumé : À venir.\nIntervenants : moi"
    assert "Le résumé est trop court (8 caractères, 25 au moins)." in await world.text(BOB, form)


async def test_several_open_calls_ask_for_the_event_first(
        tmp_path: Path, open_world: Opener) -> None:
    other = CallConfig(event="2026-meetup", title="Meetup BlueHats", opens=CALL.opens,
                       closes=CALL.closes + timedelta(days=3), formats=["eclair"])
    world = await open_world(tmp_path / "bot.db", calls=[CALL, other])
    question = await world.text(ALICE, "!proposer")
    assert "1. Journées BlueHats 2026" in question and "2. Meetup BlueHats" in question
    assert "Je ne trouve pas" in await world.text(ALICE, "7")
    assert "titre" in await world.text(ALICE, "2")
    # one format only in the meetup's call: the format question is skipped
    assert "résumé" in await world.text(ALICE, "Un éclair")


async def test_in_a_public_room_proposing_points_to_the_direct_chat(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    [out] = await world.say(ALICE, PUBLIC, "!proposer")
    assert "message direct" in out.reply.plain and "!proposer" in out.reply.plain
    assert await world.storage.repository(Drafts).draft(ALICE) is None


async def test_other_commands_still_work_during_a_dialogue(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.dm(ALICE, "!proposer")
    assert "aucune proposition" in (await world.text(ALICE, "!mes-propositions")).lower()
    assert "déjà en cours" in await world.text(ALICE, "!proposer")
    assert "format" in await world.text(ALICE, "Mon titre")


async def test_proposers_see_and_withdraw_only_their_own(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    mine = await world.propose(ALICE, "Proposition d'Alice")
    theirs = await world.propose(BOB, "Proposition de Bob", name="Bob")
    listing = await world.text(ALICE, "!mes-propositions")
    assert "Proposition d'Alice" in listing and "Bob" not in listing.replace("Bob Durand", "")
    assert "pas de proposition" in await world.text(ALICE, f"!retirer {theirs}")
    assert (await world.proposals.proposal(theirs)).status == "submitted"
    out = await world.dm(ALICE, f"!retirer {mine}")
    assert "retirée" in out[0].reply.plain
    assert any(o.to_room == ORG_ROOM for o in out)
    assert (await world.proposals.proposal(mine)).status == "withdrawn"
    assert "déjà retirée" in await world.text(ALICE, f"!retirer {mine}")
    assert await world.text(ALICE, "!retirer") == (
        "Il manque le numéro de la proposition.\n"
        "Usage : !retirer <numéro> — ex. : !retirer 3")


async def test_titles_are_escaped_in_html(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    await world.dm(ALICE, "!proposer")
    await world.dm(ALICE, "<script>alert(1)</script> & co")
    await world.dm(ALICE, "1")
    await world.dm(ALICE, "<b>gras</b> et <i>italique</i> dans le résumé")
    [out] = await world.dm(ALICE, "moi")
    assert "<script>" not in out.reply.html and "&lt;script&gt;" in out.reply.html
    assert "<b>gras</b>" not in out.reply.html


async def test_the_pending_limit_stops_a_flood(tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db", max_pending_per_user=1)
    await world.propose(ALICE)
    assert "déjà 1 propositions en attente" in await world.text(ALICE, "!proposer")


def test_the_dialogue_names_the_cancel_command_with_the_configured_prefix() -> None:
    from bot.programme.model import Programme
    from bot.proposals import dialogue
    from bot.proposals.calls import call_from_config
    from bot.settings.config import ProposalsConfig

    settings = ProposalsConfig()
    calls = (call_from_config(CALL, settings, Programme(), PARIS),)
    french = dialogue.start(calls, BEFORE_DEADLINE, "fr", "Alice", "", settings, "?")
    assert french.reply.plain.startswith(
        "Proposons une intervention ! Répondez à chaque question ; ?annuler pour abandonner "
        "à tout moment.")
    english = dialogue.start(calls, BEFORE_DEADLINE, "en", "Alice", "", settings, "?")
    assert english.reply.plain.startswith(
        "Let's propose a talk! Answer each question; ?cancel to give up at any time.")
