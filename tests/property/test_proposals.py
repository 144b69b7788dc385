"""Whatever a proposer or an organiser types, the proposal commands answer without an
internal error, and a proposal stored from any dialogue respects the limits."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.proposals_kit import ALICE, ORGANISER, World

ANSWERS = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["1", "2", "9", "oui", "non", "yes", "moi", "moi (DINUM)", "", " ",
                     "!annuler", "!proposer", "<b>x</b>", "a, b; (c)", "((", "x" * 2100,
                     "Titre : T\nFormat : 1", "!retirer 1", "!mes-propositions"]),
)
REVIEW = st.sampled_from(["!propositions", "!proposition", "!noter", "!commenter",
                          "!accepter", "!refuser", "!attente", "!planifier", "!cfp",
                          "!export"])


def run(texts: list[str], review: list[tuple[str, str]]) -> None:
    async def scenario() -> None:
        with tempfile.TemporaryDirectory() as folder:
            world = await World.open(Path(folder) / "bot.db")
            try:
                replies = []
                for text in ["!proposer", *texts]:
                    replies += await world.dm(ALICE, text, "Alice")
                for name, args in review:
                    replies += await world.dm(ORGANISER, f"{name} {args}")
                for out in replies:
                    assert "erreur interne" not in out.reply.plain, out
                limits = world.app.config.proposals
                for proposal in await world.proposals.proposals():
                    assert 0 < len(proposal.title) <= limits.max_title_length
                    abstract = len(proposal.abstract)
                    assert limits.min_abstract_length <= abstract <= limits.max_abstract_length
                    assert proposal.speakers
            finally:
                await world.storage.close()

    asyncio.run(scenario())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANSWERS, max_size=8),
       st.lists(st.tuples(REVIEW, st.text(max_size=40)), max_size=4))
def test_any_dialogue_and_review_input_is_answered_without_failure(
        texts: list[str], review: list[tuple[str, str]]) -> None:
    run(texts, review)
