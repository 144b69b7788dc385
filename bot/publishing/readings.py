"""One programme source, one version at a time: its text (`Version`) and what the loaders
read in it on its own (`Reading`): the events, their sessions by day and room, the problems.

A source is named as the loaders name it in every problem: a file's path, or a URL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from zoneinfo import ZoneInfo

from bot.loaders.inputs import page_text
from bot.loaders.worker import Reader
from bot.programme.model import Event, Problem, Programme, Session, SourceRef
from bot.settings.config import is_url
from bot.sources.fetch import source_name
from bot.sources.remote import RemoteSources

GONE = "gone"
"""The digest of a version that has no text: the file is no longer there."""


def digest(data: bytes) -> str:
    return hashlib.blake2s(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Version:
    """One version of a source: its text (None when the file is gone or unreadable), a
    digest of it, and for a URL the Content-Type it came with (it may give its format)."""

    source: str
    digest: str
    text: str | None = None
    content_type: str = ""
    error: str | None = None
    """Why a file that is there could not be read as text."""

    @property
    def gone(self) -> bool:
        return self.text is None and self.error is None

    @property
    def name(self) -> PurePath:
        """What the loaders read it as: the file, or the URL with its suffix."""
        return source_name(self.source, self.content_type) if is_url(self.source) \
            else Path(self.source)


def text_version(source: str, text: str, content_type: str = "") -> Version:
    return Version(source, digest(text.encode("utf-8", "surrogatepass")), text, content_type)


def file_version(path: str) -> Version:
    """The version of the file at `path` now (blocking: run it in a thread)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Version(path, GONE)
    except OSError as error:
        return Version(path, f"unreadable {error.errno}", error=str(error))
    text = page_text(data)
    if text is None:
        return Version(path, digest(data), error="neither UTF-8 nor text in an older encoding")
    return Version(path, digest(data), text)


def remote_versions(remote: RemoteSources | None) -> dict[str, Version]:
    """The version of each source by URL that ever answered: the last body it gave."""
    if remote is None:
        return {}
    return {source.url: text_version(source.url, source.body, source.content_type)
            for source in remote.sources if source.body is not None}


@dataclass(frozen=True)
class Reading:
    """What the loaders read in one version of one source, on its own."""

    source: str
    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()
    text: str | None = None
    """The version's text, to quote the lines that were not read."""
    gone: bool = False
    sessions: tuple[Session, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sessions", tuple(s for e in self.events for s in e.sessions))

    @property
    def days(self) -> set[tuple[str, date]]:
        """Each (event, day) that has sessions."""
        return {(session.event_id, session.day) for session in self.sessions}

    def line(self, number: int) -> str:
        """Line `number` (1-based) of the text, without its end; '' if there is none."""
        lines = (self.text or "").splitlines()
        return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def read(version: Version, tz: ZoneInfo) -> Reading:
    """What the loaders read in `version` alone (blocking: the bot reads in its worker,
    `read_within`)."""
    # Imported here: only the command line reads in its own process, and the bot's side
    # of the worker never imports the readers.
    from bot.loaders.files import load_text

    if version.text is None:
        return _textless(version)
    events, problems, _ = load_text(version.name, version.text, tz)
    return Reading(version.source, tuple(events), tuple(problems), version.text)


async def read_within(version: Version, reader: Reader, tz: ZoneInfo) -> Reading:
    """What the loaders read in `version` alone, in `reader`'s worker process within its
    budget."""
    if version.text is None:
        return _textless(version)
    events, problems, _ = await reader.load(version.name, version.text, tz)
    return Reading(version.source, tuple(events), tuple(problems), version.text)


def _textless(version: Version) -> Reading:
    problems = () if version.gone else (
        Problem(SourceRef(version.source), f"cannot read the file: {version.error}", "error"),)
    return Reading(version.source, (), problems, None, gone=version.gone)


def whole(source: str, programme: Programme, text: str | None = None) -> Reading:
    """A programme read from several files (a folder) or fetched, as one reading."""
    return Reading(source, programme.events, programme.problems, text)


def named_sources(programme: Programme) -> set[str]:
    """The files and URLs a programme was read from, as its events, sessions and problems
    name them (the sessions scheduled from proposals are not a source)."""
    names = {event.source for event in programme.events if event.source}
    names |= {s.source.path for s in programme.sessions if s.source is not None}
    names |= {problem.source.path for problem in programme.problems}
    return names - {"proposals"}


def versions_of(names: Iterable[str], remote: RemoteSources | None) -> dict[str, Version]:
    """The version now of each named source: the file as it is, the URL as last fetched
    (blocking: run it in a thread)."""
    fetched = remote_versions(remote)
    return {name: fetched.get(name) or file_version(name)
            for name in names if name in fetched or not is_url(name)}


def source_readings(programme: Programme, remote: RemoteSources | None,
                    tz: ZoneInfo) -> list[Reading]:
    """What the loaders read in each source of `programme`, each on its own (blocking)."""
    names = named_sources(programme)
    if remote is not None:
        names |= {source.url for source in remote.sources}
    return [read(version, tz) for _, version in sorted(versions_of(names, remote).items())]
