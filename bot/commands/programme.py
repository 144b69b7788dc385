"""!programme, !evenements, !infos: what is on, which events exist, how to get there."""

from __future__ import annotations

from datetime import date, timedelta

from bot.commands.base import Request, command
from bot.commands.render import day_programme, event_days, event_title, unknown_event
from bot.i18n import format_day, pick, sentence_case
from bot.loaders.french_dates import find_days
from bot.model import Event, fold
from bot.queries import event_at, find_event
from bot.replies import Doc, Reply

_WEEKDAYS = {
    **{
        d: i
        for i, d in enumerate(
            ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
        )
    },
    **{
        d: i
        for i, d in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
}


def _requested_day(args: str, today: date, year: int) -> date | None:
    words = fold(args).replace("'", " ").split()
    if {"aujourd", "today"} & set(words) or "aujourdhui" in words:
        return today
    if {"demain", "tomorrow"} & set(words):
        return today + timedelta(days=1)
    found = find_days(args, year)
    if found:
        return found[0]
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if weekday is not None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    return None


def _event_programme(event: Event, lang: str, day: date | None = None) -> Doc:
    doc = event_title(event, lang).br()
    sessions = [s for s in event.sessions if day is None or s.day == day]
    if not event.sessions:
        return doc.text(
            pick(
                lang, "Le programme n'est pas encore publié.", "The programme is not published yet."
            )
        )
    if not sessions:
        return doc.text(
            pick(
                lang,
                f"Rien au programme le {format_day(day, lang)}.",
                f"Nothing on {format_day(day, lang)}.",
            )
        )
    for current in sorted({s.day for s in sessions}):
        doc.br().bold(sentence_case(format_day(current, lang))).br()
        doc.extend(day_programme([s for s in sessions if s.day == current], lang))
    return doc


@command(
    "programme",
    fr=("programme",),
    en=("program", "programme"),
    usage=("[événement | jour | aujourd'hui | demain]", "[event | day | today | tomorrow]"),
    summary=(
        "le programme de l'événement en cours ou à venir",
        "the programme of the current or next event",
    ),
    phrases_fr=(r"\b(?:quel est le |le )?programme\b",),
    phrases_en=(r"\b(?:what'?s the |the )?(?:program|programme|schedule|agenda)\b",),
)
async def programme(request: Request) -> Reply:
    lang, args = request.lang, request.args
    programme = request.app.programme
    today = request.now.date()
    event, state = event_at(programme, today)
    if args:
        named = find_event(programme, args)
        if named:
            return _event_programme(named, lang).reply()
        day = _requested_day(args, today, event.start.year if event else today.year)
        if day is not None:
            holder = next((e for e in programme.events if e.start <= day <= e.end), None)
            if holder is None:
                return (
                    Doc()
                    .text(
                        pick(
                            lang,
                            f"Aucun événement le {format_day(day, lang, True)}.",
                            f"No event on {format_day(day, lang, True)}.",
                        )
                    )
                    .reply()
                )
            return _event_programme(holder, lang, day).reply()
        return (
            Doc()
            .text(pick(lang, "Je ne trouve ni événement ni jour « ", "No event or day matches “"))
            .text(args[:60])
            .text(pick(lang, " ». Essayez ", "”. Try "))
            .code(pick(lang, "!evenements", "!events"))
            .text(".")
            .reply()
        )
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
        return (
            doc.extend(event_title(event, lang))
            .text(
                pick(
                    lang,
                    f" — tapez !programme {event.start.year} pour le revoir.",
                    f" — type !program {event.start.year} to see it again.",
                )
            )
            .reply()
        )
    return _event_programme(event, lang).reply()


@command(
    "events",
    fr=("evenements", "événements"),
    en=("events",),
    summary=("les événements passés et à venir", "past and upcoming events"),
    phrases_fr=(r"\bevenements?\b",),
    phrases_en=(r"\bevents?\b",),
)
async def events(request: Request) -> Reply:
    lang, today = request.lang, request.now.date()
    programme = request.app.programme
    upcoming = [e for e in programme.events if e.end >= today]
    past = [e for e in programme.events if e.end < today]
    doc = Doc()
    for label, group in (
        (pick(lang, "À venir", "Upcoming"), upcoming),
        (pick(lang, "Passés", "Past"), list(reversed(past))),
    ):
        if group:
            doc.bold(label).items(
                [
                    event_title(e, lang)
                    .text(
                        pick(
                            lang,
                            f" · {len(e.sessions)} sessions · ",
                            f" · {len(e.sessions)} sessions · ",
                        )
                    )
                    .code(e.id)
                    for e in group
                ]
            )
    if not upcoming:
        doc.italic(
            pick(lang, "Aucun événement à venir pour l'instant.", "No upcoming event for now.")
        )
    return doc.reply()


@command(
    "info",
    fr=("infos",),
    en=("info", "information", "where"),
    usage=("[événement]", "[event]"),
    summary=(
        "lieu, adresse, horaires, accès et inscription",
        "venue, address, hours, access and registration",
    ),
    phrases_fr=(
        r"\bc.?est ou\b",
        r"\bou (?:est|se trouve|ca se passe|a lieu)\b",
        r"\bcomment (?:y aller|venir|s.y rendre)\b",
        r"\badresse\b",
        r"\binscri",
    ),
    phrases_en=(r"\bwhere\b", r"\baddress\b", r"\bhow (?:do i |to )?get there\b", r"\bregist"),
)
async def info(request: Request) -> Reply:
    lang = request.lang
    programme = request.app.programme
    event = (
        find_event(programme, request.args)
        if request.args
        else event_at(programme, request.now.date())[0]
    )
    if event is None:
        return unknown_event(lang)
    doc = Doc().bold(event.title).br().text(sentence_case(event_days(event, lang))).br()
    place = ", ".join(x for x in (event.venue, event.address) if x)
    if place:
        doc.text(pick(lang, "Lieu : ", "Venue: ")).text(place).br()
    items = []
    for item in event.info:
        line = Doc().bold(item.label).text(pick(lang, " : ", ": "))
        if item.url:
            line.link(item.text or item.url, item.url)
        else:
            line.text(item.text)
        items.append(line)
    doc.items(items)
    if not place and not items:
        doc.text(
            pick(
                lang,
                "La page de l'événement ne donne pas d'informations pratiques.",
                "The event page gives no practical information.",
            )
        )
    return doc.reply()
