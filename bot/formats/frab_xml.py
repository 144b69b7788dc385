"""The frab/Pentabarf `schedule.xml` (FOSDEM, CCC events, pretalx), as the c3voc XSD defines it.

Export writes one <day> per event day and one <room> per room, with every field the
model keeps (guid, id, slug, url, track, language, subtitle, abstract...), so that reading
it back gives the same sessions; sessions without a time cannot be placed in this format
and are reported. Import reads untrusted files safely (defusedxml: no entity declarations,
no external references) and names the file and line of each problem; the rest of the
file still loads.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

import defusedxml
import defusedxml.ElementTree as SafeET

from bot.formats.common import (
    HTTP,
    XSD_ACRONYM,
    Identity,
    Timed,
    acronym,
    day_bounds,
    export_days,
    hhmm,
    identities,
    time_zone,
    timed,
    uri,
    xml_text,
)
from bot.formats.reading import (
    Entry,
    Sessions,
    dated_start,
    dedent,
    entry,
    kind_of,
    parse_duration,
    parse_when,
    speakers_of,
    start_in_day,
    type_words,
)
from bot.programme.model import Event, Link, Problem, Session, SourceRef, event_id
from bot.programme.queries import Agenda

NO_ROOM = ""
"""The room name written for sessions with no room, read back as no room."""
GENERATOR = {"name": "bluehats-bot", "version": "0.1.0"}


def export(event: Event, agenda: Agenda) -> tuple[bytes, list[Session]]:
    """The event as schedule.xml, and the sessions left out because they have no time."""
    sessions, untimed, zone = timed(event, agenda)
    names = identities(event, sessions)
    days = export_days(event, sessions)
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", GENERATOR)
    _text(root, "version", "1.0")
    conference = ET.SubElement(root, "conference")
    _text(conference, "title", event.title)
    _text(conference, "acronym", acronym(event, XSD_ACRONYM))
    _text(conference, "start", days[0].isoformat())
    _text(conference, "end", days[-1].isoformat())
    _text(conference, "days", str(len(days)))
    _text(conference, "timeslot_duration", "00:05")
    if HTTP.fullmatch(uri(event.url) or ""):
        _text(conference, "url", uri(event.url) or "")
    _text(conference, "time_zone_name", str(zone))
    for index, day in enumerate(days, start=1):
        items = [item for item in sessions if item.start.date() == day]
        first, last = day_bounds(day, items, zone)
        day_element = ET.SubElement(root, "day", {
            "index": str(index), "date": day.isoformat(),
            "start": first.isoformat(), "end": last.isoformat()})
        ordered = sorted(items, key=lambda item: (item.session.room or NO_ROOM, item.start))
        for room, group in groupby(ordered, key=lambda item: item.session.room or NO_ROOM):
            room_element = ET.SubElement(day_element, "room", {"name": xml_text(room)})
            for item in group:
                _event(room_element, item, names[item.session.id])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), untimed


def _event(parent: ET.Element, item: Timed, name: Identity) -> None:
    session = item.session
    element = ET.SubElement(parent, "event", {"id": str(name.number), "guid": name.guid})
    _text(element, "date", item.start.isoformat())
    _text(element, "start", item.start.strftime("%H:%M"))
    _text(element, "duration", hhmm(item.end - item.start))
    _text(element, "room", session.room or NO_ROOM)
    _text(element, "slug", name.slug)
    if HTTP.fullmatch(uri(session.url) or ""):
        _text(element, "url", uri(session.url) or "")
    _text(element, "title", session.title)
    _text(element, "subtitle", session.subtitle)
    _text(element, "track", session.track or "")
    _text(element, "type", session.kind)
    if session.language:
        _text(element, "language", session.language)
    _text(element, "abstract", session.abstract)
    _text(element, "description", session.description)
    persons = ET.SubElement(element, "persons")
    for speaker in session.speakers:
        _text(persons, "person", speaker.name)
    links = ET.SubElement(element, "links")
    for link in session.links:
        ET.SubElement(links, "link", {"href": xml_text(link.url)}).text = xml_text(link.text)


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = xml_text(value)


def looks_like_frab(path: Path, text: str) -> bool:
    head = text.lstrip()[:500]
    return (path.suffix.lower() == ".xml" or head.startswith("<?xml")) and "<schedule" in head


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: SafeET.DefusedXMLParser | None = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _parse(text: str) -> tuple[ET.Element, dict[int, int]]:
    builder = _LineBuilder()
    parser = SafeET.DefusedXMLParser(target=builder)  # entities and external refs refused
    builder.parser = parser
    parser.feed(text)
    root = parser.close()
    return root, builder.lines


def load(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read a schedule.xml; bad events are reported with their line and skipped."""
    try:
        root, lines = _parse(text)
    except ET.ParseError as error:
        return [], [Problem(SourceRef(str(path), error.position[0]),
                            f"not well-formed XML: {error}", "error")]
    except (defusedxml.DefusedXmlException, ValueError) as error:
        return [], [Problem(SourceRef(str(path)),
                            f"refused: the XML declares entities or external references "
                            f"({error})", "error")]
    conference = root.find("conference")
    if root.tag != "schedule" or conference is None:
        return [], [Problem(SourceRef(str(path), lines.get(id(root), 0)),
                            "schedule.xml: expected <schedule> with a <conference>", "error")]
    zone_name = time_zone((conference.findtext("time_zone_name") or "").strip())
    zone = ZoneInfo(zone_name) if zone_name else tz
    days = [d.get("date", "") for d in root.findall("day") if d.get("date")]
    try:
        first = date.fromisoformat((conference.findtext("start") or min(days))[:10])
        last = date.fromisoformat((conference.findtext("end") or max(days, default=""))[:10]
                                  or first.isoformat())
    except ValueError:
        return [], [Problem(SourceRef(str(path), lines.get(id(conference), 0)),
                            "schedule.xml: expected <conference> with a <start> date "
                            "(YYYY-MM-DD) or dated <day>s", "error")]
    title = (conference.findtext("title") or "").strip() or path.stem
    url = (conference.findtext("url") or "").strip()
    identifier = event_id(title, first)
    event = Event(identifier, title, first, max(first, last), source=str(path),
                  short_name=(conference.findtext("acronym") or "").strip() or None,
                  time_zone=zone_name, url=url or None,
                  venue=_one_line(conference.findtext("venue")) or None,
                  address=_one_line(conference.findtext("city")) or None,
                  description=dedent(conference.findtext("description")),
                  links=(Link(title, url),) if HTTP.fullmatch(url) else ())
    problems: list[Problem] = []
    sessions: list[Session] = []
    maker = Sessions(identifier, tz, zone)
    for day in root.iter("day"):
        for room in day.iter("room"):
            for element in room.iter("event"):
                line = lines.get(id(element), 0)
                try:
                    entry = _entry(element, day, room, zone)
                    sessions.append(maker.make(entry, line, str(path)))
                except ValueError as error:
                    problems.append(Problem(SourceRef(str(path), line),
                                            f"event id={element.get('id')!r} skipped: {error}"))
    day_ends = [day.get("end", "") for day in root.iter("day")]
    return [maker.event(event, sessions, problems, day_ends)], problems


