"""The c3voc `schedule.json`: the JSON twin of schedule.xml that Giggity, Confy and the
c3voc tools read.

Export writes version 1 (events under `conference.days[].rooms`), valid by the official
schema. Import reads version 1 and version 2 (events in `schedule.events`, as the CCC hub
publishes), from frab, pretalx or the c3voc tools; each problem names the file and, when
it can be found, the line of the event.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.formats.common import (
    NAMESPACE,
    Timed,
    acronym,
    day_bounds,
    export_days,
    hhmm,
    identities,
    time_zone,
    timed,
    uri,
)
from bot.formats.frab_xml import GENERATOR, NO_ROOM
from bot.formats.reading import (
    Entry,
    JsonLines,
    Sessions,
    dated_start,
    dedent,
    entry,
    kind_of,
    label,
    parse_duration,
    parse_when,
    person_name,
    speakers_of,
    start_in_day,
    text_value,
    type_words,
)
from bot.programme.model import Event, Link, Problem, Session, SourceRef, event_id
from bot.programme.queries import Agenda

SCHEMA = "https://c3voc.de/schedule/schema.json"


def room_guid(event: Event, room: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{event.id}/room/{room}"))


def export(event: Event, agenda: Agenda) -> tuple[bytes, list[Session]]:
    """The event as schedule.json, and the sessions left out because they have no time."""
    sessions, untimed, zone = timed(event, agenda)
    names = identities(event, sessions)
    rooms = sorted({item.session.room or NO_ROOM for item in sessions})
    days = []
    for index, day in enumerate(export_days(event, sessions), start=1):
        items = [item for item in sessions if item.start.date() == day]
        first, last = day_bounds(day, items, zone)
        by_room: dict[str, list[dict]] = {room: [] for room in rooms}
        for item in items:
            by_room[item.session.room or NO_ROOM].append(_event(item, names))
        days.append({"index": index, "date": day.isoformat(), "day_start": first.isoformat(),
                     "day_end": last.isoformat(), "rooms": by_room})
    conference: dict[str, Any] = {
        "acronym": acronym(event),
        "title": event.title,
        "start": days[0]["date"],
        "end": days[-1]["date"],
        "daysCount": len(days),
        "timeslot_duration": "00:05",
        "time_zone_name": str(zone),
        "rooms": [{"name": room, "guid": room_guid(event, room)} for room in rooms],
        "days": days,
    }
    if uri(event.url):
        conference["url"] = uri(event.url)
    document = {
        "$schema": SCHEMA,
        "generator": GENERATOR,
        "schedule": {"version": "1.0", "conference": conference},
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode(), untimed


def _event(item: Timed, names: dict) -> dict:
    session, name = item.session, names[item.session.id]
    return {
        "guid": name.guid,
        "id": name.number,
        "date": item.start.isoformat(),
        "start": item.start.strftime("%H:%M"),
        "end": item.end.isoformat(),
        "duration": hhmm(item.end - item.start),
        "room": session.room or NO_ROOM,
        "slug": name.slug,
        "url": uri(session.url) or f"urn:uuid:{name.guid}",
        "title": session.title,
        "subtitle": session.subtitle,
        "language": session.language,
        "track": session.track,
        "type": session.kind,
        "abstract": session.abstract,
        "description": session.description,
        "persons": [{"name": s.name, "public_name": s.name} for s in session.speakers],
        "links": [{"url": uri(link.url), "title": link.text} for link in session.links
                  if uri(link.url)],
    }


def looks_like_c3voc(path: Path, text: str) -> bool:
    """A .json file that opens with a schedule and its conference (another tool's
    `{"schedule": {"2024-11-02": …}}` is a talks JSON, bot.formats.talks_json)."""
    head = text[:5000]
    return path.suffix.lower() == ".json" and '"schedule"' in head and '"conference"' in head


def load(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read a schedule.json (version 1 or 2); bad events are reported and skipped."""
    text, replaced = _without_lone_surrogates(text)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(SourceRef(str(path), error.lineno),
                            f"not valid JSON: {error.msg}", "error")]
    try:
        schedule = document["schedule"]
        conference = schedule["conference"]
        title = str(conference.get("title") or path.stem).strip()
        first = date.fromisoformat(str(conference["start"])[:10])
        last = date.fromisoformat(str(conference.get("end") or conference["start"])[:10])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return [], [Problem(SourceRef(str(path)),
                            f"schedule.json: expected schedule.conference with a title and "
                            f"a start date ({type(error).__name__}: {error})", "error")]
    zone_name = time_zone(str(conference.get("time_zone_name") or ""))
    zone = ZoneInfo(zone_name) if zone_name else tz
    identifier = event_id(title, first)
    acronym_text = str(conference.get("acronym") or "").strip()
    url = text_value(conference.get("url")).strip()
    event = Event(identifier, title, first, max(first, last), source=str(path),
                  short_name=acronym_text or None, time_zone=zone_name, url=url or None,
                  description=dedent(text_value(conference.get("description"))),
                  links=(Link(title, url),) if url else ())
    maker = Sessions(identifier, tz, zone)
    lines = JsonLines(text)
    sessions, problems = [], []
    days = conference.get("days") or []
    if not isinstance(days, list):
        problems.append(Problem(SourceRef(str(path), lines.find("days")),
                                "conference.days: expected a list of days; none read"))
        days = []
    for item, day in _items(schedule, days):
        line = lines.of(item)
        try:
            sessions.append(maker.make(_entry(item, zone, day), line, str(path)))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            ident = item.get("guid") or item.get("id") if isinstance(item, dict) else None
            problems.append(Problem(SourceRef(str(path), line),
                                    f"event {ident!r} skipped: {type(error).__name__}: {error}"))
    day_ends = [str(day.get("day_end") or day.get("end") or "") for day in days
                if isinstance(day, dict)]
    problems += [Problem(SourceRef(str(path), line), "a lone surrogate (an escape such as "
                         "\\ud800 that is no character) was replaced by U+FFFD")
                 for line in replaced]
    return [maker.event(event, sessions, problems, day_ends)], problems


