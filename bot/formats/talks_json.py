"""A JSON export of talks in a conference tool's own shape, not the c3voc one: the pretalx
API's submissions, each with its `slot`; Sessionize's sessions (`startsAt`, `endsAt`); a
site's data file grouping them by day, hour and room. Every object with a title and a start
instant (its own or its slot's) is a session, wherever it sits in the file; the event is the
one the file names (`conference` or `event`), else the file's name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.formats.reading import (
    Entry,
    JsonLines,
    Sessions,
    dedent,
    entry,
    kind_of,
    label,
    parse_duration,
    parse_when,
    person_name,
    speakers_of,
    text_value,
    type_words,
)
from bot.programme.model import Event, Link, Problem, SourceRef, event_id

STARTS = ("start", "startsAt", "starts_at", "start_time", "begin")
ENDS = ("end", "endsAt", "ends_at", "end_time")
PEOPLE = ("speakers", "persons", "presenters")
TYPES = ("submission_type", "session_type", "sessionType", "format", "type")
_DATED = re.compile(r"\d{4}-\d\d-\d\d")


def looks_like_talks_json(path: Path, text: str) -> bool:
    """A .json file with titles (c3voc's schedule.json is recognised before)."""
    return path.suffix.lower() == ".json" and text.lstrip()[:1] in ("{", "[") and (
        '"title"' in text)


def load(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """The event of a talks JSON file, and a problem for each talk that cannot be read."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(SourceRef(str(path), error.lineno), f"not JSON: {error.msg}",
                            "error")]
    read: list[tuple[Entry, int]] = []
    problems: list[Problem] = []
    lines = JsonLines(text)
    for talk in talks(data):
        line = lines.of(talk)
        for placed in _placed(talk):
            try:
                read.append((_entry(placed, tz), line))
            except (KeyError, TypeError, ValueError) as error:
                problems.append(Problem(SourceRef(str(path), line),
                                        f"talk {text_value(talk.get('title'))[:60]!r} skipped: "
                                        f"{type(error).__name__}: {error}"))
    if not read:
        return [], [*problems, Problem(SourceRef(str(path)), "no talk found: expected objects "
                                       "with a \"title\" and a start date-time (\"start\", "
                                       "\"startsAt\" or a \"slot\" with a \"start\")", "error")]
    title = _event_title(data, path)
    days = sorted({(found.start.astimezone(tz) if found.start.tzinfo else found.start).date()
                   for found, _line in read})
    identifier = event_id(title, days[0])
    maker = Sessions(identifier, tz, tz)
    sessions = [maker.make(found, line, str(path)) for found, line in read]
    event = Event(identifier, title, days[0], days[-1], source=str(path))
    return [maker.event(event, sessions, problems, [])], problems


def talks(data: Any) -> Iterator[dict]:
    """The objects of `data` that are talks, in file order; what a talk holds (its speakers,
    its slot) is not searched further."""
    if isinstance(data, dict):
        if isinstance(data.get("title"), (str, dict)) and _start_text(data) is not None:
            yield data
            return
        for value in data.values():
            yield from talks(value)
    elif isinstance(data, list):
        for value in data:
            yield from talks(value)


def _placed(item: dict) -> list[dict]:
    """The talk once in each of its `slots` (pretalx's API since 2025 lists them; a talk
    given twice has two), else as it is."""
    slots = [slot for slot in item.get("slots") or [] if isinstance(slot, dict)]
    return [{**item, "slot": slot} for slot in slots] or [item]


def _places(item: dict) -> list[dict]:
    """Where a talk's fields are: itself, its slot, its first slot."""
    slots = item.get("slots")
    first = slots[0] if isinstance(slots, list) and slots else None
    return [place for place in (item, item.get("slot"), first) if isinstance(place, dict)]


def _start_text(item: dict) -> str | None:
    """The start a talk gives, in itself or in its slot: a text with a date."""
    for place in _places(item):
        for key in STARTS:
            value = place.get(key)
            if isinstance(value, str) and _DATED.match(value.strip()):
                return value
    return None


def _field(item: dict, keys: tuple[str, ...]) -> Any:
    """The first of `keys` the talk or its slot gives."""
    for place in _places(item):
        for key in keys:
            if place.get(key) not in (None, "", []):
                return place[key]
    return None


def _entry(item: dict, tz: ZoneInfo) -> Entry:
    title = " ".join(text_value(item["title"]).split())
    if not title:
        raise ValueError("no title")
    start = parse_when(str(_start_text(item)), tz)
    ends, minutes = _field(item, ENDS), item.get("duration")
    end: datetime | None = None
    if isinstance(ends, str):
        end = parse_when(ends, tz)
    elif isinstance(minutes, int) and not isinstance(minutes, bool) and minutes > 0:
        end = start + timedelta(minutes=minutes)  # pretalx: minutes
    elif isinstance(minutes, str) and minutes.strip():
        end = start + parse_duration(minutes)
    kind = label(_field(item, TYPES))  # a name, or an object naming it (pretalx: {"name": …})
    people = _field(item, PEOPLE) or []
    return entry(
        title, start, end,
        speakers=speakers_of(map(person_name, people)),
        room=label(_field(item, ("room", "location"))) or None,
        kind=kind_of(kind, title),
        section=type_words(kind),
        track=label(item.get("track")) or None,
        description=dedent(text_value(item.get("description") or item.get("abstract"))),
        guid=text_value(item.get("guid") or item.get("code")).strip() or None,
        url=text_value(item.get("url")).strip() or None,
        links=tuple(Link(text_value(res.get("description")) or "support", link)
                    for res in item.get("resources") or [] if isinstance(res, dict)
                    and (link := text_value(res.get("resource") or res.get("url")).strip())),
    )


def _event_title(data: Any, path: Path) -> str:
    """The title the file gives its event, else its name ('pyconfr-2024' → 'pyconfr 2024')."""
    if isinstance(data, dict):
        for key in ("conference", "event"):
            named = data.get(key)
            if isinstance(named, dict) and (title := text_value(
                    named.get("title") or named.get("name")).strip()):
                return title
    return re.sub(r"[-_]+", " ", path.stem).strip() or "Programme"
