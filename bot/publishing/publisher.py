"""The publisher: which version of each programme source the rooms see.

Each reload, every source whose text changed is read on its own and judged against its
published version by the hold rule (bot.publishing.hold): a version that reads normally is
published, one that looks misread is held and the published one stays in its place. The
programme the app serves is what the loaders read now, with the events of every held source
as its published version gives them; so nothing of a held version reaches a room, and its
reminders go on as published. Both versions of each source are in the database.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from pathlib import Path

from bot.loaders.worker import reader_for
from bot.programme.model import Problem, Programme, SourceRef
from bot.publishing.diff import diff
from bot.publishing.hold import HoldRule, Reason
from bot.publishing.readings import (
    Reading,
    Version,
    digest,
    named_sources,
    read_within,
    versions_of,
)
from bot.publishing.report import Report, details, headline, reason_text
from bot.publishing.repository import Pending, ProgrammeVersions, Stored
from bot.settings.config import Config, is_url
from bot.sources.remote import RemoteSources

log = logging.getLogger(__name__)


class Publisher:
    """What is published and held of each source; `admit` is what `App.reload` asks."""

    def __init__(self, config: Config, versions: ProgrammeVersions | None = None) -> None:
        self.config = config
        self.rule = HoldRule.from_config(config.publishing)
        self.versions = versions
        self.published: dict[str, Version] = {}
        self.held: dict[str, Stored] = {}
        self.outbox: list[Pending] = []
        """Reports waiting for the transport, when there is no database to keep them."""
        self.reported = asyncio.Event()
        self.reported.set()  # reports left by the last run are sent first
        self._readings: dict[tuple[str, str], Reading] = {}
        self._lock = asyncio.Lock()

    @property
    def lang(self) -> str:
        """The language of the reports."""
        return self.config.publishing.language or self.config.commands.language

    def follows(self, source: str) -> bool:
        """Whether the configuration still names `source`: a URL of `programme.sources`, a
        file of `programme.paths` or in one of its folders."""
        if is_url(source):
            return source in self.config.programme.urls
        path = Path(source)
        return any(path == folder or folder in path.parents
                   for folder in self.config.programme.paths)

    async def load(self) -> None:
        """Take what is published and held from the database; a source the configuration
        no longer names is forgotten."""
        assert self.versions is not None
        for stored in await self.versions.stored():
            source = stored.version.source
            if not self.follows(source):
                await self.versions.forget_source(source)
            elif stored.state == "published":
                self.published[source] = stored.version
            else:
                self.held[source] = stored

    def version(self, source: str) -> Version:
        """The version of `source` in question: the held one, else the published one."""
        held = self.held.get(source)
        return held.version if held is not None else self.published[source]

    async def reading(self, version: Version) -> Reading:
        """What the loaders read in `version` alone (kept while it is published or held)."""
        key = (version.source, version.digest)
        found = self._readings.get(key)
        if found is None:
            settings = self.config.programme
            found = self._readings[key] = await read_within(version, reader_for(settings),
                                                            settings.tz)
        return found

    async def admit(self, candidate: Programme, remote: RemoteSources | None) -> Programme:
        """Judge every source whose text changed since it was published, and return what
        is published of `candidate`, the programme as read now. The first reading of all
        (an empty database) publishes everything and reports nothing."""
        async with self._lock:
            first = not self.published and not self.held
            names = named_sources(candidate) | set(self.published) | set(self.held)
            if remote is not None:
                names |= {source.url for source in remote.sources if source.body is not None}
            now = await asyncio.to_thread(versions_of, sorted(names), remote)
            for version in now.values():
                await self._judge(version, quiet=first)
            self._readings = {key: reading for key, reading in self._readings.items()
                              if self._kept(*key)}
            if not self.held:
                return candidate
            return await self._keep_published(candidate)

    def _kept(self, source: str, version_digest: str) -> bool:
        """Whether the version of `source` with this digest is published or held."""
        published, held = self.published.get(source), self.held.get(source)
        return (published is not None and published.digest == version_digest) or (
            held is not None and held.version.digest == version_digest)

    async def _judge(self, version: Version, quiet: bool) -> None:
        source = version.source
        published, held = self.published.get(source), self.held.get(source)
        if published is not None and published.digest == version.digest:
            if held is not None:  # back to the published text: nothing is held any more
                await self._publish(version, "released", published)
            return
        if held is not None and held.version.digest == version.digest:
            return  # still the version held, already reported
        if published is None and version.gone:
            return  # a path that names nothing, and never did
        before = await self.reading(published) if published else None
        new = await self.reading(version)
        reasons = self.rule.reasons(before, new)
        if reasons:
            self.held[source] = Stored("held", version, reasons)
            report = Report("held", self.label(source), new, before, reasons,
                            self.publish_command(source))
            await self._record(version, "held", reasons, report)
            return
        kind = "released" if held else "first" if before is None else "changed"
        told = not quiet and (held or before is None or _reads_differently(before, new))
        await self._publish(version, kind if told else None, published)

    async def _publish(self, version: Version, kind: str | None,
                       before: Version | None) -> None:
        """Make `version` its source's published one (a file gone: forget the source), and
        report it as `kind` (None: say nothing)."""
        source = version.source
        self.held.pop(source, None)
        if version.gone:
            self.published.pop(source, None)
        else:
            self.published[source] = version
        report = None
        if kind is not None:
            previous = await self.reading(before) if before else None
            report = Report(kind, self.label(source), await self.reading(version), previous)
        await self._record(version, "published", (), report)

    async def publish(self, source: str) -> Version:
        """Publish the held version of `source` (an organiser's `!publier`); the caller
        reloads the programme."""
        async with self._lock:
            held = self.held[source]
            await self._publish(held.version, None, None)
            log.info("programme: %s published by an organiser", source)
            return held.version

    async def _keep_published(self, candidate: Programme) -> Programme:
        """`candidate`, with the events of every held source as published."""
        documents = [(v.name, v.text) for v in self.published.values() if v.text is not None]
        settings = self.config.programme
        published = await reader_for(settings).load_paths([], settings.tz, documents)
        touched: set[str] = set()
        warnings = []
        for source, held in self.held.items():
            touched |= {event.id for event in (await self.reading(held.version)).events}
            if source in self.published:
                touched |= {e.id for e in (await self.reading(self.published[source])).events}
            why = "; ".join(reason_text(reason, "en") for reason in held.reasons)
            warnings.append(Problem(SourceRef(source), f"new version held ({why}): the "
                                    "published version stays until an organiser publishes it "
                                    "or a later version reads normally"))
        events = [e for e in candidate.events if e.id not in touched]
        events += [e for e in published.events if e.id in touched]
        events.sort(key=lambda event: (event.start, event.id))
        return Programme(tuple(events), (*candidate.problems, *warnings))

    def label(self, source: str) -> str:
        """How reports name a source: a URL whole, a file by its short name."""
        return source if is_url(source) else self.short(source)

    def short(self, source: str) -> str:
        """The shortest name that tells `source` apart from the other sources followed: its
        last part (`journee.md`, `schedule.xml`), or the whole source when that is shared."""
        name = _last_part(source)
        shared = any(_last_part(other) == name
                     for other in {*self.published, *self.held} if other != source)
        return source if shared or not name else name

    def publish_command(self, source: str) -> str:
        """`!publier journee.md`, as typed with the configured prefix and language."""
        word = "publier" if self.lang == "fr" else "publish"
        return f"{self.config.commands.prefix}{word} {self.short(source)}"

    async def _record(self, version: Version, state: str, reasons: tuple[Reason, ...],
                      report: Report | None) -> None:
        """Keep the version, and its report for the organisers' room if there is one, in the
        database in one go; the report is logged either way."""
        pending = None
        if report is not None:
            line = headline(report, self.lang)
            log.info("programme: %s", line.plain)
            if self.config.publishing.reports and self.config.proposals.organisers_room:
                # Its own key, kept with it: the homeserver shows a report sent again after
                # a crash once, and a later report of the same version all the same.
                key = digest(f"{report.kind}\n{version.source}\n{time.time_ns()}".encode())
                pending = Pending(key, line.reply(), details(report, self.lang).reply())
        if self.versions is not None:
            await self.versions.record(version, state, reasons, pending)
        elif pending is not None:
            self.outbox.append(pending)
        if pending is not None:
            self.reported.set()

    async def pending(self) -> list[Pending]:
        """The reports not yet delivered, oldest first."""
        return await self.versions.reports() if self.versions is not None else list(self.outbox)

    async def delivered(self, pending: Pending) -> None:
        if self.versions is not None:
            await self.versions.delivered(pending.key)
        elif pending in self.outbox:
            self.outbox.remove(pending)


def _reads_differently(before: Reading, after: Reading) -> bool:
    """Whether a new version says something else than the published one: a session
    changed, an event's name, days or place, or what could not be read."""
    def heads(reading: Reading) -> list[tuple]:
        return [(e.id, e.title, e.start, e.end, e.venue, e.address) for e in reading.events]

    def problems(reading: Reading) -> Counter:
        return Counter((p.severity, p.message) for p in reading.problems)

    return bool(diff(before.sessions, after.sessions)) or heads(before) != heads(after) \
        or problems(before) != problems(after)


def _last_part(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1]
