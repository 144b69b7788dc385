"""Practical questions about an event, answered from its information and its text:
venue, access, price, registration, contact, hours, stand, rooms, dates; and `!infos`.

Each line of the event's information and each sentence of its description that speaks of
what was asked is shown; when none does, all its practical information is.
"""

from __future__ import annotations

import re

from bot.commands.render import event_days, event_title
from bot.commands.request import Request
from bot.programme.model import Event, InfoField
from bot.programme.queries import meant_event
from bot.understanding import lexicon
from bot.wording.folding import fold
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


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


async def facet(request: Request) -> Reply:
    """A practical question, answered by the lines of the event's information and the
    sentences of its text that speak of it (all its information when none does)."""
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
    lines, said = _passages(event, re.compile(lexicon.FACET_WORDS[name]))
    place = ", ".join(x for x in (event.venue, event.address) if x)
    if name == "price" and any("gratuit" in fold(i.text) or "free" in fold(i.text)
                               for i in lines):
        doc.text(pick(lang, "Oui, c'est gratuit.", "Yes, it is free.")).br()
    rooms = sorted({s.room for s in event.sessions if s.room}) if name == "rooms" else []
    if rooms:
        plural = "s" if len(rooms) > 1 else ""
        doc.text(pick(lang, f"Salle{plural} : ", f"Room{plural}: ")).text(", ".join(rooms)).br()
    if name == "hours" and not (lines or said):
        spans = _day_spans(request, event)
        if spans:
            return doc.items(spans).reply()
    if not (lines or said or rooms or (name == "venue" and place)):
        doc.text(pick(lang, "La page ne le précise pas ; voici ses informations pratiques :",
                      "The page does not say; here is its practical information:")).br()
        return doc.extend(_all_info(request, event)).reply()
    if name in ("venue", "access") and place:
        doc.text(pick(lang, "Lieu : ", "Venue: ")).text(place).br()
    return doc.items(_passage_items(lines, said, lang)).reply()


def mentions(request: Request, subject: str) -> Reply:
    """What the event's information and text say of `subject` (« y a du wifi ? »), or that
    they say nothing of it, with all its practical information."""
    lang = request.lang
    event, state = event_asked(request)
    if event is None:
        return no_event(request)
    doc = _heading(request, event, state)
    keys = [w for w in re.findall(r"\w+", fold(subject)) if len(w) > 2]
    needle = re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + ")") if keys else None
    lines, said = _passages(event, needle) if needle else ([], [])
    if lines or said:
        return doc.items(_passage_items(lines, said, lang)).reply()
    doc.text(pick(lang, f"Ni le programme ni la page ne parlent de « {subject[:80]} » ; "
                        "voici ses informations pratiques :",
                  f"Neither the programme nor the page mentions “{subject[:80]}”; here is "
                  "its practical information:")).br()
    return doc.extend(_all_info(request, event)).reply()


def _passages(event: Event, needle: re.Pattern[str]) -> tuple[list[InfoField], list[str]]:
    """The event's information lines and the sentences of its text that `needle` finds
    (in folded text)."""
    lines = [i for i in event.info if needle.search(fold(f"{i.label} {i.text}"))]
    return lines, [s for s in _sentences(event.description) if needle.search(fold(s))]


def _passage_items(lines: list[InfoField], said: list[str], lang: str) -> list[Doc]:
    return [_info_line(item, lang) for item in lines] + [Doc().text(s) for s in said]


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
    if not place and not event.info:
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
