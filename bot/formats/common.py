"""What the schedule formats share: stable identifiers, kinds, durations."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.model import Event, Link, Session, Speaker, fold, session_id, slugify
from bot.queries import Agenda

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://code.gouv.fr/bluehats-bot")
KIND_BY_TYPE = {
    "talk": "talk",
    "lecture": "talk",
    "lightning": "talk",
    "lightning talk": "talk",
    "keynote": "talk",
    "demo": "demo",
    "demonstration": "demo",
    "panel": "panel",
    "discussion": "panel",
    "podium": "panel",
    "workshop": "workshop",
    "atelier": "workshop",
    "break": "break",
    "pause": "break",
    "meeting": "other",
    "other": "other",
}


def guid(event: Event, session: Session) -> str:
    """A UUID that stays the same for the same session of the same event."""
    return str(uuid.uuid5(NAMESPACE, f"{event.id}/{session.id}"))


def number(session: Session) -> int:
    """A positive integer id for formats that want one, derived from the session id."""
    return (
        int(session.id, 16) + 1
        if all(c in "0123456789abcdef" for c in session.id)
        else int(uuid.uuid5(NAMESPACE, session.id).int % 10**9) + 1
    )


def slug(event: Event, session: Session) -> str:
    return f"{event.id}-{session.id}-{slugify(session.title, 40)}"


def kind_of(value: str | None) -> str:
    """Our kind for a schedule's event type ('lecture' -> 'talk')."""
    return KIND_BY_TYPE.get((value or "").strip().lower(), "other" if value else "talk")


def timed(
    event: Event, agenda: Agenda
) -> tuple[list[tuple[Session, datetime, datetime]], list[Session]]:
    """The event's sessions with their start and (published or worked out) end, and those
    with no time, which schedule formats cannot hold."""
    found, untimed = [], []
    for session in event.sessions:
        slot = agenda.slot(session)
        if slot is None:
            untimed.append(session)
        else:
            found.append((session, slot.start, slot.end))
    return found, untimed


def hhmm(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def session_at(identifier: str, title: str, when: str, duration: str | None, tz: ZoneInfo,
               seen: dict[str, int], *, speakers: tuple[Speaker, ...], links: tuple[Link, ...],
               room: str | None, kind: str, description: str) -> Session:
    """A session read from a schedule file: `when` is an ISO date-time (in `tz` unless it
    says otherwise), `duration` HH:MM; `seen` counts titles so that a repeated title gets
    its own id. ValueError if the date-time or duration cannot be read."""
    start = datetime.fromisoformat(when)
    start = start.astimezone(tz) if start.tzinfo else start.replace(tzinfo=tz)
    end = start + parse_duration(duration or "00:00")
    key = fold(" ".join(title.split()))
    seen[key] = seen.get(key, 0) + 1
    return Session(
        id=session_id(identifier, title, seen[key]),
        event_id=identifier,
        day=start.date(),
        start=start.time().replace(tzinfo=None),
        end=end.time().replace(tzinfo=None) if end > start else None,
        title=title,
        speakers=speakers,
        room=room,
        kind=kind,
        links=links,
        description=description,
    )


def parse_duration(text: str) -> timedelta:
    """'00:20', '1:30' or '01:30:00' as a duration; ValueError otherwise."""
    parts = [int(p) for p in text.strip().split(":")]
    if len(parts) not in (2, 3) or any(p < 0 for p in parts):
        raise ValueError(f"duration {text!r}: expected HH:MM")
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2] if len(parts) == 3 else 0)
