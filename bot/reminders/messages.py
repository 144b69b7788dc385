"""How reminders, digests and change notices read, in the room's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.commands.render import event_days, session_line
from bot.programme.model import Session
from bot.reminders.changes import Change
from bot.reminders.planner import Notice
from bot.wording.i18n import format_datetime, format_time, pick
from bot.wording.replies import Doc, Reply

ON_TIME_SECONDS = 30
"""A notice sent at most this late still says its planned lead (« Dans 10 min »)."""
NOW_SECONDS = 10
"""Closer than this to the start (or less than a minute after it) reads « maintenant »."""


def _lead(minutes: int, lang: str) -> str:
    if minutes == 0:
        return pick(lang, "C'est maintenant", "Starting now")
    if minutes % 60 == 0:
        hours = minutes // 60
        return pick(lang, f"Dans {hours} h", f"In {hours} h")
    return pick(lang, f"Dans {minutes} min", f"In {minutes} min")


def _lead_when_sent(notice: Notice, now: datetime | None, tz: ZoneInfo, lang: str) -> str:
    """How far the session is when the notice is sent: its planned lead if on time, else
    what is true at `now` (« Dans 30 s », « C'est maintenant », « A commencé il y a 3 min »)."""
    start = notice.sessions[0].starts_at(tz) if notice.sessions else None
    if now is None or start is None:
        return _lead(notice.lead, lang)
    left = (start - now).total_seconds()
    if left >= notice.lead * 60 - ON_TIME_SECONDS:
        return _lead(notice.lead, lang)
    if left >= 60:
        return _lead(int(left // 60), lang)
    if left >= NOW_SECONDS:
        return pick(lang, f"Dans {int(left)} s", f"In {int(left)} s")
    if left > -60:
        return _lead(0, lang)
    ago = int(-left // 60)
    several = len(notice.sessions) > 1
    return pick(lang, f"{'Ont' if several else 'A'} commencé il y a {ago} min",
                f"Started {ago} min ago")


def render(notice: Notice, lang: str, tz: ZoneInfo, now: datetime | None = None,
           prefix: str = "!") -> Reply:
    """The message a notice sends at `now` (default: on time); `prefix` is how commands
    are typed in the bot's rooms."""
    sessions = list(notice.sessions)
    lead = _lead_when_sent(notice, now, tz, lang)
    if notice.kind == "slot":
        rooms = {s.room for s in sessions}
        start = format_time(sessions[0].start, lang)
        head = lead
        if len(rooms) == 1 and None not in rooms:
            room = next(iter(rooms))
            head += pick(lang, f", salle {room} ({start}) :", f", room {room} ({start}):")
            with_room = False
        else:
            head += pick(lang, f" ({start}) :", f" ({start}):")
            with_room = True
        items = [session_line(s, lang, time_text="", room=with_room) for s in sessions]
        return Doc().bold(head).items(items).reply()
    if notice.kind == "digest":
        assert notice.event is not None and notice.day is not None
        head = pick(lang, "Programme du jour", "Today's programme")
        doc = Doc().bold(f"{head} — {notice.event.title}").br()
        timed = [s for s in sessions if s.start]
        untimed = [s for s in sessions if not s.start]
        doc.items([session_line(s, lang, time_text=format_time(s.start, lang) if s.start else "")
                   for s in timed + untimed])
        return doc.reply()
    if notice.kind == "eve":
        event = notice.event
        assert event is not None
        doc = Doc().bold(pick(lang, "Demain : ", "Tomorrow: ")).text(event.title)
        doc.text(f" ({event_days(event, lang)})")
        if event.venue:
            doc.text(pick(lang, f", {event.venue}", f", {event.venue}"))
        doc.text(". ").text(pick(lang, "Le programme : ", "The programme: ")).code(
            prefix + pick(lang, "programme", "program")
        )
        return doc.reply()
    session = sessions[0]
    at = session.starts_at(tz)
    doc = (
        Doc()
        .bold(pick(lang, "Rappel : ", "Reminder: "))
        .text(lead[0].lower() + lead[1:])
        .text(", ")
    )
    doc.bold(session.title)
    if session.room:
        doc.text(pick(lang, f", salle {session.room}", f", room {session.room}"))
    if at:
        doc.text(f" ({format_datetime(at, lang)})")
    return doc.text(".").reply()


def render_changes(changes: list[Change], lang: str, tz: ZoneInfo) -> Reply:
    """One notice for several changes: 'Changement : « X » passe à 15 h 20, salle Y'."""
    lines = []
    for change in changes:
        line = Doc()
        if change.kind == "cancelled":
            line.bold(pick(lang, "Annulé : ", "Cancelled: ")).text(f"« {change.old.title} »")
            at = change.old.starts_at(tz)
            if at:
                line.text(
                    pick(
                        lang,
                        f" (prévu {format_datetime(at, lang)})",
                        f" (was {format_datetime(at, lang)})",
                    )
                )
        elif change.kind == "new":
            line.bold(pick(lang, "Nouveau : ", "New: ")).text(f"« {change.new.title} »")
            line.text(_where_when(change.new, lang, tz))
        else:
            line.bold(pick(lang, "Changement : ", "Change: ")).text(f"« {change.new.title} »")
            line.text(pick(lang, " passe", " moves")).text(_where_when(change.new, lang, tz))
        lines.append(line.text(" · ").code(change.session_id))
    if len(lines) == 1:
        return lines[0].reply()
    return (
        Doc().bold(pick(lang, "Changements au programme", "Programme changes")).items(lines).reply()
    )


def _where_when(session: Session, lang: str, tz: ZoneInfo) -> str:
    at = session.starts_at(tz)
    parts = []
    if at:
        parts.append(
            pick(lang, f" à {format_datetime(at, lang)}", f" to {format_datetime(at, lang)}")
        )
    if session.room:
        parts.append(pick(lang, f", salle {session.room}", f", room {session.room}"))
    return "".join(parts)
