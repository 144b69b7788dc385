"""Publishing through a real Synapse: an organiser edits a followed page (served over HTTP on
127.0.0.1) and the bot follows it. A talk moved: the organisers' room gets the reading
report, the reminder room the change. Then a version the loaders read as empty: the reminder
room hears nothing, `!programme` still answers the published programme, the organisers'
room gets the held report, and `!publier` publishes it."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from bench.load import big_page
from bot.cli.assemble import background_services
from bot.settings.config import Config
from tests.support.hostile import worker_time
from tests.support.http import local_site
from tests.support.paths import FIXTURES
from tests.support.synapse import Human, Seen, Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse

VERSIONS = FIXTURES / "publishing"


@dataclass
class Page:
    """The organisers' page as their site serves it; the test edits `body`."""

    body: bytes
    url: str = ""
    served: list[bytes] = field(default_factory=list)
    """Each body sent whole (not 304)."""

    async def answer(self, request: web.Request) -> web.Response:
        etag = '"' + hashlib.blake2s(self.body, digest_size=8).hexdigest() + '"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304)
        self.served.append(self.body)
        return web.Response(body=self.body, headers={"ETag": etag},
                            content_type="text/markdown", charset="utf-8")


@contextlib.asynccontextmanager
async def site(page: Page) -> AsyncIterator[Page]:
    async with local_site(page.answer, "/journee.md") as (_, base):
        page.url = f"{base}/journee.md"
        yield page


async def test_an_edited_page_is_reported_and_a_misread_one_held_until_published(
        synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    bot = account.user_id
    base = bot_config(synapse, tmp_path, account, allowed_servers=[synapse.server_name],
                      encryption=False)
    page = Page((VERSIONS / "journee-v1.md").read_bytes())
    async with site(page), Human.connect(synapse, "orga") as orga:
        organisers = await orga.create_room(invite=[bot], name="Organisation")
        room = await orga.create_room(invite=[bot], name="BlueHats")
        settings = base.model_dump()
        settings["programme"].update(sources=[page.url], poll_minutes=0.02, watch=False)
        settings["proposals"].update(organisers=[orga.user_id], organisers_room=organisers)
        settings["reminders"].update(rooms=[{"room": room}], digest_time=None)
        config = Config.model_validate(settings)
        async with running_bot(config, services=tuple(background_services(config))):
            await orga.wait_joined(organisers, bot)
            await orga.wait_joined(room, bot)

            def from_bot(where: str, words: str) -> Callable[[Seen], bool]:
                return lambda m: m.sender == bot and m.room == where and words in m.body

            async def ask(where: str, text: str) -> Seen:
                sent = await orga.send(where, text)
                return await orga.wait_for(lambda m: m.replies_to == sent, timeout=30)

            # An ordinary edit: one talk moved.
            page.body = (VERSIONS / "journee-v2.md").read_bytes()
            report = await orga.wait_for(from_bot(organisers, "Nouvelle version lue"), 30)
            assert report.body.endswith("/journee.md — Journée BlueHats 2030 (mercredi 12 juin "
                                        "2030), 6 sessions\u202f; changements\u00a0: 1 déplacée.")
            details = await orga.wait_for(lambda m: m.thread == report.event_id, 30)
            assert "Tchap et ses robots" in details.body and "11 h → 15 h" in details.body
            change = await orga.wait_for(from_bot(room, "Changement"), 30)
            assert "Tchap et ses robots" in change.body and "15 h" in change.body

            # A version read as empty: held.
            told = orga.count(lambda m: m.sender == bot and m.room == room)
            page.body = (VERSIONS / "journee-vide.md").read_bytes()
            held = await orga.wait_for(from_bot(organisers, "Version retenue"), 30)
            assert "elle n'a plus aucune session (6 dans la version publiée)" in held.body
            assert "!publier journee.md" in held.body
            held_details = await orga.wait_for(lambda m: m.thread == held.event_id, 30)
            assert "Retirée" in held_details.body
            answer = await ask(room, "!programme")
            assert "Tchap et ses robots" in answer.body and "Grist" in answer.body
            await orga.settle(3)  # a few polls more: still nothing for the room
            assert orga.count(lambda m: m.sender == bot and m.room == room) == told + 1

            published = await ask(organisers, "!publier")
            assert published.body == (
                f"Version publiée\u00a0: {page.url} — Journée BlueHats 2030 (mercredi 12 juin "
                "2030), aucune session\u202f; changements\u00a0: 6 retirées.")
            cancelled = await orga.wait_for(from_bot(room, "Annulé"), 30)
            assert "Tchap et ses robots" in cancelled.body
            answer = await ask(room, "!programme")
            assert "Tchap et ses robots" not in answer.body


async def test_a_page_over_the_reading_budget_is_held_while_the_bot_answers(
        synapse: Synapse, tmp_path: Path) -> None:
    """The budget is half of what the page takes to read in a worker: the poller fetches it, the
    worker is stopped (once for the programme, once for the publisher's reading: the whole
    reading time), the version held; a question asked once the page was served is answered
    before the report, in the same room: while the bot was reading."""
    hostile = big_page(600_000)
    spent = await worker_time(hostile)
    account = synapse.register(unique("bot"))
    bot = account.user_id
    base = bot_config(synapse, tmp_path, account, allowed_servers=[synapse.server_name],
                      encryption=False)
    page = Page((VERSIONS / "journee-v1.md").read_bytes())
    async with site(page), Human.connect(synapse, "orga") as orga:
        organisers = await orga.create_room(invite=[bot], name="Organisation")
        settings = base.model_dump()
        settings["programme"].update(sources=[page.url], poll_minutes=0.02, watch=False,
                                     read_timeout_seconds=spent / 2)
        settings["proposals"].update(organisers=[orga.user_id], organisers_room=organisers)
        config = Config.model_validate(settings)
        async with running_bot(config, services=tuple(background_services(config))):
            await orga.wait_joined(organisers, bot)
            page.body = hostile.encode("utf-8")
            await orga.wait_until(lambda: page.body in page.served, timeout=30)
            sent = await orga.send(organisers, "!programme")
            answer = await orga.wait_for(lambda m: m.replies_to == sent, timeout=30)
            held = await orga.wait_for(lambda m: m.sender == bot and m.room == organisers
                                       and "Version retenue" in m.body, timeout=60)
            assert "aucun programme n'y est lu (la version publiée a 6 sessions)" in held.body
            assert "Tchap et ses robots" in answer.body  # the published version, answered
            assert orga.messages.index(answer) < orga.messages.index(held)
            again = await orga.send(organisers, "!programme")
            after = await orga.wait_for(lambda m: m.replies_to == again, timeout=30)
            assert "Tchap et ses robots" in after.body  # the last good version stays
