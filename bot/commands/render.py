"""How sessions, slots and events read in a reply, in both languages."""

from __future__ import annotations

import re
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING

from bot.programme.model import Event, Session, credit
from bot.programme.queries import Slot
from bot.wording.folding import fold
from bot.wording.i18n import count, format_day, format_span, format_time, pick
from bot.wording.replies import Doc, Reply

if TYPE_CHECKING:
    from bot.app import App

_NAMED_ROOM = re.compile(r"(?:salles?|salon|rooms?|saal|stage|hall|amphi\w*|auditori\w*|stand"
                         r"|espace|forum)\b")
"""Room names that already say they are rooms: « Saal 1 » is not « salle Saal 1 »."""


def room_label(room: str, lang: str, *, capital: bool = False) -> str:
    """« salle Ada Lovelace », 'room K.1.105', or « Saal 1 » as it is."""
    if _NAMED_ROOM.match(fold(room)):
        return room
    word = pick(lang, "salle", "room")
    return f"{word.capitalize() if capital else word} {room}"


MAX_ITEMS = 30
"""Longer lists are cut, with a line saying how many were left out."""


def session_line(
    session: Session, lang: str, *, time_text: str | None = None, room: bool = True
) -> Doc:
    """'14 h 20 – 14 h 40 · Title — speakers · salle X · id'."""
    doc = Doc()
    span = time_text if time_text is not None else format_span(session.start, session.end, lang)
    if span:
        doc.text(f"{span} · ")
    doc.bold(session.title)
    who = credit(session)
    if who:
        doc.text(" — ").italic(who)
    if room and session.room:
        doc.text(f" · {room_label(session.room, lang)}")
    doc.text(" · ").code(session.id)
    return doc


def slot_groups(slots: list[Slot], lang: str, *, with_day: bool = False) -> Doc:
    """Slots grouped by start time: one heading per time, the sessions under it."""
    doc = Doc()
    shown = slots[:MAX_ITEMS]
    for start, group in groupby(shown, key=lambda slot: slot.start):
        heading = format_time(start.time(), lang)
        if with_day:
            heading = f"{format_day(start.date(), lang)}, {heading}"
        doc.bold(heading).items([session_line(s.session, lang, time_text="") for s in group])
    return more(doc, len(slots) - len(shown), lang)


def day_programme(sessions: list[Session], lang: str) -> Doc:
    """A day's sessions grouped by time; sessions with no time come last, together."""
    doc = Doc()
    shown = sessions[:MAX_ITEMS]
    for key, group in groupby(shown, key=lambda s: (s.start, s.end)):
        start, end = key
        label = format_span(start, end, lang) or pick(lang, "Horaire non précisé", "Time not given")
        doc.bold(label).items([session_line(s, lang, time_text="") for s in group])
    return more(doc, len(sessions) - len(shown), lang)


def more(doc: Doc, hidden: int, lang: str) -> Doc:
    """Say how many items a cut list left out."""
    if hidden > 0:
        doc.italic(
            pick(
                lang,
                f"… et {count(hidden, 'autre', lang='fr')} : précisez votre demande.",
                f"…and {hidden} more: narrow your request.",
            )
        )
    return doc


def event_title(event: Event, lang: str) -> Doc:
    """'Title (mercredi 4 – jeudi 5 décembre 2024)'."""
    return Doc().bold(event.title).text(f" ({event_days(event, lang)})")


def event_days(event: Event, lang: str) -> str:
    first = format_day(event.start, lang, with_year=event.start == event.end)
    if event.start == event.end:
        return first
    return f"{format_day(event.start, lang)} – {format_day(event.end, lang, with_year=True)}"


def unknown_event(lang: str, events_command: str) -> Reply:
    """The answer when no event matches what was asked; `events_command` as typed here."""
    return (Doc().text(pick(lang, "Je ne trouve pas cet événement. Essayez ",
                            "I cannot find that event. Try "))
            .code(events_command).text(".").reply())


MAX_FOUND = 10
QUOTED = 200
"""At most this many characters of a description's line are quoted."""


def when(session: Session, lang: str) -> str:
    """'mercredi 4 décembre 2024, 10 h – 12 h 30': the day, and the hours the page gives."""
    day = format_day(session.day, lang, with_year=True)
    span = format_span(session.start, session.end, lang)
    return f"{day}, {span}" if span else day


def found_lines(doc: Doc, app: App, sessions: list[Session], now: datetime, lang: str,
                asked: re.Pattern[str] | None = None) -> Doc:
    """`doc` and the sessions found, each with its speakers, when, where and event; a
    session already over says « terminée »; one found by its description (`asked` finds
    the words asked in folded text) quotes the line that says them."""
    items = []
    for session in sessions[:MAX_FOUND]:
        event = app.programme.event(session.event_id)
        line = Doc().italic(credit(session) or pick(lang, "intervenant à confirmer", "speaker TBA"))
        line.text(" — ").bold(session.title).br()
        line.text(when(session, lang))
        slot = app.catalog.agenda.slot(session)
        if slot is not None and slot.end <= now:
            line.italic(pick(lang, " (terminée)", " (over)"))
        if session.room:
            line.text(f", {room_label(session.room, lang)}")
        if event:
            line.text(f" · {event.title}")
        line.text(" · ").code(session.id)
        if asked is not None and (said := _said_of(session, asked)):
            line.br().italic(pick(lang, f"« {said} »", f"“{said}”"))
        items.append(line)
    return more(doc.items(items), len(sessions) - MAX_FOUND, lang)


def _said_of(session: Session, asked: re.Pattern[str]) -> str | None:
    """The first line of the session's description that says what was asked, when its
    title and speakers do not."""
    if asked.search(fold(f"{session.title} {credit(session)}")):
        return None
    said = next((line for line in session.description.splitlines()
                 if asked.search(fold(line))), None)
    return said.strip()[:QUOTED] if said else None
