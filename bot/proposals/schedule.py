"""From accepted proposals to programme sessions, and the day/time organisers type."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.model import Event, Session, fold
from bot.proposals.calls import Format
from bot.proposals.proposal import Proposal
from bot.storage import Storage

_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def session_id(number: int) -> str:
    """The programme id of the session a scheduled proposal becomes: 'p<number>'."""
    return f"p{number}"


def session_for(proposal: Proposal, day: date, start: time, room: str | None,
                formats: tuple[Format, ...]) -> Session:
    """The programme session of a scheduled proposal: id 'p<id>', end = start + duration."""
    kind = next((f.kind for f in formats if f.key == proposal.format), "talk")
    end = (datetime.combine(day, start) + timedelta(minutes=proposal.minutes)).time()
    return Session(id=session_id(proposal.id), event_id=proposal.event_id, day=day, start=start,
                   end=end, title=proposal.title, speakers=proposal.speakers, room=room,
                   kind=kind, description=proposal.abstract)


def parse_day(text: str, event: Event) -> date | None:
    """'2024-12-04', '04/12', '4/12/2024' or a weekday name ('mercredi') among the event's
    days; None if it is none of them or not a day of the event."""
    value = fold(text.strip())
    day: date | None = None
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    french = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", value)
    try:
        if iso:
            day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        elif french:
            day = date(int(french.group(3) or event.start.year), int(french.group(2)),
                       int(french.group(1)))
    except ValueError:
        return None
    if not (iso or french):
        day = next((d for d in event.days
                    if value in (_FR_DAYS[d.weekday()], _EN_DAYS[d.weekday()])), None)
    return day if day in event.days else None


def parse_hour(text: str) -> time | None:
    """'14:10', '14h10', '14 h' or '14h' -> a time; None if not an hour."""
    found = re.fullmatch(r"(\d{1,2})\s*[h:]\s*(\d{2})?", text.strip().lower())
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


async def scheduled_sessions(storage: Storage, formats: tuple[Format, ...]) -> tuple[Session, ...]:
    """The sessions of every scheduled proposal, as stored: what `App.scheduled` holds."""
    return tuple(session_for(proposal, day, start, room, formats)
                 for proposal, day, start, room in await storage.proposals.schedule())
