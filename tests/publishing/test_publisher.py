"""The publisher on real files and a real SQLite database: an ordinary edit is published
and reported, a version that looks misread is held (the rooms keep the published one, the
organisers get the report) until an organiser publishes it or a later version reads
normally, and all of it survives a restart."""

from __future__ import annotations

import io
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.assemble import build_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming, Outgoing
from bot.programme.model import Programme
from bot.publishing.publisher import Publisher
from bot.publishing.service import deliver
from bot.reminders.changes import changes
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config
from bot.transports.console import ConsoleTransport
from tests.support.paths import FIXTURES, PAGES, SCHEDULES

VERSIONS = FIXTURES / "publishing"
ORGANISER = "@marie:example.org"
ORGANISERS_ROOM = "!organisers:example.org"
NOW = parse_local("2030-06-01 09:00")


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.sent: list[Outgoing] = []
        self.fail = fail

    async def deliver(self, messages: list[Outgoing]) -> None:
        if self.fail:
            raise ConnectionError("homeserver down")
        self.sent.extend(messages)



@pytest.fixture
def folder(tmp_path: Path) -> Path:
    found = tmp_path / "programmes"
    found.mkdir()
    shutil.copy(VERSIONS / "journee-v1.md", found / "journee.md")
    return found


def settings(tmp_path: Path, folder: Path, **sections: object) -> Config:
    return Config.model_validate({
        "programme": {"paths": [str(folder)], "watch": False},
        "storage": {"database": str(tmp_path / "bot.db")},
        "proposals": {"organisers": [ORGANISER], "organisers_room": ORGANISERS_ROOM},
        **sections})


@asynccontextmanager
async def running(config: Config) -> AsyncIterator[App]:
    app = await build_app(config, FixedClock(NOW))
    try:
        yield app
    finally:
        assert app.storage is not None
        await app.storage.close()


def publisher_of(app: App) -> Publisher:
    assert isinstance(app.publishing, Publisher)
    return app.publishing


async def headlines(app: App) -> list[str]:
    return [pending.headline.plain for pending in await publisher_of(app).pending()]


def edit(folder: Path, version: str) -> None:
    shutil.copy(VERSIONS / version, folder / "journee.md")


def titles_at(app: App) -> dict[str, str]:
    return {s.title: s.start.strftime("%H:%M") for s in app.programme.sessions if s.start}


def announced(app: App) -> list[tuple[Programme, Programme]]:
    """What the reminder rooms would be told, reload after reload."""
    seen: list[tuple[Programme, Programme]] = []
    app.on_programme_change(lambda old, new: seen.append((old, new)))
    return seen


async def say(app: App, text: str, sender: str = ORGANISER,
              room: str = "!dm:example.org") -> list[Outgoing]:
    return await handle(app, Incoming(text, sender, room, is_direct=room.startswith("!dm")))


async def test_an_ordinary_edit_is_published_and_reported(tmp_path, folder) -> None:
    async with running(settings(tmp_path, folder)) as app:
        assert await headlines(app) == []  # the first reading of all is not news
        seen = announced(app)
        edit(folder, "journee-v2.md")
        await app.reload()
        assert titles_at(app)["Tchap et ses robots"] == "15:00"
        assert await headlines(app) == [
            "Nouvelle version lue : journee.md — Journée BlueHats 2030 (mercredi 12 juin 2030), "
            "6 sessions ; changements : 1 déplacée."]
        ((old, new),) = seen
        assert [c.kind for c in changes(old, new, NOW, app.catalog.tz)] == ["moved"]


async def test_a_version_read_as_empty_is_held_until_an_organiser_publishes_it(
        tmp_path, folder) -> None:
    async with running(settings(tmp_path, folder)) as app:
        seen = announced(app)
        edit(folder, "journee-vide.md")
        reloaded = await app.reload()
        assert len(app.programme.sessions) == 6  # the rooms keep the published version
        assert [changes(old, new, NOW, app.catalog.tz) for old, new in seen] == [[]]
        assert any("new version held (it has no session left" in p.message
                   for p in reloaded.problems)
        (held,) = await headlines(app)
        assert held.startswith("⚠️ Version retenue : journee.md — elle n'a plus aucune session "
                               "(6 dans la version publiée).")
        assert held.endswith("quand même : !publier journee.md, sinon corrigez la source.")
        (answer,) = await say(app, "!programme", sender="@someone:example.org",
                              room="!room:example.org")
        assert "Tchap et ses robots" in answer.reply.plain

        (refused,) = await say(app, "!publier journee.md", sender="@someone:example.org")
        assert "réservée aux organisateurs" in refused.reply.plain
        answer, to_room = await say(app, "!publier")
        assert answer.reply.plain == (
            "Version publiée : journee.md — Journée BlueHats 2030 (mercredi 12 juin 2030), "
            "aucune session ; changements : 6 retirées.")
        assert to_room.to_room == ORGANISERS_ROOM and to_room.reply == answer.reply
        assert app.programme.sessions == ()
        assert [c.kind for c in changes(*seen[-1], NOW, app.catalog.tz)] == ["cancelled"] * 6
        (nothing,) = await say(app, "!publish")
        assert nothing.reply.plain == "No version is held: what I read is published."


