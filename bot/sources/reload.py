"""Reloading the programme: on an organiser's command, when files change, or when a source
given by URL has a new version."""

from __future__ import annotations

import asyncio
import logging

import watchfiles

from bot.app import App
from bot.loaders import load_paths
from bot.programme.model import Programme

log = logging.getLogger(__name__)


async def reload_programme(app: App, fetch: bool = True) -> Programme:
    """Load the programme files again, and the sources given by URL (asked now, unless
    `fetch` is false: the poller has just asked them), and put them in place; listeners
    see the change."""
    settings = app.config.programme
    if fetch and app.sources is not None:
        await app.sources.refresh_now()
    documents = app.sources.documents() if app.sources else []
    files = await asyncio.to_thread(load_paths, settings.paths, settings.tz, documents)
    for problem in files.problems:
        log.log(
            logging.ERROR if problem.severity == "error" else logging.INFO, "programme: %s", problem
        )
    files = keep_last_good(app.files, files)
    app.update_programme(files=files)
    log.info("programme reloaded: %d events, %d sessions", len(files.events), len(files.sessions))
    return files


def keep_last_good(old: Programme, new: Programme) -> Programme:
    """`new`, plus the events of `old` whose file no longer loads at all: a file saved
    broken or half-written must not cancel its event (nor send "cancelled" notices)."""
    failed = {problem.source.path for problem in new.problems if problem.severity == "error"}
    present = {event.id for event in new.events}
    kept = [event for event in old.events if event.source in failed and event.id not in present]
    for event in kept:
        log.warning("programme: %s does not load; keeping its last good version of %s",
                    event.source, event.id)
    if not kept:
        return new
    events = sorted((*new.events, *kept), key=lambda event: (event.start, event.id))
    return Programme(tuple(events), new.problems)


async def watch_programme(app: App) -> None:
    """Reload whenever a programme file changes (watchfiles: inotify, no polling loop)."""
    paths = [path for path in app.config.programme.paths if path.exists()]
    if not paths:
        return
    async for _ in watchfiles.awatch(*paths, debounce=1000, recursive=True):
        try:
            await reload_programme(app)
        except Exception:  # the watcher outlives any one bad reload; the last good stays
            log.exception("programme: reload failed; keeping the programme as it was")


async def follow_sources(app: App) -> None:
    """Poll the programme sources given by URL and reload when one has a new version."""
    if app.sources is not None and app.sources.sources:
        await app.sources.run(lambda: reload_programme(app, fetch=False))
