"""Reloading the programme files while the bot runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.cli.assemble import new_app
from bot.loaders import load_paths
from bot.programme.model import Programme
from bot.settings.config import Config
from tests.support.paths import PAGES, SCHEDULES


async def test_a_file_saved_broken_keeps_its_last_good_version(tmp_path: Path) -> None:
    folder = tmp_path / "programmes"
    folder.mkdir()
    yaml_file = folder / "journee-2025.yaml"
    shutil.copy(PAGES / "programme-structure.yaml", yaml_file)
    shutil.copy(PAGES / "journee-puces.md", folder / "journee-puces.md")
    config = Config.model_validate({"programme": {"paths": [str(folder)]}})
    app = new_app(config, load_paths(config.programme.paths, config.programme.tz))
    seen: list[tuple[Programme, Programme]] = []
    app.on_programme_change(lambda old, new: seen.append((old, new)))
    before = app.programme.events
    assert {e.title for e in before} >= {"Journée BlueHats 2025"}

    yaml_file.write_text("event:\n  title: [unclosed\n", encoding="utf-8")  # a bad save
    reloaded = await app.reload()
    assert app.programme.events == before  # the 2025 day is not cancelled
    assert [str(p.source.path) for p in reloaded.problems if p.severity == "error"] == [
        str(yaml_file)]

    shutil.copy(PAGES / "programme-structure.yaml", yaml_file)
    text = yaml_file.read_text(encoding="utf-8").replace("Grist en 2025", "Grist en 2026")
    yaml_file.write_text(text, encoding="utf-8")  # fixed, with a real change
    await app.reload()
    titles = {s.title for s in app.programme.sessions}
    assert "Grist en 2026" in titles and "Grist en 2025" not in titles
    assert len(app.programme.events) == len(before)
    assert len(seen) == 2


async def test_a_schedule_saved_broken_keeps_its_last_good_version(tmp_path: Path) -> None:
    schedule = tmp_path / "congress.xml"
    good = (SCHEDULES / "pretalx-like-schedule.xml").read_text("utf-8")
    schedule.write_text(good, encoding="utf-8")
    config = Config.model_validate({"programme": {"paths": [str(tmp_path)]}})
    app = new_app(config, load_paths(config.programme.paths, config.programme.tz))
    before = app.programme.events
    schedule.write_text(good[: len(good) // 2], encoding="utf-8")  # cut while being copied
    reloaded = await app.reload()
    assert app.programme.events == before and len(app.programme.sessions) == 128
    (problem,) = reloaded.problems
    assert problem.severity == "error" and "not well-formed XML" in problem.message
