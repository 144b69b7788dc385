"""Plain questions no command answers: greetings, thanks, how to get a reminder, breaks,
start and end of the day, what is on at an hour, sessions of a kind, how many there are,
and the rest (replays and slides are `bot.commands.materials`', practical questions
`bot.commands.practical`'s; `bot.commands.intents` says which answers which intent).

Each takes the intent the understanding layer found (`request.intent`) and its slots.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, time

from bot.commands.practical import event_asked, no_event, state_note
from bot.commands.render import found_lines, session_line, slot_groups
from bot.commands.request import Request
from bot.commands.selection import in_part, let_go, narrow
from bot.loaders.talks.refreshments import offers_refreshment
from bot.programme.model import Event, Session, of_kind
from bot.wording.folding import fold
from bot.wording.i18n import count, format_day, format_time, kind_name, no_kind, pick, sentence_case
from bot.wording.replies import Doc, Reply


async def greet(request: Request) -> Reply:
    doc = Doc().text(pick(request.lang, "Bonjour ! Je connais le programme des événements "
                          "BlueHats : sessions, intervenants, salles, horaires et infos "
                          "pratiques. ",
                          "Hello! I know the programme of the BlueHats events: sessions, "
                          "speakers, rooms, times and practical information. "))
    return doc.extend(request.examples()).reply()


async def thanks(request: Request) -> Reply:
    doc = Doc().text(pick(request.lang, "Avec plaisir ! ", "You're welcome! "))
    return doc.extend(request.examples()).reply()


async def remind_how(request: Request) -> Reply:
    lang = request.lang
    usage = request.app.commands.commands["remind"].usage(lang)
    return (Doc().text(pick(lang, "Pour un rappel en message privé avant une session : ",
                            "To get a direct message before a session: "))
            .code(request.typed("remind", usage))
            .text(pick(lang, ", par exemple ", ", for example ")).code(request.example("remind"))
            .text(pick(lang, ". Je vous écris avant qu'elle commence.",
                       ". I write to you before it starts.")).reply())


async def unknown(request: Request) -> Reply:
    lang = request.lang
    doc = Doc().text(pick(lang, "Je n'ai pas compris. ", "I did not understand. "))
    return doc.extend(request.examples()).reply()


def _day_sessions(request: Request, *, last: bool = False) -> tuple[Event | None, list[Session]]:
    """The sessions of the day asked (today, else the event's next day with sessions; its
    last day when `last`, for when it ends, asked on no day of it), in the part of the
    day asked (« quand commence l'après-midi ? »)."""
    event, _state = event_asked(request)
    if event is None:
        return None, []
    day = request.intent.slots.day
    if day is None:
        today = request.now.date()
        days = [d for d in event.by_day if d >= today] or list(event.by_day)
        if last and days and today not in event.by_day:
            days = days[-1:]  # 'when does it end?' before it: its last day
        day = days[0] if days else event.start  # today, else the next day with sessions
    part = request.intent.slots.part
    return event, [s for s in event.by_day.get(day, ()) if not part or in_part(s, part)]


async def breaks(request: Request) -> Reply:
    lang = request.lang
    event, state = event_asked(request)
    if event is None:
        return no_event(request)
    found = [s for s in event.sessions if offers_refreshment(s.title, s.kind)]
    meals = [s for s in found if re.search(r"dejeun|repas|lunch|midi", fold(s.title))]
    words = {t.lower() for t in re.findall(r"\w+", fold(request.incoming.text))}
    if words & {"dejeuner", "repas", "lunch", "manger", "dej"} and meals:
        found = meals
    narrowed = narrow(request, found, skip=("room", "track", "kind", "hour", "tense"))
    found = narrowed.sessions  # « une pause mercredi après-midi ? »: that day, that part
    doc = Doc().bold(event.title).extend(state_note(event, state, request)).br()
    if narrowed.dropped:
        doc.extend(let_go(request, narrowed.dropped)).br()
    if not found:
        return doc.text(pick(lang, "Le programme n'indique pas de pause.",
                             "The programme shows no break.")).reply()
    return doc.items([_dated(s, lang) for s in found]).reply()


def _dated(session: Session, lang: str) -> Doc:
    return Doc().text(sentence_case(format_day(session.day, lang)) + ", ").extend(
        session_line(session, lang))


async def start(request: Request) -> Reply:
    return _bound(request, first=True)


async def end(request: Request) -> Reply:
    return _bound(request, first=False)


def _bound(request: Request, *, first: bool) -> Reply:
    """When the day starts (its first session) or ends (its last one ends)."""
    lang = request.lang
    event, sessions = _day_sessions(request, last=not first)
    agenda = request.app.catalog.agenda
    slots = [slot for s in sessions if (slot := agenda.slot(s)) is not None]
    if event is None or not slots:
        return no_event(request) if event is None else Doc().text(pick(
            lang, "Le programme ne donne pas d'horaire ce jour-là.",
            "The programme gives no time that day.")).reply()
    if first:
        chosen = min(slots, key=lambda s: s.start)
        at = chosen.start
        lead = pick(lang, "Ça commence à ", "It starts at ")
    else:
        chosen = max(slots, key=lambda s: s.end)
        at = chosen.end
        lead = pick(lang, "Ça se termine à ", "It ends at ")
    doc = Doc().text(lead).bold(format_time(at.time(), lang))
    doc.text(pick(lang, f", {format_day(at.date(), lang)} ", f", {format_day(at.date(), lang)} "))
    doc.text("(").text(event.title).text(pick(lang, ") :", "):"))
    return doc.br().extend(session_line(chosen.session, lang)).reply()


async def at_hour(request: Request) -> Reply:
    """What is on at the hour asked, on the day asked (or the nearest event day)."""
    lang = request.lang
    hour = request.intent.slots.hour or time(0)
    event, sessions = _day_sessions(request)
    if event is None or not sessions:
        return no_event(request)
    at = datetime.combine(sessions[0].day, hour, request.app.catalog.tz)
    agenda = request.app.catalog.agenda
    wanted = {s.id for s in sessions}
    found = [s for s in agenda.running(at) if s.session.id in wanted]
    day = sentence_case(format_day(at.date(), lang))
    hour_text = format_time(hour, lang)
    heading = pick(lang, f"{day} à {hour_text}", f"{day} at {hour_text}")
    doc = Doc().bold(heading).br()
    if found:
        return doc.items([session_line(s.session, lang) for s in found]).reply()
    doc.text(pick(lang, "Rien au programme à cette heure-là.", "Nothing on at that time."))
    later = [s for s in agenda.upcoming(at, 1) if s.session.id in wanted]
    if later:
        doc.text(pick(lang, " Ensuite :", " Then:")).br().extend(slot_groups(later, lang))
    return doc.reply()


async def kind(request: Request) -> Reply:
    """The sessions of a kind ('les démos'): of the event meant, else of every event."""
    lang = request.lang
    wanted = request.intent.slots.kind
    event, _state = event_asked(request)
    programme = request.app.programme
    day = request.intent.slots.day
    found = [s for s in (event.sessions if event else ()) if of_kind(s.kind, wanted or "")
             and day in (None, s.day)]
    heading = Doc().bold(kind_name(wanted or "other", lang, heading=True) + pick(lang, " :", ":"))
    if not found:
        found = [s for s in programme.sessions if of_kind(s.kind, wanted or "")][::-1]
        if found and event:  # « des ateliers aujourd'hui ? »: none then, but here are others
            none = no_kind(wanted or "other", lang)
            then = pick(lang, " ce jour-là", " that day") if day else ""
            heading.br().italic(pick(lang, f"{none} dans « {event.title} »{then} ; dans les "
                                           "autres programmes :",
                                     f"{none} in “{event.title}”{then}; in the other "
                                     "programmes:"))
    if not found:
        return (Doc().text(pick(lang, "Aucune session de ce type dans les programmes connus.",
                                "No session of that kind in the known programmes.")).reply())
    return found_lines(heading, request.app, found, request.now, lang).reply()


async def how_many(request: Request) -> Reply:
    """How many sessions the event has (of the kind asked; breaks are not sessions here), on
    the day asked or on each of its days, and how many are still to come."""
    lang = request.lang
    event, state = event_asked(request)
    if event is None:
        return no_event(request)
    wanted, day = request.intent.slots.kind, request.intent.slots.day
    chosen = [s for s in narrow(request, event.sessions, relax=False).sessions
              if wanted or s.kind != "break"]
    noun = ((kind_name(wanted, lang), kind_name(wanted, lang, heading=True).lower()) if wanted
            else ("session", "sessions"))
    colon = pick(lang, " : ", ": ")
    doc = Doc().bold(event.title).extend(state_note(event, state, request)).br()
    per_day = Counter(s.day for s in chosen)
    days = sorted(per_day)
    if day is not None:
        doc.text(sentence_case(format_day(day, lang)) + colon)
    doc.text(count(len(chosen), *noun, lang=lang))
    tz = request.app.catalog.tz
    coming = sum(1 for s in chosen if (at := s.starts_at(tz)) and at > request.now)
    if 0 < coming < len(chosen):
        doc.text(pick(lang, f", dont {coming} à venir", f", {coming} still to come"))
    if day is None and len(days) == 1:
        doc.text(", " + format_day(days[0], lang))
    if day is not None or len(days) < 2:
        return doc.text(".").reply()
    doc.text(pick(lang, f" sur {len(days)} jours :", f" over {len(days)} days:"))
    return doc.items([Doc().text(sentence_case(format_day(d, lang)) + colon
                                 + count(per_day[d], *noun, lang=lang)) for d in days]).reply()
