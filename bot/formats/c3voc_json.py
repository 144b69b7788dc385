"""The c3voc `schedule.json`: the JSON twin of schedule.xml that Giggity, Confy and the
c3voc tools read."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.formats.common import guid, hhmm, kind_of, number, session_at, slug, timed
from bot.formats.frab_xml import NO_ROOM
from bot.model import (
    Event,
    Link,
    Problem,
    Session,
    SourceRef,
    Speaker,
    credit,
    event_id,
)
from bot.queries import Agenda

SCHEMA = "https://c3voc.de/schedule/schema.json"


def export(event: Event, agenda: Agenda) -> tuple[bytes, list[Session]]:
    """The event as schedule.json, and the sessions left out because they have no time."""
    sessions, untimed = timed(event, agenda)
    rooms = sorted({s.room or NO_ROOM for s, _, _ in sessions})
    days = []
    for index, day in enumerate(event.days, start=1):
        items = [item for item in sessions if item[1].date() == day]
        first = min((start for _, start, _ in items), default=None)
        last = max((end for _, _, end in items), default=None)
        by_room: dict[str, list[dict]] = {room: [] for room in rooms}
        for session, start, end in sorted(items, key=lambda item: item[1]):
            by_room[session.room or NO_ROOM].append(
                {
                    "guid": guid(event, session),
                    "id": number(session),
                    "date": start.isoformat(),
                    "start": start.strftime("%H:%M"),
                    "duration": hhmm(end - start),
                    "room": session.room or NO_ROOM,
                    "slug": slug(event, session),
                    "title": session.title,
                    "subtitle": "",
                    "language": "fr",
                    "track": event.title,
                    "type": session.kind,
                    "abstract": credit(session),
                    "description": session.description,
                    "persons": [{"public_name": s.name, "name": s.name} for s in session.speakers],
                    "links": [{"url": link.url, "title": link.text} for link in session.links],
                    "attachments": [],
                    "recording_license": "",
                    "do_not_record": False,
                }
            )
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": first and first.isoformat(),
                "day_end": last and last.isoformat(),
                "rooms": by_room,
            }
        )
    document = {
        "$schema": SCHEMA,
        "generator": {"name": "bluehats-bot", "version": "0.1.0"},
        "schedule": {
            "version": "1.0",
            "conference": {
                "acronym": event.id,
                "title": event.title,
                "start": event.start.isoformat(),
                "end": event.end.isoformat(),
                "daysCount": len(event.days),
                "timeslot_duration": "00:05",
                "time_zone_name": str(agenda.tz),
                "rooms": [{"name": room} for room in rooms],
                "days": days,
            },
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode(), untimed


def looks_like_c3voc(path: Path, text: str) -> bool:
    return path.suffix.lower() == ".json" and '"schedule"' in text[:2000]


def load(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read a schedule.json; bad events are reported and skipped, the rest loads."""
    try:
        conference = json.loads(text)["schedule"]["conference"]
        title, first = conference["title"], datetime.fromisoformat(conference["start"][:10]).date()
    except json.JSONDecodeError as error:
        return [], [
            Problem(SourceRef(str(path), error.lineno), f"not valid JSON: {error.msg}", "error")
        ]
    except (KeyError, TypeError, ValueError) as error:
        return [], [
            Problem(
                SourceRef(str(path)),
                f"schedule.json: expected schedule.conference with title and start ({error})",
                "error",
            )
        ]
    last = datetime.fromisoformat(conference.get("end", conference["start"])[:10]).date()
    identifier = event_id(title, first)
    sessions, problems, seen = [], [], {}
    for day in conference.get("days", []):
        for items in (day.get("rooms") or {}).values():
            for item in items:
                try:
                    sessions.append(_session(item, identifier, tz, seen))
                except (KeyError, TypeError, ValueError) as error:
                    problems.append(
                        Problem(SourceRef(str(path)), f"event {item.get('id')!r} skipped: {error}")
                    )
    event = Event(identifier, title, first, max(first, last), source=str(path))
    return [event.with_sessions(tuple(sessions))], problems


def _session(item: dict, identifier: str, tz: ZoneInfo, seen: dict[str, int]) -> Session:
    speakers = tuple(
        Speaker(str(p.get("public_name") or p.get("name")).strip())
        for p in item.get("persons") or []
        if p.get("public_name") or p.get("name")
    )
    links = tuple(
        Link(str(link.get("title") or link["url"]), str(link["url"]))
        for link in item.get("links") or []
        if link.get("url")
    )
    return session_at(
        identifier, str(item["title"]).strip(), item["date"], item.get("duration"), tz, seen,
        speakers=speakers,
        links=links,
        room=str(item.get("room") or "").strip() or None,
        kind=kind_of(item.get("type")),
        description=str(item.get("description") or item.get("abstract") or "").strip(),
    )
