"""What the schedule formats share: stable identifiers, kinds, durations, text clean-up."""

from __future__ import annotations

import hashlib
import re
import textwrap
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.model import Event, Link, Problem, Session, SourceRef, Speaker, fold, session_id, slugify
from bot.queries import Agenda

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://code.gouv.fr/bluehats-bot")
OURS = str(NAMESPACE)[:23]
"""Guids this bot writes for sessions that had none start with this and end with the
session's id, so reading our own export gives every session its id back."""

ACRONYM = re.compile(r"[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?")
"""The c3voc JSON schema's acronym (stricter than the XSD's)."""
SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{3,}[a-z0-9]")
"""A slug both validators accept (XSD 'voc-slug-new', JSON '^[a-z0-9_-]+[a-z0-9]$')."""
UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
HTTP = re.compile(r"https?://\S+")

KINDS_BY_MEANING: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("break", r"\b(break|pause|lunch|dinner|coffee|cafe|dejeuner|repas|buffet)\b"),
        ("workshop", r"workshop|atelier|hands[ -]?on|tutorial|tutoriel|training|formation"
                     r"|hackathon|sprint"),
        ("panel", r"panel|discussion|podium|round ?table|table ronde|debat|fishbowl"
                  r"|\bbof\b|birds of a feather|q ?& ?a session"),
        ("demo", r"\bdemo"),
        ("talk", r"talk|lecture|keynote|conference|presentation|expose|vortrag|devroom"
                 r"|\bsession\b|lightning|pitch|speech|intervention"),
    )
)


def guid(event: Event, session: Session) -> str:
    """The session's guid: the source's, else one made from the event and session ids."""
    if session.guid and UUID.fullmatch(session.guid):
        return session.guid
    if re.fullmatch(r"[0-9a-f]{6}", session.id):
        event_part = hashlib.blake2s(event.id.encode(), digest_size=3).hexdigest()
        return f"{OURS}-{event_part}{session.id}"
    return str(uuid.uuid5(NAMESPACE, f"{event.id}/{session.id}"))


def id_from_guid(value: str) -> str:
    """The session id a source guid gives: the same guid, the same id, wherever the
    session sits in the file (so a reminder never moves to another session)."""
    if value.startswith(OURS + "-") and re.fullmatch(r"[0-9a-f]{6}", value[-6:]):
        return value[-6:]
    return hashlib.blake2s(value.strip().lower().encode(), digest_size=3).hexdigest()


def number(session: Session) -> int:
    """A positive integer id for formats that want one: the source's, else derived."""
    if session.number:
        return session.number
    if re.fullmatch(r"[0-9a-f]+", session.id):
        return int(session.id, 16) + 1
    return int(uuid.uuid5(NAMESPACE, session.id).int % 10**9) + 1


def acronym(event: Event) -> str:
    """The event's acronym as the c3voc schemas want it: its short name when that fits,
    else its id written with underscores ('2024_journees_bluehats')."""
    if event.short_name and ACRONYM.fullmatch(event.short_name):
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


def kind_of(value: str | None) -> str:
    """Our kind for a schedule's event type, by what it means: 'lecture', 'devroom',
    'Talk 30 min + 10min Q&A' are talks; no type at all is a talk too."""
    text = fold(value or "").replace("_", " ").replace("-", " ")
    if not text.strip():
        return "talk"
    return next((kind for kind, pattern in KINDS_BY_MEANING if pattern.search(text)), "other")


def dedent(text: str | None) -> str:
    """A description as written, without the indentation of the XML around it."""
    lines = (text or "").expandtabs(4).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return ""
    first, rest = lines[0].strip(), textwrap.dedent("\n".join(lines[1:]))
    return "\n".join(line.rstrip() for line in [first, *rest.splitlines()]).strip()


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
class Entry:
    """What a schedule file says of one session, before it becomes a `Session`."""

    title: str
    start: datetime
    end: datetime | None
    speakers: tuple[Speaker, ...] = ()
    links: tuple[Link, ...] = ()
    room: str | None = None
    kind: str = "talk"
    description: str = ""
    guid: str | None = None
    number: int | None = None
    slug: str | None = None
    url: str | None = None
    track: str | None = None
    language: str | None = None
    subtitle: str = ""
    abstract: str = ""