def _entry(element: ET.Element, day: ET.Element, room: ET.Element, zone: ZoneInfo) -> Entry:
    title = (element.findtext("title") or "").strip()
    if not title:
        raise ValueError("no <title>")
    start = _start(element, day, zone)
    duration = (element.findtext("duration") or "").strip()
    end_text = (element.findtext("end") or "").strip()
    end = (parse_when(end_text, zone) if end_text
           else start + parse_duration(duration) if duration else None)
    number = (element.get("id") or "").strip()
    return entry(
        title,
        start,
        end,
        speakers=speakers_of(p.text or "" for p in element.iter("person")),
        links=tuple(Link(_one_line(link.text or link.get("href")), link.get("href", "").strip())
                    for link in (*element.iter("link"), *element.iter("attachment"))
                    if (link.get("href") or "").strip()),
        room=(element.findtext("room") or room.get("name") or "").strip() or None,
        kind=kind_of(element.findtext("type"), title, element.findtext("track")),
        section=type_words(element.findtext("type")),
        description=dedent(element.findtext("description")),
        guid=(element.get("guid") or "").strip() or None,
        number=int(number) if number.isdigit() and int(number) > 0 else None,
        slug=(element.findtext("slug") or "").strip() or None,
        url=(element.findtext("url") or "").strip() or None,
        track=(element.findtext("track") or "").strip() or None,
        language=(element.findtext("language") or "").strip() or None,
        subtitle=" ".join((element.findtext("subtitle") or "").split()),
        abstract=dedent(element.findtext("abstract")),
    )


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _start(element: ET.Element, day: ET.Element, zone: ZoneInfo) -> datetime:
    """The event's start: its <date>, else its day's date and its <start> (after the
    day's own start, so a 01:00 talk of a night is on the next calendar day)."""
    when = (element.findtext("date") or "").strip()
    clock = (element.findtext("start") or "").strip()
    if when:
        return dated_start(when, clock, zone)
    if not clock or not day.get("date"):
        raise ValueError("no <date>, and no <start> in a dated <day>")
    return start_in_day(str(day.get("date")), clock, (day.get("start") or "").strip(), zone)