async def test_a_later_version_that_reads_normally_replaces_the_held_one(
        tmp_path, folder) -> None:
    async with running(settings(tmp_path, folder)) as app:
        edit(folder, "journee-vide.md")
        await app.reload()
        edit(folder, "journee-v2.md")
        await app.reload()
        assert publisher_of(app).held == {}
        assert titles_at(app)["Tchap et ses robots"] == "15:00"
        assert (await headlines(app))[-1] == (
            "Nouvelle version lue : journee.md — Journée BlueHats 2030 (mercredi 12 juin 2030), "
            "6 sessions ; changements : 1 déplacée. Elle remplace la version retenue.")


async def test_what_is_published_and_held_survives_a_restart(tmp_path, folder) -> None:
    config = settings(tmp_path, folder)
    async with running(config) as app:
        edit(folder, "journee-vide.md")
        await app.reload()
        assert await deliver(publisher_of(app), Recorder())
    async with running(config) as app:  # the page still reads empty
        assert titles_at(app)["Tchap et ses robots"] == "11:00"
        assert list(publisher_of(app).held) == [str(folder / "journee.md")]
        assert await headlines(app) == []  # held once, reported once
    edit(folder, "journee-v2.md")  # fixed while the bot was stopped
    async with running(config) as app:
        assert titles_at(app)["Tchap et ses robots"] == "15:00"
        assert publisher_of(app).held == {}
        assert (await headlines(app))[-1].endswith("Elle remplace la version retenue.")


async def test_a_page_misread_while_the_bot_was_stopped_is_held_at_start(
        tmp_path, folder) -> None:
    config = settings(tmp_path, folder)
    async with running(config):
        pass
    edit(folder, "journee-vide.md")
    async with running(config) as app:
        assert len(app.programme.sessions) == 6
        (held,) = await headlines(app)
        assert held.startswith("⚠️ Version retenue : journee.md")


async def test_a_file_saved_broken_keeps_its_published_version(tmp_path, folder) -> None:
    yaml_file = folder / "journee-2025.yaml"
    shutil.copy(PAGES / "programme-structure.yaml", yaml_file)
    async with running(settings(tmp_path, folder)) as app:
        before = app.programme.events
        assert {e.title for e in before} >= {"Journée BlueHats 2025"}
        yaml_file.write_text("event:\n  title: [unclosed\n", encoding="utf-8")  # a bad save
        reloaded = await app.reload()
        assert app.programme.events == before  # the 2025 day is not cancelled
        assert [str(p.source.path) for p in reloaded.problems if p.severity == "error"] == [
            str(yaml_file)]
        text = (PAGES / "programme-structure.yaml").read_text("utf-8")
        yaml_file.write_text(text.replace("Grist en 2025", "Grist en 2026"), encoding="utf-8")
        await app.reload()  # fixed, with a real change
        titles = {s.title for s in app.programme.sessions}
        assert "Grist en 2026" in titles and "Grist en 2025" not in titles
        assert len(app.programme.events) == len(before)


