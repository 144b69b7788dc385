"""iCalendar (RFC 5545) export, with the `icalendar` library.

UIDs are stable, so importing the file again updates the events instead of duplicating
them; times are in Europe/Paris with its VTIMEZONE; sessions without a time become
all-day events of their day. `icalendar` is imported when a calendar is first written (a
fifth of a second): a bot that is never asked for one never loads it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.programme.model import Event, Session, credit
from bot.programme.queries import Agenda

if TYPE_CHECKING:
    import icalendar

PRODID = "-//BlueHats//bluehats-bot//FR"


def uid(event: Event, session: Session) -> str:
    return f"{session.id}.{event.id}@bluehats-bot"


def location(event: Event, session: Session) -> str:
    """'Room — venue, address': the room first, so calendars show it."""
    place = ", ".join(x for x in (event.venue, event.address) if x)
    return " — ".join(x for x in (session.room, place) if x)


def description(session: Session) -> str:
    lines = []
    who = credit(session)
    if who:
        lines.append(f"Intervenants : {who}")
    if session.description:
        lines.append(session.description)
    lines.extend(f"{link.text} : {link.url}" for link in session.links)
    lines.append(f"(bluehats-bot : !session {session.id})")
    return "\n".join(lines)


def calendar(
    events: list[Event], agenda: Agenda, stamp: datetime,
    only: Collection[str] | None = None, name: str | None = None,
) -> bytes:
    """An .ics file with every session of `events` (or those whose id is in `only`),
    called `name` (default: the title of the one event)."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name or len(events) == 1:
        cal.add("x-wr-calname", name or events[0].title)
    for event in events:
        for session in event.sessions:
            if only is not None and session.id not in only:
                continue
            item = icalendar.Event()
            item.add("uid", uid(event, session))
            item.add("dtstamp", stamp)
            item.add("summary", session.title)
            slot = agenda.slot(session)
            if slot is None:
                item.add("dtstart", session.day)
                item.add("dtend", session.day + timedelta(days=1))
            else:
                item.add("dtstart", slot.start)
                item.add("dtend", slot.end)
            where = location(event, session)
            if where:
                item.add("location", where)
            item.add("description", description(session))
            item.add("categories", [session.kind])
            cal.add_component(item)
    if not cal.walk("VEVENT"):
        # RFC 5545 wants at least one component: with no session yet, the event itself.
        for event in events:
            cal.add_component(_whole_event(event, stamp))
    cal.add_missing_timezones()
    if not cal.subcomponents:  # nothing at all (a feed with no session yet): the time zone
        cal.add_component(icalendar.Timezone.from_tzinfo(agenda.tz))
    return cal.to_ical()


def _whole_event(event: Event, stamp: datetime) -> icalendar.Event:
    """The event as one all-day calendar entry over its days (programme not yet published)."""
    import icalendar

    item = icalendar.Event()
    item.add("uid", f"{event.id}@bluehats-bot")
    item.add("dtstamp", stamp)
    item.add("summary", event.title)
    item.add("dtstart", event.start)
    item.add("dtend", event.end + timedelta(days=1))
    place = ", ".join(x for x in (event.venue, event.address) if x)
    if place:
        item.add("location", place)
    item.add("description", event.description or "Programme pas encore publié.")
    return item
