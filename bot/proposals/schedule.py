"""From accepted proposals to programme sessions, and the day/time organisers type."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.programme.model import Session
from bot.proposals.calls import Format
from bot.proposals.proposal import Proposal
from bot.proposals.repositories.proposals import Proposals
from bot.storage import Storage


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


async def scheduled_sessions(storage: Storage, formats: tuple[Format, ...]) -> tuple[Session, ...]:
    """The sessions of every scheduled proposal, as stored: what `App.scheduled` holds."""
    return tuple(session_for(proposal, day, start, room, formats)
                 for proposal, day, start, room in await storage.repository(Proposals).schedule())
