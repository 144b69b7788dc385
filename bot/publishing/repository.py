"""What is published of each programme source and what is held (table `programme_versions`),
and the reading reports waiting for the organisers' room (`programme_reports`): a restart
serves the same programme, holds the same versions, and still delivers every report."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from bot.publishing.hold import Reason
from bot.publishing.readings import Version
from bot.storage.repository import Repository
from bot.wording.replies import Reply

STATES = ("published", "held")


@dataclass(frozen=True)
class Stored:
    """A version as the database keeps it: published, or held with why."""

    state: str
    version: Version
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Pending:
    """A report not yet delivered: the room's message and its details for the thread."""

    key: str
    headline: Reply
    details: Reply


class ProgrammeVersions(Repository):
    """The `programme_versions` and `programme_reports` tables: public documents only."""

    tables = ("programme_versions", "programme_reports")
    holds_people = False

    async def stored(self) -> list[Stored]:
        """Every published and held version."""
        async with self.db.execute(
            "SELECT state, source, digest, body, content_type, reasons FROM programme_versions"
        ) as cursor:
            rows = await cursor.fetchall()
        return [Stored(state, Version(source, digest, body, content_type),
                       tuple(Reason(*reason) for reason in json.loads(reasons)))
                for state, source, digest, body, content_type, reasons in rows]

    async def record(self, version: Version, state: str, reasons: tuple[Reason, ...] = (),
                     report: Pending | None = None) -> None:
        """In one transaction: `version` becomes its source's published one (the held one
        goes) or its held one, and its report waits for the room. A published version with
        no text (the file is gone) forgets the source."""
        if state == "published":
            await self._delete(version.source, "held")
        if version.text is None and state == "published":
            await self._delete(version.source, "published")
        else:
            await self.db.execute(
                "INSERT INTO programme_versions (source, state, digest, body, content_type, "
                "reasons, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, state) DO "
                "UPDATE SET digest = excluded.digest, body = excluded.body, "
                "content_type = excluded.content_type, reasons = excluded.reasons, "
                "at = excluded.at",
                (version.source, state, version.digest, version.text, version.content_type,
                 json.dumps([[r.kind, r.before, r.after] for r in reasons]), time.time()))
        if report is not None:
            data = {"headline": [report.headline.plain, report.headline.html],
                    "details": [report.details.plain, report.details.html]}
            await self.db.execute(
                "INSERT INTO programme_reports (key, data, created_at) VALUES (?, ?, ?)",
                (report.key, json.dumps(data, ensure_ascii=False), time.time()))
        await self._commit()

    async def forget_source(self, source: str) -> None:
        """Forget both versions of a source the configuration no longer names."""
        await self._delete(source, *STATES)
        await self._commit()

    async def _delete(self, source: str, *states: str) -> None:
        for state in states:
            await self.db.execute(
                "DELETE FROM programme_versions WHERE source = ? AND state = ?", (source, state))

    async def reports(self) -> list[Pending]:
        """The reports not yet delivered, oldest first."""
        async with self.db.execute(
            "SELECT key, data FROM programme_reports ORDER BY created_at, key"
        ) as cursor:
            rows = await cursor.fetchall()
        found = []
        for key, data in rows:
            parts = json.loads(data)
            found.append(Pending(key, Reply(*parts["headline"]), Reply(*parts["details"])))
        return found

    async def delivered(self, key: str) -> None:
        await self.db.execute("DELETE FROM programme_reports WHERE key = ?", (key,))
        await self._commit()

    async def forget(self, user_id: str, pseudonym: str) -> None:
        """Nothing to do: published programmes and their reports name no user of the bot."""
