"""A whole proposal over a real Synapse: Alice proposes in her direct chat with the bot,
an organiser accepts it in theirs, and Alice is told in a direct message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings.config import ProposalsConfig
from tests.support.proposals_kit import BEFORE_DEADLINE, CALL
from tests.support.synapse import Human, Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse


async def test_from_proposal_to_acceptance_and_notification(
        synapse: Synapse, tmp_path: Path) -> None:
    from bot.settings.clock import FixedClock

    account = synapse.register(unique("bot"))
    # Unencrypted: the humans here are plain clients; encryption is the adapter's own tests'.
    base = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                      encryption=False)
    async with Human.connect(synapse, "alice", displayname="Alice Martin") as alice, \
            Human.connect(synapse, "orga") as orga:
        config = base.model_copy(update={"proposals": ProposalsConfig(
            organisers=[orga.user_id], calls=[CALL])})
        async with running_bot(config, FixedClock(BEFORE_DEADLINE)):
            bot = account.user_id
            room = await alice.create_room(invite=[bot], is_direct=True)
            await alice.wait_joined(room, bot)

            async def ask(text: str) -> str:
                sent = await alice.send(room, text)
                return (await alice.wait_for(lambda m: m.replies_to == sent)).body

            assert "titre" in await ask("!proposer")
            await ask("Grist dans l'administration")
            await ask("2")
            assert "Alice Martin" in await ask("Comment nous utilisons Grist.")
            assert "Alice Martin (DINUM)" in await ask("moi (DINUM)")
            assert "#1" in await ask("oui")

            review = await orga.create_room(invite=[bot], is_direct=True)
            await orga.wait_joined(review, bot)
            listing = await orga.send(review, "!propositions")
            assert "Grist dans l'administration" in (
                await orga.wait_for(lambda m: m.replies_to == listing)).body
            decision = await orga.send(review, "!accepter 1 Bravo, à bientôt !")
            assert "l'auteur est prévenu" in (
                await orga.wait_for(lambda m: m.replies_to == decision)).body

            # The bot opens a new direct chat for this: an invitation, a join and a few
            # syncs; generous, as the machine is shared (about 3 s measured).
            notice = await alice.wait_for(
                lambda m: m.sender == bot and "acceptée" in m.body, timeout=60)
            assert "Grist dans l'administration" in notice.body
            assert "Bravo, à bientôt\u202f!" in notice.body
            assert notice.room != review  # never in the organiser's chat
