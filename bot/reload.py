"""Reloading the programme from disk: on an organiser's command, or when files change."""

from __future__ import annotations

import asyncio
import logging

import watchfiles

from bot.app import App
from bot.loaders import load_paths
from bot.model import Programme

log = logging.getLogger(__name__)


async def reload_programme(app: App) -> Programme:
    """Load the programme files again and put them in place; listeners see the change."""
    settings = app.config.programme
    files = await asyncio.to_thread(load_paths, settings.paths, settings.tz)
    for problem in files.problems:
        log.log(
            logging.ERROR if problem.severity == "error" else logging.INFO, "programme: %s", problem
        )
    app.update_programme(files=files)
    log.info("programme reloaded: %d events, %d sessions", len(files.events), len(files.sessions))
    return files


async def watch_programme(app: App) -> None:
    """Reload whenever a programme file changes (watchfiles: inotify, no polling loop)."""
    paths = [path for path in app.config.programme.paths if path.exists()]
    if not paths:
        return
    async for _ in watchfiles.awatch(*paths, debounce=1000, recursive=True):
        await reload_programme(app)
