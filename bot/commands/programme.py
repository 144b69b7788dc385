"""!programme, !evenements, !infos: what is on, which events exist, how to get there."""

from __future__ import annotations

from datetime import date

from bot.commands.arguments import Understood
from bot.commands.declaration import command
from bot.commands.practical import practical
from bot.commands.render import day_programme, event_title, unknown_event
from bot.commands.request import Request
from bot.commands.selection import PART_NAMES, in_part
from bot.commands.who import who
from bot.programme.model import Event
from bot.programme.queries import event_at, event_state, find_event, meant_event
from bot.wording.i18n import count, format_day, pick, sentence_case
from bot.wording.replies import Doc, Reply


def _event_programme(
    event: Event, lang: str, day: date | None = None, part: str | None = None
) -> Doc:
    doc = event_title(event, lang).br()
    days = {day: event.by_day.get(day, ())} if day else event.by_day
    if part:
        days = {d: tuple(s for s in found if in_part(s, part)) for d, found in days.items()}
    days = {d: found for d, found in days.items() if found}
    if not event.sessions:
        return doc.text(
            pick(
                lang, "Le programme n'est pas encore publié.", "The programme is not published yet."
            )
        )
    if not days:
        when = format_day(day or event.start, lang)
        if part:
            fr, en = PART_NAMES[part]
            when = pick(lang, f"{when}, {fr}", f"{when}, {en}")
        return doc.text(pick(lang, f"Rien au programme le {when}.", f"Nothing on {when}."))
    for current, found in days.items():
        doc.br().bold(sentence_case(format_day(current, lang))).br()
        doc.extend(day_programme(list(found), lang))
    return doc


@command(
    "programme",
    fr=("programme",),
    en=("program", "programme"),
    args=(Understood(None, ("événement | jour | aujourd'hui | demain",
                            "event | day | today | tomorrow"), optional=True),),
    summary=(
        "le programme de l'événement en cours ou à venir",
        "the programme of the current or next event",
    ),
    example=("demain", "tomorrow"),
)
async def programme(request: Request) -> Reply:
    lang, args, slots = request.lang, request.args, request.intent.slots
    programme = request.app.programme
    today = request.now.date()
    named = None
    if request.intent.event and not slots.day:
        named = meant_event(programme, today, year=slots.year, named=request.intent.event)[0]
    if named is None and args and not (slots.day or slots.year):
        named = find_event(programme, args, today)
    if named:
        return _event_programme(named, lang).reply()
    if args and not request.is_command:
        return await who(request)  # « programme de Bastien Guerry »: what they present
    if slots.day is not None:
        holder, _state = meant_event(programme, today, slots.day)
        if holder is None or not holder.start <= slots.day <= holder.end:
            doc = Doc().text(pick(
                lang, f"Aucun événement le {format_day(slots.day, lang, True)}.",
                f"No event on {format_day(slots.day, lang, True)}."))
            return doc.extend(_next_event(request, slots.day)).reply()
        return _event_programme(holder, lang, slots.day, slots.part).reply()
    if slots.year is not None:
        chosen, state = meant_event(programme, today, year=slots.year)
        if chosen is None:
            return Doc().text(pick(lang, f"Aucun événement en {slots.year}.",
                                   f"No event in {slots.year}.")).reply()
        return _event_programme(chosen, lang).extend(_past_note(request, chosen, state)).reply()
    if args:
        return (
            Doc()
            .text(pick(lang, "Je ne trouve ni événement ni jour « ", "No event or day matches “"))
            .text(args[:60])
            .text(pick(lang, " ». Essayez ", "”. Try "))
            .code(request.typed("events"))
            .text(".")
            .reply()
        )
    event, state = event_at(programme, today)
    if event is None:
        return Doc().text(pick(lang, "Aucun événement n'est connu.", "No event is known.")).reply()
    if state == "past":
        doc = Doc().text(
            pick(
                lang,
                "Aucun événement à venir pour l'instant. Le dernier en date : ",
                "No upcoming event for now. The latest one: ",
            )
        )
        again = request.typed("programme")
        return (
            doc.extend(event_title(event, lang))
            .text(
                pick(
                    lang,
                    f" — tapez {again} {event.start.year} pour le revoir.",
                    f" — type {again} {event.start.year} to see it again.",
                )
            )
            .reply()
        )
    return _event_programme(event, lang).reply()


def _past_note(request: Request, event: Event, state: str) -> Doc:
    """For a past event: say so, and name the next one if there is one."""
    if state != "past":
        return Doc()
    lang = request.lang
    doc = Doc().br().italic(pick(lang, "Cet événement est passé.", "This event is over."))
    return doc.extend(_next_event(request, request.now.date()))


def _next_event(request: Request, after: date) -> Doc:
    """' Le prochain : Title (days)', for the first event not over on `after`."""
    upcoming = [e for e in request.app.programme.events if e.end >= after]
    if not upcoming:
        return Doc()
    nxt = min(upcoming, key=lambda e: e.start)
    return Doc().text(pick(request.lang, " Le prochain : ", " The next one: ")).extend(
        event_title(nxt, request.lang))


@command(
    "events",
    fr=("evenements", "événements"),
    en=("events",),
    summary=("les événements passés et à venir", "past and upcoming events"),
)
async def events(request: Request) -> Reply:
    lang, today = request.lang, request.now.date()
    programme = request.app.programme
    current = [e for e in programme.events if e.start <= today <= e.end]
    upcoming = [e for e in programme.events if e.start > today]
    past = [e for e in programme.events if e.end < today]
    doc = Doc()
    for label, group in (
        (pick(lang, "En cours", "On now"), current),
        (pick(lang, "À venir", "Upcoming"), upcoming),
        (pick(lang, "Passés", "Past"), list(reversed(past))),
    ):
        if group:
            doc.bold(label).items(
                [
                    event_title(e, lang)
                    .text(f" · {count(len(e.sessions), 'session', lang=lang)} · ")
                    .code(e.id)
                    for e in group
                ]
            )
    if not upcoming and not current:
        doc.italic(
            pick(lang, "Aucun événement à venir pour l'instant.", "No upcoming event for now.")
        )
    return doc.reply()


@command(
    "info",
    fr=("infos",),
    en=("info", "information", "where"),
    args=(Understood(None, ("événement", "event"), optional=True),),
    summary=(
        "lieu, adresse, horaires, accès et inscription",
        "venue, address, hours, access and registration",
    ),
    example=("2023", "2023"),
)
async def info(request: Request) -> Reply:
    programme, slots = request.app.programme, request.intent.slots
    today = request.now.date()
    named = find_event(programme, request.args, today) if request.args else None
    event = named or meant_event(programme, today, slots.day, slots.year)[0]
    if event is None or (request.args and not named and not (slots.day or slots.year)):
        return unknown_event(request.lang, request.typed("events"))
    return practical(request, event, event_state(event, today))
