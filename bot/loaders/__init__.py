"""Loading programmes: every file format into one `Programme`, and nothing lost silently.

`load_paths` reads files and folders; each file goes to the first format of `FORMATS` that
recognises it. A problem in a file becomes a `Problem` naming the file and line, and the
other files and lines still load. Several versions of one event merge into one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from zoneinfo import ZoneInfo

from bot.formats import c3voc_json, frab_xml
from bot.loaders.page import load_page, looks_like_page
from bot.loaders.yaml_programme import load_yaml_programme, looks_like_yaml_programme
from bot.programme.model import Event, Problem, Programme, SourceRef
from bot.settings.clock import PARIS

log = logging.getLogger(__name__)

Loader = Callable[[Path, str, ZoneInfo], tuple[list[Event], list[Problem]]]


@dataclass(frozen=True)
class FileFormat:
    """A kind of programme file: how to recognise it and how to read it.

    `completes`: its events complete an event of the same id read from another format
    (organisers' structured files), rather than being another version of it.
    """

    name: str
    detect: Callable[[Path, str], bool]
    load: Loader
    completes: bool = False


FORMATS: list[FileFormat] = [
    FileFormat("page", looks_like_page, load_page),
    FileFormat("yaml", looks_like_yaml_programme, load_yaml_programme, completes=True),
    FileFormat("schedule.xml", frab_xml.looks_like_frab, frab_xml.load),
    FileFormat("schedule.json", c3voc_json.looks_like_c3voc, c3voc_json.load),
]
"""Tried in order, first match wins."""

FileReading = tuple[list[Event], list[Problem], FileFormat | None]
"""What one file gives: its events, its problems, and the format that read it."""

_IGNORED = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".ics", ".db", ".csv"}


def load_file(path: Path, tz: ZoneInfo = PARIS) -> FileReading:
    """Read one file with the format that recognises it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [], [Problem(SourceRef(str(path)), f"cannot read the file: {error}", "error")], None
    return load_text(path, text, tz)


def load_text(path: PurePath, text: str, tz: ZoneInfo = PARIS) -> FileReading:
    """Read the text of one programme file (or fetched source, named by `path`)."""
    for file_format in FORMATS:
        if file_format.detect(path, text):
            try:
                events, problems = file_format.load(path, text, tz)
            except MemoryError:  # not the file's fault alone: the reader's budget says it
                raise
            except Exception as error:  # the last line of defence: one file never stops the rest
                log.exception("programme: %s could not be read", path)
                return [], [Problem(SourceRef(str(path)),
                                    f"could not be read as {file_format.name}: "
                                    f"{type(error).__name__}: {error}", "error")], file_format
            return events, problems, file_format
    known = ", ".join(f.name for f in FORMATS)
    return (
        [],
        [Problem(SourceRef(str(path)), f"skipped: not a known programme format ({known})")],
        None,
    )


def load_paths(
    paths: Iterable[Path], tz: ZoneInfo = PARIS, documents: Iterable[tuple[PurePath, str]] = ()
) -> Programme:
    """Load every programme file in `paths` (folders are read recursively, in name order),
    and `documents`, texts already fetched (programme sources by URL)."""
    problems: list[Problem] = []
    inputs = programme_inputs(paths, documents, problems)
    return combine([load_input(path, text, tz) for path, text in inputs], problems)


def programme_inputs(
    paths: Iterable[Path], documents: Iterable[tuple[PurePath, str]], problems: list[Problem]
) -> list[tuple[PurePath, str | None]]:
    """Each file to read (its text None: read it from disk) and each document, in the
    order they load; a path that names nothing is a problem."""
    return [*((path, None) for path in _files(paths, problems)), *documents]


def load_input(path: PurePath, text: str | None, tz: ZoneInfo) -> FileReading:
    """One of `programme_inputs`: the file at `path`, or `text` read as `path`."""
    return load_file(Path(path), tz) if text is None else load_text(path, text, tz)


def combine(readings: Iterable[FileReading], problems: list[Problem]) -> Programme:
    """The programme of every file read, after the `problems` found before reading them:
    several versions of one event merge, an organisers' structured file completes one."""
    versions: dict[str, list[Event]] = {}
    completions: dict[str, list[Event]] = {}
    for events, found, file_format in readings:
        problems.extend(found)
        for event in events:
            target = completions if file_format and file_format.completes else versions
            target.setdefault(event.id, []).append(event)
    merged = []
    for identifier, candidates in versions.items():
        event = _merge_versions(candidates, problems)
        for completion in completions.pop(identifier, []):
            event = _complete(event, completion)
        merged.append(event)
    merged.extend(_merge_versions(extra, problems) for extra in completions.values())
    merged.sort(key=lambda e: (e.start, e.id))
    return Programme(tuple(merged), tuple(problems))


def _files(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in _IGNORED
            )
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(SourceRef(str(path)), "no such file or folder", "error"))
    return found


def _merge_versions(candidates: list[Event], problems: list[Problem]) -> Event:
    """Two versions of one page: the fuller programme wins; what it lacks, the others give."""
    if len(candidates) == 1:
        return candidates[0]
    ranked = sorted(candidates, key=lambda e: len(e.sessions), reverse=True)
    kept = ranked[0]
    for other in ranked[1:]:
        kept = replace(
            kept,
            venue=kept.venue or other.venue,
            address=kept.address or other.address,
            description=kept.description or other.description,
            info=kept.info or other.info,
            links=kept.links or other.links,
            passages=kept.passages or other.passages,
        )
    others = ", ".join(e.source for e in ranked[1:])
    problems.append(
        Problem(
            SourceRef(kept.source),
            f"event {kept.id!r} is published in {len(candidates)} versions ({others}); "
            f"kept the fuller programme from this file ({len(kept.sessions)} sessions)",
        )
    )
    return kept


def _complete(event: Event, completion: Event) -> Event:
    """An organiser's structured file completes a page: what it sets wins, its sessions add."""
    ids = {s.id for s in completion.sessions}
    return replace(
        event,
        end=max(event.end, completion.end),
        venue=completion.venue or event.venue,
        address=completion.address or event.address,
        description=completion.description or event.description,
        info=completion.info or event.info,
        links=completion.links or event.links,
        passages=completion.passages or event.passages,
    ).with_sessions(tuple(s for s in event.sessions if s.id not in ids) + completion.sessions)