class Sessions:
    """Turns a file's entries into sessions with stable ids: from the guid when there is
    one (each guid once), else from the title and how many times it came before."""

    def __init__(self, event_id: str, tz: ZoneInfo) -> None:
        self.event_id, self.tz = event_id, tz
        self._titles: dict[str, int] = {}
        self._ids: set[str] = set()

    def make(self, entry: Entry, line: int = 0, path: str = "") -> Session:
        start = self.local(entry.start)
        end = self.local(entry.end) if entry.end else None
        key = fold(" ".join(entry.title.split()))
        self._titles[key] = self._titles.get(key, 0) + 1
        identifier = id_from_guid(entry.guid) if entry.guid else None
        source_guid = entry.guid
        if identifier is None or identifier in self._ids:  # no guid, or one seen before
            identifier = session_id(self.event_id, entry.title, self._titles[key])
            source_guid = None
        self._ids.add(identifier)
        # What our exports write for a session that had no url or numeric id reads as none.
        url = entry.url if entry.url and entry.url != f"urn:uuid:{entry.guid}" else None
        derived = int(identifier, 16) + 1 if re.fullmatch(r"[0-9a-f]+", identifier) else None
        source_number = entry.number if entry.number != derived else None
        return Session(
            id=identifier,
            event_id=self.event_id,
            day=start.date(),
            start=start.time().replace(tzinfo=None),
            end=end.time().replace(tzinfo=None) if end and end > start else None,
            title=entry.title,
            speakers=entry.speakers,
            room=entry.room,
            kind=entry.kind,
            links=entry.links,
            description=entry.description,
            source=SourceRef(path, line) if path else None,
            guid=source_guid,
            number=source_number,
            slug=entry.slug,
            url=url,
            track=entry.track,
            language=entry.language,
            subtitle=entry.subtitle,
            abstract=entry.abstract,
        )

    def local(self, moment: datetime) -> datetime:
        """`moment` in the bot's zone (naive times are taken as already in it)."""
        return moment.astimezone(self.tz) if moment.tzinfo else moment.replace(tzinfo=self.tz)


def parse_when(text: str, zone: ZoneInfo | None = None) -> datetime:
    """An ISO date-time; naive ones are in `zone` when given. ValueError otherwise."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None and zone else moment


def parse_duration(text: str) -> timedelta:
    """'00:20', '1:30' or '01:30:00' as a duration; ValueError otherwise."""
    try:
        parts = [int(p) for p in text.strip().split(":")]
    except ValueError:
        raise ValueError(f"duration {text!r}: expected HH:MM") from None
    if len(parts) not in (2, 3) or any(p < 0 for p in parts):
        raise ValueError(f"duration {text!r}: expected HH:MM")
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2] if len(parts) == 3 else 0)


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


def with_sessions(event: Event, sessions: list[Session], problems: list[Problem],
                  day_ends: list[str] = ()) -> Event:
    """`event` with `sessions`, widened to every day a session falls on. `day_ends` are
    the declared days' ends ('2025-12-28T03:59:00+01:00': a night session is still in its
    day); a session outside the declared days is kept and a problem says so (a schedule
    that forgot a day must not lose its sessions silently)."""
    covered = event.end
    for text in day_ends:
        try:
            covered = max(covered, date.fromisoformat(str(text)[:10]))
        except ValueError:
            continue
    dates = {s.day for s in sessions}
    outside = sorted(day for day in dates if not event.start <= day <= covered)
    if outside:
        days = ", ".join(day.isoformat() for day in outside)
        problems.append(Problem(SourceRef(event.source),
                                f"sessions on {days}, outside the declared days "
                                f"{event.start.isoformat()} – {event.end.isoformat()}: "
                                "kept, and the event now covers those days too"))
    if dates:
        event = replace(event, start=min(event.start, *dates), end=max(event.end, *dates))
    return event.with_sessions(tuple(sessions))
