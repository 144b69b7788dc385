"""What changed between two versions of the programme, for sessions still to come."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.programme.model import Programme, Session


@dataclass(frozen=True)
class Change:
    """A session that moved (day, time or room), was cancelled, or is new."""

    kind: str  # "moved" | "cancelled" | "new"
    old: Session | None
    new: Session | None

    @property
    def session_id(self) -> str:
        return (self.new or self.old).id  # type: ignore[union-attr]


def changes(old: Programme, new: Programme, now: datetime, tz: ZoneInfo) -> list[Change]:
    """Changes to sessions that are still to come (under either version), in time order.
    Sessions with no time are left out: nobody is reminded of them."""
    before = {s.id: s for s in old.sessions if _upcoming(s, now, tz)}
    after = {s.id: s for s in new.sessions if _upcoming(s, now, tz)}
    found = []
    for identifier, session in after.items():
        previous = before.get(identifier) or old.session(identifier)
        if previous is None:
            found.append(Change("new", None, session))
        elif (previous.day, previous.start, previous.room) != (
            session.day,
            session.start,
            session.room,
        ):
            found.append(Change("moved", previous, session))
    for identifier, session in before.items():
        if new.session(identifier) is None:
            found.append(Change("cancelled", session, None))
        elif identifier not in after:  # moved into the past: tell people it moved
            found.append(Change("moved", session, new.session(identifier)))
    return sorted(found, key=lambda c: _start(c.new or c.old, tz))


def _upcoming(session: Session, now: datetime, tz: ZoneInfo) -> bool:
    at = session.starts_at(tz)
    return at is not None and at > now


def _start(session: Session | None, tz: ZoneInfo) -> datetime:
    at = session.starts_at(tz) if session else None
    return at or datetime.max.replace(tzinfo=tz)
