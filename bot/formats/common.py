"""What the schedule exports share: stable identifiers (guid, id, slug, acronym), the
sessions placed in time in the event's zone, and the days a schedule lists."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.programme.model import Event, Session
from bot.programme.queries import Agenda
from bot.wording.folding import fold, slugify

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://code.gouv.fr/bluehats-bot")
OURS = str(NAMESPACE)[:23]
"""Guids this bot writes for sessions that had none start with this and end with the
session's id, so reading our own export gives every session its id back."""

ACRONYM = re.compile(r"[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?")
"""The c3voc JSON schema's acronym (stricter than the XSD's)."""
SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{3,}[a-z0-9]")
"""A slug both validators accept (XSD 'voc-slug-new', JSON '^[a-z0-9_-]+[a-z0-9]$')."""
UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
XSD_ACRONYM = re.compile(r"[a-z0-9_-]{4,}")
"""The XSD's acronym."""
HTTP = re.compile(r"https?://\S+")
ABSOLUTE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s].*")
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry at all (a schedule.json may have them)."""


def uri(url: str | None) -> str | None:
    """`url` as an absolute, ASCII URI (spaces and accents percent-encoded), or None when it
    is not absolute ('/talks/1' cannot be followed outside its site)."""
    if not url or not ABSOLUTE.fullmatch(url.strip()):
        return None
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")


def xml_text(text: str) -> str:
    return NOT_IN_XML.sub("", text)


def guid(event: Event, session: Session) -> str:
    """The session's guid: the source's, else one made from the event and session ids."""
    if session.guid and UUID.fullmatch(session.guid):
        return session.guid
    if re.fullmatch(r"[0-9a-f]{6}", session.id):
        event_part = hashlib.blake2s(event.id.encode(), digest_size=3).hexdigest()
        return f"{OURS}-{event_part}{session.id}"
    return str(uuid.uuid5(NAMESPACE, f"{event.id}/{session.id}"))


def number(session: Session) -> int:
    """A positive integer id for formats that want one: the source's, else derived."""
    if session.number:
        return session.number
    if re.fullmatch(r"[0-9a-f]+", session.id):
        return int(session.id, 16) + 1
    return int(uuid.uuid5(NAMESPACE, session.id).int % 10**9) + 1


def acronym(event: Event, pattern: re.Pattern[str] = ACRONYM) -> str:
    """The event's acronym as the c3voc schemas want it (`pattern`: the JSON schema's by
    default): its short name when that fits, else its id written with underscores
    ('2024_journees_bluehats')."""
    if event.short_name and pattern.fullmatch(event.short_name):
        return event.short_name
    base = re.sub(r"[^a-z0-9]+", "_", fold(event.short_name or event.id)).strip("_")
    return base if len(base) >= 4 else f"{base}_{event.start.year}"


def slug(event: Event, session: Session) -> str:
    """The source's slug when the validators accept it, else 'acronym-id-title'."""
    if session.slug and SLUG.fullmatch(session.slug):
        return session.slug
    return f"{acronym(event)}-{session.id}-{slugify(session.title, 40)}".rstrip("-")


def time_zone(name: str | None) -> str | None:
    """`name` if it is a known IANA time zone, else None."""
    try:
        ZoneInfo(name or "")
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


@dataclass(frozen=True)
class Timed:
    """A session placed in time for export: its aware start and end in the export zone."""

    session: Session
    start: datetime
    end: datetime


def timed(event: Event, agenda: Agenda) -> tuple[list[Timed], list[Session], ZoneInfo]:
    """The event's sessions with their start and (published or worked out) end in the
    event's own time zone, those with no time (which schedule formats cannot hold), and
    that zone."""
    zone = ZoneInfo(time_zone(event.time_zone) or str(agenda.tz))
    found, untimed = [], []
    for session in event.sessions:
        slot = agenda.slot(session)
        if slot is None:
            untimed.append(session)
        else:
            found.append(Timed(session, slot.start.astimezone(zone), slot.end.astimezone(zone)))
    found.sort(key=lambda item: (item.start, item.session.room or ""))
    return found, untimed, zone


def export_days(event: Event, sessions: list[Timed]) -> list[date]:
    """The days a schedule lists: the event's, and any day a session falls on outside them."""
    return sorted({*event.days, *(item.start.date() for item in sessions)})


def day_bounds(day: date, items: list[Timed], zone: ZoneInfo) -> tuple[datetime, datetime]:
    """When a day of the schedule starts and ends: its sessions', or the whole day."""
    if items:
        return min(i.start for i in items), max(i.end for i in items)
    midnight = datetime.combine(day, datetime.min.time(), zone)
    return midnight, midnight + timedelta(hours=23, minutes=59)


def hhmm(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Identity:
    """How a schedule names a session: guid, numeric id and slug, unique in the file."""

    guid: str
    number: int
    slug: str


def identities(event: Event, items: list[Timed]) -> dict[str, Identity]:
    """Each session's identity by session id; a source value used twice is replaced by a
    derived one, since the validators want guids, ids and slugs unique."""
    guids: set[str] = set()
    numbers: set[int] = set()
    slugs: set[str] = set()
    found = {}
    for item in items:
        session = item.session
        value = guid(event, session)
        if value.lower() in guids:
            value = str(uuid.uuid5(NAMESPACE, f"{event.id}/{session.id}/{len(guids)}"))
        count = number(session)
        while count in numbers:
            count = int(uuid.uuid5(NAMESPACE, f"{session.id}/{count}").int % 10**9) + 1
        name = slug(event, session)
        if name in slugs:
            name = f"{acronym(event)}-{session.id}-{len(slugs)}"
        guids.add(value.lower())
        numbers.add(count)
        slugs.add(name)
        found[session.id] = Identity(value, count, name)
    return found
