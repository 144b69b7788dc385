"""Readings of several files made one programme: several versions of one event merge (the
fuller programme wins), and an organisers' structured file completes the event it names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from bot.programme.model import Event, Problem, Programme, SourceRef


class ReadAs(NamedTuple):
    """The format a file was read as: its name, and whether its events complete an event
    of the same id read from another format (organisers' structured files) rather than
    being another version of it."""

    name: str
    completes: bool = False


FileReading = tuple[list[Event], list[Problem], ReadAs | None]
"""What one file gives: its events, its problems, and the format that read it."""


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


def _merge_versions(candidates: list[Event], problems: list[Problem]) -> Event:
    """Two versions of one page: the fuller programme wins; what it lacks, the others give."""
    if len(candidates) == 1:
        return candidates[0]
    ranked = sorted(candidates, key=lambda e: len(e.sessions), reverse=True)
    kept = ranked[0]
    for other in ranked[1:]:
        kept = replace(kept, **_filled(kept, other))
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
    return replace(event, end=max(event.end, completion.end), **_filled(completion, event)
                   ).with_sessions(tuple(s for s in event.sessions if s.id not in ids)
                                   + completion.sessions)


_DETAILS = ("venue", "address", "description", "info", "links", "passages")
"""What one reading of an event says of it besides its programme, which another may give."""


def _filled(first: Event, then: Event) -> dict[str, object]:
    """Each detail of the event as `first` gives it, else as `then` does."""
    return {name: getattr(first, name) or getattr(then, name) for name in _DETAILS}