_LONE_SURROGATE = re.compile(
    r"(?<!\\)((?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<![dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")
"""The escape of a surrogate without its pair (a high one not followed by a low one, a low
one not after a high one), after an even number of backslashes (so itself an escape)."""


def _without_lone_surrogates(text: str) -> tuple[str, list[int]]:
    """`text` with each escaped lone surrogate written as U+FFFD's escape (a string holding
    one could not be written to the database nor sent), and the lines where it was."""
    if "\\u" not in text:
        return text, []
    lines: list[int] = []
    counted = [0, 1]  # up to this offset, this many lines: one pass over the text

    def replace(match: re.Match[str]) -> str:
        counted[1] += text.count("\n", counted[0], match.start())
        counted[0] = match.start()
        lines.append(counted[1])
        return match.group(1) + "\\ufffd"

    return _LONE_SURROGATE.sub(replace, text), lines


def _items(schedule: dict, days: list) -> list[tuple[Any, dict]]:
    """Every event entry and its day (empty where it has none): version 2 lists them in
    `schedule.events`, version 1 by day and room. What is not a list or a mapping where
    one is expected holds no event (each entry is checked when it is read)."""
    if isinstance(schedule.get("events"), list):
        return [(item, {}) for item in schedule["events"]]
    found = []
    for day in days:
        if not isinstance(day, dict):
            continue
        rooms = day.get("rooms")
        for items in rooms.values() if isinstance(rooms, dict) else [rooms]:
            found.extend((item, day) for item in (items if isinstance(items, list)
                                                  else [items] if items else []))
    return found


def _entry(item: dict, zone: ZoneInfo, day: dict) -> Entry:
    title = text_value(item["title"]).strip()
    if not title:
        raise ValueError("no title")
    when = str(item.get("date") or item["start"])
    if day.get("date") and "T" not in when:  # a start hour in its day
        start = start_in_day(str(day["date"]), when, str(day.get("day_start") or ""), zone)
    else:
        start = dated_start(when, str(item.get("start") or ""), zone)
    if item.get("end"):
        end = parse_when(str(item["end"]), zone)
    elif item.get("duration"):
        end = start + parse_duration(str(item["duration"]))
    else:
        end = None
    number = item.get("id")
    return entry(
        title,
        start,
        end,
        speakers=speakers_of(map(person_name, _people(item))),
        links=tuple(Link(" ".join(text_value(link.get("title") or link["url"]).split()),
                         text_value(link["url"]).strip())
                    for link in [*(item.get("links") or []), *(item.get("attachments") or [])]
                    if link.get("url")),
        room=label(item.get("room")) or None,
        kind=kind_of(text_value(item.get("type")), title, label(item.get("track"))),
        section=type_words(text_value(item.get("type"))),
        description=dedent(text_value(item.get("description"))),
        guid=text_value(item.get("guid")).strip() or None,
        number=number if isinstance(number, int) and number > 0 else None,
        slug=text_value(item.get("slug")).strip() or None,
        url=text_value(item.get("url")).strip() or None,
        track=label(item.get("track")) or None,
        language=text_value(item.get("language")).strip() or None,
        subtitle=" ".join(text_value(item.get("subtitle")).split()),
        abstract=dedent(text_value(item.get("abstract"))),
    )


def _people(item: dict) -> list:
    return list(item.get("persons") or item.get("participants") or [])
