"""!maintenant, !prochains, !salle: what is on now, what comes next, and in which room."""

from __future__ import annotations

from datetime import date, datetime, time

from bot.commands.arguments import Understood
from bot.commands.declaration import command
from bot.commands.render import room_label, slot_groups
from bot.commands.request import Request
from bot.programme.queries import event_at
from bot.wording.i18n import format_datetime, format_day, format_time, pick
from bot.wording.replies import Doc, Reply

DEFAULT_NEXT = 5
MAX_NEXT = 30


def _nothing_next(request: Request) -> Doc:
    """What to say when no session is coming: the next event, or that none is known."""
    lang = request.lang
    event, state = event_at(request.app.programme, request.now.date())
    doc = Doc().text(
        pick(
            lang, "Plus rien au programme pour l'instant.", "Nothing more on the programme for now."
        )
    )
    if event and state == "next":
        doc.text(pick(lang, " Prochain événement : ", " Next event: ")).bold(event.title)
        doc.text(f" ({format_day(event.start, lang, with_year=True)}).")
    return doc


@command(
    "now",
    fr=("maintenant", "encours"),
    en=("now",),
    summary=("ce qui se passe en ce moment", "what is on right now"),
)
async def now(request: Request) -> Reply:
    lang = request.lang
    agenda = request.app.catalog.agenda
    running = agenda.running(request.now)
    if running:
        return (
            Doc()
            .bold(pick(lang, "En ce moment", "Right now"))
            .br()
            .extend(slot_groups(running, lang))
            .reply()
        )
    coming = agenda.upcoming(request.now, 1)
    doc = Doc().text(pick(lang, "Rien en cours. ", "Nothing on right now. "))
    if coming:
        doc.text(pick(lang, "Prochain créneau : ", "Next slot: ")).text(
            format_datetime(coming[0].start, lang)
        ).text(".")
        return doc.br().extend(slot_groups(agenda.upcoming(request.now, 1), lang)).reply()
    return doc.extend(_nothing_next(request)).reply()


@command(
    "next",
    fr=("prochains", "prochain", "ensuite", "suite"),
    en=("next", "upcoming"),
    args=(Understood(None, ("nombre", "count"), optional=True),),
    summary=(
        "les prochaines sessions, regroupées par horaire",
        "the next sessions, grouped by time",
    ),
    example=("3", "3"),
)
async def next_sessions(request: Request) -> Reply:
    lang = request.lang
    plural = request.intent.plural
    count = request.intent.slots.count or (1 if plural is False else DEFAULT_NEXT)
    agenda = request.app.catalog.agenda
    coming = agenda.upcoming(request.now, count)
    if not coming:
        return _nothing_next(request).reply()
    same_day = coming[0].start.date() == request.now.date()
    title = pick(lang, "À suivre", "Coming next")
    return Doc().bold(title).br().extend(slot_groups(coming, lang, with_day=not same_day)).reply()


def _room_day(request: Request, name: str) -> date:
    """The day « salle X à 16h » means: today if the room has sessions today, else the next
    day it has some (the event's), else today."""
    today = request.now.date()
    midnight = datetime.combine(today, time(0), request.app.catalog.tz)
    running, coming = request.app.catalog.agenda.in_room(name, midnight, count=1)
    first = (running or coming)[:1]
    return first[0].start.date() if first else today


@command(
    "room",
    fr=("salle",),
    en=("room",),
    args=(Understood(None, ("salle", "room"), cue=("salle", "room")),),
    summary=(
        "ce qui se passe dans une salle, maintenant et ensuite",
        "what is on in a room, now and next",
    ),
    example=("ada", "ada"),
)
async def room(request: Request) -> Reply:
    lang = request.lang
    agenda = request.app.catalog.agenda
    rooms = ", ".join(agenda.rooms) or "—"
    if not request.args and not request.intent.room:
        return (
            Doc()
            .text(pick(lang, "Quelle salle ? Salles connues : ", "Which room? Known rooms: "))
            .text(rooms)
            .reply()
        )
    name = request.intent.room or agenda.find_room(request.intent.subject or request.args)
    if name is None:
        return (
            Doc()
            .text(pick(lang, "Salle inconnue : ", "Unknown room: "))
            .text(request.args[:60])
            .text(pick(lang, ". Salles connues : ", ". Known rooms: "))
            .text(rooms)
            .reply()
        )
    slots = request.intent.slots
    at = request.now
    heading = room_label(name, lang, capital=True)
    asked = slots.hour  # a day or a part of the day is the sessions listing's
    if asked is not None:
        day = slots.day or _room_day(request, name)
        at = datetime.combine(day, asked, request.app.catalog.tz)
        hour = format_time(asked, lang)
        heading = pick(lang, f"{heading}, {format_day(at.date(), lang)} à {hour}",
                       f"{heading}, {format_day(at.date(), lang)} at {hour}")
    running, coming = agenda.in_room(name, at)
    doc = Doc().bold(heading).br()
    if running:
        now_label = pick(lang, "En ce moment :", "Now:")
        if asked is not None:
            now_label = pick(lang, f"À {hour} :", f"At {hour}:")
        doc.text(now_label).br().extend(slot_groups(running, lang))
    if coming and not (running and slots.hour):  # at an hour: what is on then
        doc.text(pick(lang, "Ensuite :", "Next:")).br().extend(
            slot_groups(coming, lang, with_day=True)
        )
    if not running and not coming:
        doc.text(pick(lang, "Rien de prévu dans cette salle.", "Nothing planned in this room."))
    return doc.reply()