async def test_a_schedule_cut_while_being_copied_keeps_its_published_version(tmp_path) -> None:
    schedule = tmp_path / "congress.xml"
    good = (SCHEDULES / "pretalx-like-schedule.xml").read_text("utf-8")
    schedule.write_text(good, encoding="utf-8")
    async with running(settings(tmp_path, schedule)) as app:
        before = app.programme.events
        schedule.write_text(good[: len(good) // 2], encoding="utf-8")
        reloaded = await app.reload()
        assert app.programme.events == before and len(app.programme.sessions) == 128
        errors = [p for p in reloaded.problems if p.severity == "error"]
        assert len(errors) == 1 and "not well-formed XML" in errors[0].message


async def test_a_deleted_file_is_held_and_a_source_no_longer_configured_is_forgotten(
        tmp_path, folder) -> None:
    config = settings(tmp_path, folder)
    async with running(config) as app:
        (folder / "journee.md").unlink()
        await app.reload()
        assert len(app.programme.sessions) == 6
        (held,) = await headlines(app)
        assert "le fichier a disparu (la version publiée a 6 sessions)" in held
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    async with running(settings(tmp_path, elsewhere)) as app:
        assert app.programme.events == ()
        assert publisher_of(app).held == {} and publisher_of(app).published == {}


async def test_a_new_file_is_reported_and_reports_need_an_organisers_room(
        tmp_path, folder) -> None:
    async with running(settings(tmp_path, folder)) as app:
        shutil.copy(PAGES / "journee-puces.md", folder / "rennes.md")
        await app.reload()
        (first,) = await headlines(app)
        assert first.startswith("Nouvelle source lue : rennes.md — Journée du libre à Rennes")
        assert await deliver(publisher_of(app), Recorder())
    quiet = settings(tmp_path, folder, proposals={"organisers": [ORGANISER]})
    async with running(quiet) as app:
        edit(folder, "journee-v2.md")
        await app.reload()
        assert await headlines(app) == []  # no room to tell: the log has it
        assert titles_at(app)["Tchap et ses robots"] == "15:00"


async def test_a_report_goes_to_the_organisers_room_with_its_details_in_the_thread(
        tmp_path, folder) -> None:
    async with running(settings(tmp_path, folder)) as app:
        edit(folder, "journee-v2.md")
        await app.reload()
        publisher = publisher_of(app)
        assert await deliver(publisher, Recorder(fail=True)) is False
        assert len(await publisher.pending()) == 1  # kept for the next try
        transport = Recorder()
        assert await deliver(publisher, transport) is True
        root, thread = transport.sent
        assert (root.to_room, thread.to_room) == (ORGANISERS_ROOM, ORGANISERS_ROOM)
        assert root.key and thread.thread == root.key and thread.key != root.key
        assert root.reply.plain.startswith("Nouvelle version lue : journee.md")
        assert thread.reply.plain.splitlines() == [
            "Journée BlueHats 2030 — mercredi 12 juin 2030",
            "• Mercredi 12 juin : 6 sessions",
            "Changements depuis la version publiée",
            "• Déplacée : « Tchap et ses robots » — mercredi 12 juin, 11 h → 15 h"]
        assert await publisher.pending() == []


async def test_the_console_shows_the_details_under_their_message(tmp_path, folder) -> None:
    async with running(settings(tmp_path, folder)) as app:
        edit(folder, "journee-v2.md")
        await app.reload()
        printed = io.StringIO()
        assert await deliver(publisher_of(app), ConsoleTransport(ORGANISER, printed))
        lines = printed.getvalue().splitlines()
        assert lines[0] == f"[salon {ORGANISERS_ROOM}]"
        assert lines[1].startswith("Nouvelle version lue : journee.md")
        assert lines[3] == f"[salon {ORGANISERS_ROOM}, dans le fil du message précédent]"
        assert lines[4] == "Journée BlueHats 2030 — mercredi 12 juin 2030"


async def test_organisers_check_each_source_on_demand(tmp_path, folder) -> None:
    shutil.copy(PAGES / "salles-jour.md", folder / "forum.md")
    async with running(settings(tmp_path, folder, commands={"language": "en"})) as app:
        edit(folder, "journee-vide.md")
        await app.reload()
        (listing,) = await say(app, "!check")
        assert listing.reply.plain.splitlines() == [
            "Programme sources",
            "• forum.md — Forum des communs 2025 (Tuesday 10 June – Wednesday 11 June 2025), "
            "7 sessions; 1 line not read.",
            "• ⚠️ Version held: journee.md — it has no session left (6 in the published "
            "version). The rooms keep the published version; to publish this one anyway: "
            "!publish journee.md, or else fix the source.",
            "One source in detail: !check <source>"]
        (forum,) = await say(app, "!verifier communs")  # a word of its event
        assert forum.reply.plain.splitlines()[:4] == [
            "forum.md — Forum des communs 2025 (mardi 10 juin – mercredi 11 juin 2025), "
            "7 sessions ; 1 ligne non lue.",
            "Forum des communs 2025 — mardi 10 juin – mercredi 11 juin 2025",
            "• Mardi 10 juin : 6 sessions (Hopper : 3, Turing : 3)",
            "• Mercredi 11 juin : 1 session"]
        (unknown,) = await say(app, "!check nothing-like-it")
        assert unknown.reply.plain == (
            "No source matches “nothing-like-it”. Sources: forum.md, journee.md.")
        (public,) = await say(app, "!check", room="!public:example.org")
        assert "organisers' room" in public.reply.plain


async def test_reload_names_what_is_held_and_publish_asks_which(tmp_path, folder) -> None:
    def other_event(version: str) -> str:
        return (VERSIONS / version).read_text("utf-8").replace("Journée", "Rencontre")

    (folder / "copie.md").write_text(other_event("journee-v1.md"), "utf-8")
    async with running(settings(tmp_path, folder)) as app:
        edit(folder, "journee-vide.md")
        (folder / "copie.md").write_text(other_event("journee-vide.md"), "utf-8")
        (answer,) = await say(app, "!recharger")
        assert answer.reply.plain.splitlines() == [
            "Programme rechargé : 2 événements, 12 sessions.",
            "• ⚠️ copie.md : version retenue, voir !verifier copie.md",
            "• ⚠️ journee.md : version retenue, voir !verifier journee.md"]
        (which,) = await say(app, "!publier")
        assert which.reply.plain.splitlines() == [
            "Versions retenues :",
            "• copie.md — elle n'a plus aucune session (6 dans la version publiée)",
            "• journee.md — elle n'a plus aucune session (6 dans la version publiée)",
            "Précisez laquelle : !publier <source>"]
        (unknown,) = await say(app, "!publier forum")
        assert unknown.reply.plain.startswith("Aucune version retenue ne correspond à « forum ».")
        published, _ = await say(app, "!publier copie")
        assert published.reply.plain.startswith("Version publiée : copie.md")
        assert list(publisher_of(app).held) == [str(folder / "journee.md")]
        assert len(app.programme.sessions) == 6  # journee.md still gives them, as published
