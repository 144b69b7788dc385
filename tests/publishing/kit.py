"""Readings made by hand for the rule and report tests: sessions at given days, times and
rooms, in one event, read from one source."""

from __future__ import annotations

from datetime import date, time

from bot.programme.model import Event, Problem, Session, SourceRef, session_id
from bot.publishing.readings import Reading

EVENT = "2030-journee-bluehats"
DAY = date(2030, 6, 12)
SOURCE = "/srv/bluehats/data/journee.md"


def talk(title: str, at: str | None = "10:00", day: date = DAY, room: str | None = None,
         event: str = EVENT) -> Session:
    """A session whose id comes from its title, as a page's do."""
    start = time.fromisoformat(at) if at else None
    return Session(session_id(event, title), event, day, start, None, title, room=room)


def reading(*sessions: Session, title: str = "Journée BlueHats 2030", problems: tuple = (),
            text: str | None = None, events: int = 1) -> Reading:
    """`sessions` in one event spanning their days (or none: `events=0`)."""
    days = [s.day for s in sessions] or [DAY]
    event = Event(EVENT, title, min(days), max(days), sessions=tuple(sessions), source=SOURCE)
    return Reading(SOURCE, (event,) * events, problems, text)


def problem(line: int, message: str, severity: str = "warning") -> Problem:
    return Problem(SourceRef(SOURCE, line), message, severity)


def day_of(n: int) -> date:
    return date(2030, 6, 11 + n)


def programme(count: int, days: int = 1, room: str | None = None) -> list[Session]:
    """`count` talks spread over `days` days, an hour apart."""
    return [talk(f"Présentation {i}", f"{9 + i // days:02d}:00", day_of(1 + i % days), room)
            for i in range(count)]
