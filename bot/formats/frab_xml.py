"""The frab/Pentabarf `schedule.xml` (FOSDEM, CCC events), as the c3voc schema defines it.

Export writes one <day> per event day and one <room> per room; sessions without a time
cannot be placed in this format and are reported, not silently dropped. Import reads any
conforming file into our model; a problem names the file and, for XML errors, the line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.formats.common import guid, hhmm, kind_of, number, session_at, slug, timed
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

NO_ROOM = ""
"""The room name written for sessions with no room, read back as no room."""


def export(event: Event, agenda: Agenda) -> tuple[bytes, list[Session]]:
    """The event as schedule.xml, and the sessions left out because they have no time."""
    sessions, untimed = timed(event, agenda)
    root = ET.Element("schedule")
    ET.SubElement(root, "version").text = "1.0"
    conference = ET.SubElement(root, "conference")
    _text(conference, "title", event.title)
    _text(conference, "acronym", event.id)
    _text(conference, "start", event.start.isoformat())
    _text(conference, "end", event.end.isoformat())
    _text(conference, "days", str(len(event.days)))
    _text(conference, "timeslot_duration", "00:05")
    by_day = {day: [s for s in sessions if s[1].date() == day] for day in event.days}
    for index, (day, items) in enumerate(by_day.items(), start=1):
        attributes = {"date": day.isoformat(), "index": str(index)}
        if items:
            attributes["start"] = min(start for _, start, _ in items).isoformat()
            attributes["end"] = max(end for _, _, end in items).isoformat()
        day_element = ET.SubElement(root, "day", attributes)
        ordered = sorted(items, key=lambda item: (item[0].room or NO_ROOM, item[1]))
        for room, group in groupby(ordered, key=lambda item: item[0].room or NO_ROOM):
            room_element = ET.SubElement(day_element, "room", {"name": room})
            for session, start, end in group:
                _event(room_element, event, session, start, end)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), untimed


def _event(
    parent: ET.Element, event: Event, session: Session, start: datetime, end: datetime
) -> None:
    element = ET.SubElement(
        parent, "event", {"id": str(number(session)), "guid": guid(event, session)}
    )
    _text(element, "room", session.room or NO_ROOM)
    _text(element, "title", session.title)
    _text(element, "subtitle", "")
    _text(element, "type", session.kind)
    _text(element, "date", start.isoformat())
    _text(element, "start", start.strftime("%H:%M"))
    _text(element, "duration", hhmm(end - start))
    _text(element, "abstract", credit(session))
    _text(element, "description", session.description)
    _text(element, "slug", slug(event, session))
    _text(element, "track", event.title)
    _text(element, "language", "fr")
    persons = ET.SubElement(element, "persons")
    for speaker in session.speakers:
        _text(persons, "person", speaker.name)
    links = ET.SubElement(element, "links")
    for link in session.links:
        ET.SubElement(links, "link", {"href": link.url}).text = link.text


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def looks_like_frab(path: Path, text: str) -> bool:
    head = text.lstrip()[:500]
    return (path.suffix.lower() == ".xml" or head.startswith("<?xml")) and "<schedule" in head


def load(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read a schedule.xml; bad events are reported and skipped, the rest loads."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [], [
            Problem(
                SourceRef(str(path), error.position[0]), f"not well-formed XML: {error}", "error"
            )
        ]
    conference = root.find("conference")
    title = (conference.findtext("title") if conference is not None else None) or ""
    days = [d.get("date") for d in root.findall("day") if d.get("date")]
    start_text = (conference.findtext("start") if conference is not None else None) or (
        min(days) if days else ""
    )
    try:
        first = datetime.fromisoformat(start_text[:10]).date()
    except ValueError:
        return [], [
            Problem(
                SourceRef(str(path)),
                "schedule.xml: expected <conference> with <title> and <start> (or dated <day>s)",
                "error",
            )
        ]
    last_text = (conference.findtext("end") if conference is not None else None) or (
        max(days) if days else start_text
    )
    identifier = event_id(title or path.stem, first)
    problems: list[Problem] = []
    sessions: list[Session] = []
    seen: dict[str, int] = {}
    for element in root.iter("event"):
        try:
            sessions.append(_session(element, identifier, tz, seen))
        except ValueError as error:
            problems.append(
                Problem(SourceRef(str(path)), f"event id={element.get('id')!r} skipped: {error}")
            )
    event = Event(
        identifier,
        title or path.stem,
        first,
        max(first, datetime.fromisoformat(last_text[:10]).date()),
        source=str(path),
    )
    return [event.with_sessions(tuple(sessions))], problems


def _session(element: ET.Element, identifier: str, tz: ZoneInfo, seen: dict[str, int]) -> Session:
    title = (element.findtext("title") or "").strip()
    if not title:
        raise ValueError("no <title>")
    when = element.findtext("date")
    if not when:
        raise ValueError("no <date>")
    speakers = tuple(
        Speaker(p.text.strip()) for p in element.iter("person") if (p.text or "").strip()
    )
    links = tuple(
        Link((link.text or link.get("href") or "").strip(), link.get("href") or "")
        for link in element.iter("link")
        if link.get("href")
    )
    return session_at(
        identifier, title, when, element.findtext("duration"), tz, seen,
        speakers=speakers,
        links=links,
        room=(element.findtext("room") or "").strip() or None,
        kind=kind_of(element.findtext("type")),
        description=(element.findtext("description") or element.findtext("abstract") or "").strip(),
    )
