"""The sessions that fit every slot of a question, by day and time: « programme de la
devroom Geospatial », « j'ai loupé quoi ce matin en Janson ? », 'what's on now in the Rust
devroom?', 'next lightning talk?'. It answers every question that lists sessions with
more slots than its own answer honours (see bot.commands.intents)."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from bot.commands.agenda import DEFAULT_NEXT
from bot.commands.practical import event_asked
from bot.commands.render import day_programme, room_label
from bot.commands.request import Request
from bot.commands.selection import PART_NAMES, let_go, narrow
from bot.programme.model import Session, session_order
from bot.understanding import Slots
from bot.wording.i18n import format_day, format_time, kind_name, pick, sentence_case
from bot.wording.replies import Doc, Reply


def scope(request: Request, slots: Slots) -> list[Session]:
    """The sessions a question is about: the event it names (or of its day or year), else
    the current or next event when it has sessions in the room or track asked, else every
    programme's (in no particular order)."""
    intent, programme = request.intent, request.app.programme
    event, _state = event_asked(request)
    named = intent.event or slots.day or slots.year
    if event is not None and (named or _has_place(event.sessions, slots)):
        return list(event.sessions)
    return list(programme.sessions)


def _has_place(sessions: tuple[Session, ...], slots: Slots) -> bool:
    if slots.track:
        return any(s.track == slots.track for s in sessions)
    if slots.room:
        return any(s.room == slots.room for s in sessions)
    return bool(sessions)


async def sessions(request: Request) -> Reply:
    """The sessions fitting every slot asked, grouped by day and time."""
    lang, slots = request.lang, request.intent.slots
    if slots.tense == "past" and not (slots.day or slots.year):
        slots = replace(slots, day=request.now.date())  # « j'ai loupé quoi ? »: today
    pool = scope(request, slots)
    if "day" in request.intent.implied and not any(s.day == slots.day for s in pool):
        slots = replace(slots, day=None)  # « l'après-midi ? » before the event: its days'
    narrowed = narrow(request, pool, slots=slots)
    found = sorted(narrowed.sessions, key=session_order)
    if slots.tense == "next" or request.intent.name == "next":
        found = _first_coming(request, found, slots)
    doc = Doc().bold(heading(request, slots) + pick(lang, " :", ":"))
    if narrowed.dropped:
        doc.br().extend(let_go(request, narrowed.dropped, request.intent.subject))
    if not found:
        return doc.br().text(pick(lang, "Rien au programme.", "Nothing on the programme.")).reply()
    for day, group in groupby(found, key=lambda s: s.day):
        doc.br().bold(sentence_case(format_day(day, lang))).br()
        doc.extend(day_programme(list(group), lang))
    return doc.reply()


def _first_coming(request: Request, found: list[Session], slots: Slots) -> list[Session]:
    """The next ones (one when one is asked), in start order; a slot is never cut."""
    agenda = request.app.catalog.agenda
    timed = sorted((slot for s in found if (slot := agenda.slot(s)) and slot.start > request.now),
                   key=lambda slot: slot.start)
    wanted = slots.count or (1 if request.intent.plural is False else DEFAULT_NEXT)
    chosen = timed[:wanted]
    chosen += [s for s in timed[wanted:] if chosen and s.start == chosen[-1].start]
    return sorted((slot.session for slot in chosen), key=session_order)


def heading(request: Request, slots: Slots, listed: str = "Programme") -> str:
    """What is listed (`listed`, unless the slots say a time: « Déjà terminé », 'Right now')
    and where and when: « Déjà terminé — salle Janson, le matin », 'Right now — Rust'."""
    lang = request.lang
    tense = slots.tense or ("next" if request.intent.name == "next" else "")
    lead = {"past": pick(lang, "Déjà terminé", "Already over"),
            "now": pick(lang, "En ce moment", "Right now"),
            "next": pick(lang, "À suivre", "Coming next")}.get(tense, listed)
    parts = []
    if slots.track:
        parts.append(slots.track)
    if slots.room:
        parts.append(room_label(slots.room, lang))
    if slots.kind:
        parts.append(kind_name(slots.kind, lang, heading=True).lower())
    if slots.day:
        parts.append(format_day(slots.day, lang))
    elif slots.year:
        parts.append(str(slots.year))
    if slots.part:
        parts.append(pick(lang, *PART_NAMES[slots.part]))
    if slots.hour:
        parts.append(pick(lang, "à ", "at ") + format_time(slots.hour, lang))
    return f"{lead} — {', '.join(parts)}" if parts else lead
