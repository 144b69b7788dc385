"""Practical questions about an event, answered from its information and its page:
venue, access, price, registration, contact, hours, stand, rooms, online, website, dates;
anything its page says (« y a un Slack ? »); and `!infos`.

Each line of the event's information and each sentence of its page that speaks of what was
asked is quoted (`bot.commands.passages`); when none does, all its practical information
is shown.
"""

from __future__ import annotations

from bot.commands.passages import Said, is_free, said_of_facet, said_of_words
from bot.commands.render import event_days, event_title
from bot.commands.request import Request
from bot.programme.model import Event, InfoField, Link
from bot.programme.queries import meant_event
from bot.wording.i18n import format_day, format_time, pick, sentence_case
from bot.wording.replies import Doc, Reply


def event_asked(request: Request) -> tuple[Event | None, str]:
    """The event the question is about: named, or of the day or year asked, or the
    current or next one."""
    slots, intent = request.intent.slots, request.intent
    return meant_event(request.app.programme, request.now.date(), slots.day, slots.year,
                       intent.event)


def state_note(event: Event, state: str, request: Request) -> Doc:
    """' (en cours)' on its days; for a past event, that it is past and what comes next."""
    lang = request.lang
    if state == "current":
        return Doc().italic(pick(lang, " (en cours)", " (on now)"))
    if state != "past":
        return Doc()
    doc = Doc().italic(pick(lang, " (événement passé)", " (past event)"))
    upcoming = [e for e in request.app.programme.events if e.start > request.now.date()]
    if upcoming:
        nxt = min(upcoming, key=lambda e: e.start)
        doc.text(pick(lang, " — prochain : ", " — next: ")).extend(event_title(nxt, lang))
    return doc


def no_event(request: Request) -> Reply:
    lang = request.lang
    return (Doc().text(pick(lang, "Je ne trouve pas d'événement pour cela. Essayez ",
                            "I find no event for that. Try "))
            .code(request.typed("events")).text(".").reply())


async def facet(request: Request) -> Reply:
    """A practical question, answered by the lines of the event's information and the
    sentences of its page that speak of it (all its information when none does)."""
    lang, name = request.lang, request.intent.facet or "venue"
    event, state = event_asked(request)
    if event is None:
        return no_event(request)
    doc = _heading(request, event, state)
    if name == "dates":
        if state == "past" and not any(e.end >= request.now.date()
                                       for e in request.app.programme.events):
            doc.text(pick(lang, "Aucun événement à venir n'est annoncé pour l'instant.",
                          "No upcoming event is announced for now."))
        return doc.reply()
    found = said_of_facet(event, name)
    place = ", ".join(x for x in (event.venue, event.address) if x)
    if name == "price" and is_free(found):
        doc.text(pick(lang, "Oui, c'est gratuit.", "Yes, it is free.")).br()
    rooms = sorted({s.room for s in event.sessions if s.room}) if name == "rooms" else []
    if rooms:
        plural = "s" if len(rooms) > 1 else ""
        doc.text(pick(lang, f"Salle{plural} : ", f"Room{plural}: ")).text(", ".join(rooms)).br()
    if name == "hours" and not found:
        spans = _day_spans(request, event)
        if spans:
            return doc.items(spans).reply()
    links = _website(event) if name == "website" else []
    if not (found or rooms or links or (name in ("venue", "online") and place)):
        doc.text(pick(lang, "La page ne le précise pas ; voici ses informations pratiques :",
                      "The page does not say; here is its practical information:")).br()
        return doc.extend(_all_info(request, event)).reply()
    if name in ("venue", "access", "online") and place:
        doc.text(pick(lang, "Lieu : ", "Venue: ")).text(place).br()
    return doc.items(links + said_items(found, lang)).reply()


def _website(event: Event) -> list[Doc]:
    """The event's own address and the links its page gives for it."""
    urls = dict.fromkeys([*([event.url] if event.url else []),
                          *(link.url for link in event.links)])
    return [Doc().link(url, url) for url in urls]


def page_says(request: Request, text: str) -> Reply | None:
    """What the event's information and page say of the words of `text` (« y a un Slack ? »),
    quoted; None when they say nothing of them."""
    event, state = event_asked(request)
    if event is None:
        return None
    found = said_of_words(event, text)
    if not found:
        return None
    return _heading(request, event, state).items(said_items(found, request.lang)).reply()


def mentions(request: Request, subject: str) -> Reply:
    """What the event's information and text say of `subject` (« y a du wifi ? »), or that
    they say nothing of it, with all its practical information."""
    lang = request.lang
    event, state = event_asked(request)
    if event is None:
        return no_event(request)
    quoted = page_says(request, request.incoming.text)
    if quoted is not None:
        return quoted
    doc = _heading(request, event, state)
    doc.text(pick(lang, f"Ni le programme ni la page ne parlent de « {subject[:80]} » ; "
                        "voici ses informations pratiques :",
                  f"Neither the programme nor the page mentions “{subject[:80]}”; here is "
                  "its practical information:")).br()
    return doc.extend(_all_info(request, event)).reply()


def said_items(found: Said, lang: str) -> list[Doc]:
    """What the page says, as items: its information lines, then its sentences with their
    links."""
    return [_info_line(item, lang) for item in found.lines] + [
        _quoted(sentence, found.links_in(sentence)) for sentence in found.sentences]


def _quoted(sentence: str, links: list[Link]) -> Doc:
    """A sentence of the page with the links it shows ('register here' and where)."""
    doc, rest = Doc(), sentence
    for link in links:
        before, found, rest = rest.partition(link.text)
        if found:
            doc.text(before).link(link.text, link.url)
        else:
            rest = before
    return doc.text(rest)


def _heading(request: Request, event: Event, state: str) -> Doc:
    """'Title (en cours)' and its days."""
    doc = Doc().bold(event.title).extend(state_note(event, state, request)).br()
    return doc.text(sentence_case(event_days(event, request.lang))).br()


def _all_info(request: Request, event: Event) -> Doc:
    lang = request.lang
    doc = Doc()
    place = ", ".join(x for x in (event.venue, event.address) if x)
    if place:
        doc.text(pick(lang, "Lieu : ", "Venue: ")).text(place).br()
    if event.url:
        doc.text(pick(lang, "Site : ", "Website: ")).link(event.url, event.url).br()
    if not place and not event.info and not event.url:
        return doc.text(pick(lang, "La page de l'événement ne donne pas d'informations "
                                   "pratiques.", "The event page gives no practical "
                                   "information."))
    return doc.items([_info_line(item, lang) for item in event.info])


def practical(request: Request, event: Event, state: str) -> Reply:
    """Everything practical about `event`: venue, address and its information lines."""
    return _heading(request, event, state).extend(_all_info(request, event)).reply()


def _day_spans(request: Request, event: Event) -> list[Doc]:
    """'Mercredi 4 décembre : 10 h – 17 h 20' for each day of the event with timed sessions."""
    agenda, lang = request.app.catalog.agenda, request.lang
    spans = []
    for day in event.days:
        slots = [slot for s in event.sessions if s.day == day and (slot := agenda.slot(s))]
        if slots:
            first = min(s.start for s in slots).time()
            last = max(s.end for s in slots).time()
            spans.append(Doc().text(sentence_case(format_day(day, lang)) + pick(lang, " : ", ": "))
                         .text(f"{format_time(first, lang)} – {format_time(last, lang)}"))
    return spans


def _info_line(item: InfoField, lang: str) -> Doc:
    line = Doc().bold(item.label).text(pick(lang, " : ", ": "))
    return line.link(item.text or item.url, item.url) if item.url else line.text(item.text)
