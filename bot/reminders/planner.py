"""What should be sent, to whom and when: pure planning from the programme and settings.

Each notice carries one key per session it announces; a key names the target, the lead
and the session's start instant, so a talk that moves gets a new key (and a new
reminder) while one announced already at an unchanged time is never announced again.
All instants are aware datetimes in the programme's time zone: daylight saving changes
and the server's own zone do not matter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.programme.model import Event, Programme, Session
from bot.programme.queries import Agenda
from bot.reminders.repository import personal_notice_key
from bot.settings.config import RemindersConfig


@dataclass(frozen=True)
class Subscription:
    """Someone asked (!rappel) to be told before a session."""

    user_id: str
    session_id: str
    lead_minutes: int


@dataclass(frozen=True)
class Notice:
    """One message to send at `due`: a slot reminder, a digest, an eve announcement or a
    personal reminder."""

    kind: str  # "slot" | "digest" | "eve" | "personal"
    due: datetime
    keys: tuple[str, ...]
    sessions: tuple[Session, ...] = ()
    to_room: str | None = None
    to_user: str | None = None
    lead: int = 0
    event: Event | None = None
    day: date | None = None


def plan(
    programme: Programme,
    agenda: Agenda,
    settings: RemindersConfig,
    subscriptions: list[Subscription],
    since: datetime,
    until: datetime | None = None,
) -> list[Notice]:
    """Every notice due from `since` (included) to `until` (excluded, default: no end),
    in due order."""
    notices: list[Notice] = []
    longest = max((lead for room in settings.rooms for lead in room.lead_minutes), default=0)
    slots = agenda.starting_between(
        since, None if until is None else until + timedelta(minutes=longest)
    )
    for room in settings.rooms:
        wanted = set(room.events)
        for lead in room.lead_minutes:
            groups: dict[datetime, list[Session]] = defaultdict(list)
            for slot in slots:
                session = slot.session
                if (wanted and session.event_id not in wanted) or (
                    session.kind == "break" and not settings.announce_breaks
                ):
                    continue
                groups[slot.start].append(session)
            for start, sessions in groups.items():
                due = start - timedelta(minutes=lead)
                if _within(due, since, until):
                    keys = tuple(
                        f"slot|{room.room}|{lead}|{s.id}|{start.isoformat()}" for s in sessions
                    )
                    notices.append(
                        Notice("slot", due, keys, tuple(sessions), to_room=room.room, lead=lead)
                    )
        events = [e for e in programme.events if not wanted or e.id in wanted]
        notices.extend(_daily(events, room.room, settings, agenda.tz, since, until))
    notices.extend(_personal(programme, agenda, subscriptions, since, until))
    return sorted(notices, key=lambda notice: (notice.due, notice.keys))


def _within(due: datetime, since: datetime, until: datetime | None) -> bool:
    return since <= due and (until is None or due < until)


def _daily(
    events: list[Event],
    room: str,
    settings: RemindersConfig,
    tz: ZoneInfo,
    since: datetime,
    until: datetime | None,
) -> list[Notice]:
    """The morning digest of each event day, and the announcement the day before."""
    found = []
    for event in events:
        if settings.digest_time is not None:
            for day in event.days:
                if any(s.day == day for s in event.sessions):
                    due = datetime.combine(day, settings.digest_time, tz)
                    if _within(due, since, until):
                        found.append(
                            Notice(
                                "digest",
                                due,
                                (f"digest|{room}|{day}",),
                                tuple(s for s in event.sessions if s.day == day),
                                to_room=room,
                                event=event,
                                day=day,
                            )
                        )
        if settings.day_before_time is not None:
            due = datetime.combine(event.start - timedelta(days=1), settings.day_before_time, tz)
            if _within(due, since, until):
                found.append(
                    Notice(
                        "eve",
                        due,
                        (f"eve|{room}|{event.id}|{event.start}",),
                        to_room=room,
                        event=event,
                        day=event.start,
                    )
                )
    return found


def _personal(
    programme: Programme,
    agenda: Agenda,
    subscriptions: list[Subscription],
    since: datetime,
    until: datetime | None,
) -> list[Notice]:
    found = []
    for subscription in subscriptions:
        session = programme.session(subscription.session_id)
        slot = agenda.slot(session) if session else None
        if slot is None:
            continue
        due = slot.start - timedelta(minutes=subscription.lead_minutes)
        if _within(due, since, until):
            key = personal_notice_key(subscription.user_id, session.id,
                                      slot.start.isoformat(), subscription.lead_minutes)
            found.append(
                Notice(
                    "personal",
                    due,
                    (key,),
                    (session,),
                    to_user=subscription.user_id,
                    lead=subscription.lead_minutes,
                )
            )
    return found
