"""From accepted proposals to programme sessions, and the day/time organisers type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.programme.model import Event, Session
from bot.proposals.calls import Format
from bot.proposals.proposal import Proposal
from bot.storage import Storage
from bot.wording.folding import fold

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


@dataclass(frozen=True)
class DayRef:
    """A day as an organiser types it: a date ('2026-12-10'), a day and month ('10/12',
    the event's year) or a weekday of the event ('jeudi', 'thursday')."""

    typed: str
    day: int = 0
    month: int = 0
    year: int | None = None
    weekday: int | None = None

    def on(self, event: Event) -> date | None:
        """The day of `event` this names, or None when it is not one of the event's days."""
        if self.weekday is not None:
            return next((d for d in event.days if d.weekday() == self.weekday), None)
        try:
            found = date(self.year or event.start.year, self.month, self.day)
        except ValueError:
            return None
        return found if found in event.days else None


def read_day(text: str) -> DayRef | None:
    """'2024-12-04', '04/12', '4/12/2024' or a weekday name ('mercredi'); None if it is
    none of them or no such date."""
    value = fold(text.strip())
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    french = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", value)
    if iso:
        ref = DayRef(text, int(iso.group(3)), int(iso.group(2)), int(iso.group(1)))
    elif french:
        year = french.group(3)
        ref = DayRef(text, int(french.group(1)), int(french.group(2)),
                     int(year) if year else None)
    else:
        weekday = next((i for i, names in enumerate(zip(_FR_DAYS, _EN_DAYS, strict=True))
                        if value in names), None)
        return None if weekday is None else DayRef(text, weekday=weekday)
    try:
        date(ref.year or 2000, ref.month, ref.day)  # 2000: 29/02 exists without a year
    except ValueError:
        return None
    return ref


async def scheduled_sessions(storage: Storage, formats: tuple[Format, ...]) -> tuple[Session, ...]:
    """The sessions of every scheduled proposal, as stored: what `App.scheduled` holds."""
    return tuple(session_for(proposal, day, start, room, formats)
                 for proposal, day, start, room in await storage.proposals.schedule())
