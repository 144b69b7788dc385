"""/healthz: is the bot well? Three checks, each with what it saw:
- sync: the last sync with the homeserver succeeded recently (a long poll returns at
  least every `matrix.sync_timeout_seconds`, so a sync older than that plus a minute means
  the bot is cut off or stuck);
- database: a write goes through (full disk, read-only file, locked);
- programme: at least one event is loaded.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from bot.app import App

SYNC_MARGIN_SECONDS = 60.0
WRITE_TIMEOUT_SECONDS = 5.0
CHECKED = "health.checked_at"


class Health:
    """The checks of one running bot. `last_sync` gives when the last sync succeeded (Unix
    time, None before the first); without it (no Matrix transport) there is no sync check."""

    def __init__(self, app: App, last_sync: Callable[[], float | None] | None = None) -> None:
        self.app = app
        self.last_sync = last_sync

    async def report(self) -> tuple[bool, dict[str, Any]]:
        """(all well, what each check saw)."""
        checks: dict[str, dict[str, Any]] = {}
        if self.last_sync is not None:
            checks["sync"] = self._sync()
        checks["database"] = await self._database()
        checks["programme"] = self._programme()
        healthy = all(check["ok"] for check in checks.values())
        return healthy, {"status": "ok" if healthy else "failing", **checks}

    def _sync(self) -> dict[str, Any]:
        assert self.last_sync is not None
        synced = self.last_sync()
        if synced is None:
            return {"ok": False, "detail": "no sync yet (starting, or the homeserver refuses)"}
        age = max(0.0, time.time() - synced)
        limit = self.app.config.matrix.sync_timeout_seconds + SYNC_MARGIN_SECONDS
        return {"ok": age <= limit, "age_seconds": round(age, 1), "limit_seconds": limit}

    async def _database(self) -> dict[str, Any]:
        storage = self.app.storage
        if storage is None:
            return {"ok": False, "detail": "no database"}
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            await asyncio.wait_for(storage.state.set_state(CHECKED, stamp),
                                   WRITE_TIMEOUT_SECONDS)
        except (sqlite3.Error, TimeoutError, ValueError) as error:  # ValueError: closed
            return {"ok": False, "detail": f"a write fails: {error or 'timed out'}"}
        return {"ok": True}

    def _programme(self) -> dict[str, Any]:
        programme = self.app.programme
        return {"ok": bool(programme.events), "events": len(programme.events),
                "sessions": len(programme.sessions)}
