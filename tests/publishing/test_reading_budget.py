"""A page over the reading budget, on a running bot with its database: it is stopped and
named in the reload's problems, the published version stays, and commands are answered
while it is being read. The budget is a quarter of what the page takes to read in a worker
of its own (measured first): a ratio, not a wall-clock limit."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from bench.load import big_page
from bot.cli.assemble import build_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config
from tests.support.hostile import worker_time
from tests.support.paths import FIXTURES

NOW = parse_local("2030-06-12 09:00")
"""Before the first talk of the published version (9 h 30 … 14 h, six sessions)."""


async def test_a_page_over_budget_is_stopped_while_the_bot_answers(tmp_path: Path) -> None:
    page = big_page(300_000)
    spent = await worker_time(page)
    folder = tmp_path / "programmes"
    folder.mkdir()
    shutil.copy(FIXTURES / "publishing" / "journee-v1.md", folder / "journee.md")
    config = Config.model_validate({
        "programme": {"paths": [str(folder)], "watch": False,
                      "read_timeout_seconds": spent / 4},
        "storage": {"database": str(tmp_path / "bot.db")}})
    app = await build_app(config, FixedClock(NOW))
    try:
        published = {s.title for s in app.programme.sessions}
        assert len(published) == 6

        (folder / "journee.md").write_text(page, encoding="utf-8")
        reload = asyncio.create_task(app.reload())
        answers = []
        while not reload.done():
            reply = await handle(app, Incoming("!prochain", "@a:example.org", "!dm:example.org",
                                               is_direct=True))
            answers.append(reply[0].reply.plain)
            await asyncio.sleep(0.01)  # not 0: a loop that only answers starves the reload
        await reload

        assert len(answers) >= 2, answers  # answered again and again while the page was read
        assert all("Accueil café" in answer for answer in answers)
        assert {s.title for s in app.programme.sessions} == published  # the last good stays
        (stopped,) = [p for p in app.programme.problems if p.message.startswith("not read")]
        assert stopped.source.path == str(folder / "journee.md")
        assert "reading it took more than" in stopped.message
    finally:
        assert app.storage is not None
        await app.storage.close()

