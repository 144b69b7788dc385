"""Every slot of a question honoured: sessions kept by room, track, kind, day, part of the
day, hour, year and tense together; when nothing fits them all, the slots let go (the
hour first, the room last) and a note that says which (« Rien sur « Grist » en salle Ada ;
ailleurs : »)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time

from bot.commands.render import room_label
from bot.commands.request import Request
from bot.programme.model import Session, of_kind
from bot.understanding import Slots
from bot.wording.folding import fold
from bot.wording.i18n import format_day, format_time, kind_name, pick
from bot.wording.replies import Doc

PARTS = {
    "morning": (time(0), time(12, 30)), "noon": (time(11, 30), time(14)),
    "afternoon": (time(12), time(18)), "evening": (time(17, 30), time(23, 59)),
}
"""A part of the day: the sessions starting in [from, to) (a session at noon is of the
morning and of the afternoon)."""


def in_part(session: Session, part: str) -> bool:
    """Whether `session` starts in that part of the day."""
    low, high = PARTS[part]
    return session.start is not None and low <= session.start < high


PART_NAMES = {"morning": ("le matin", "in the morning"), "noon": ("à midi", "at noon"),
              "afternoon": ("l'après-midi", "in the afternoon"),
              "evening": ("le soir", "in the evening")}


FILTERS = ("room", "track", "kind", "year", "day", "part", "hour", "tense")
"""The slots that keep or leave out sessions, in the order a question names them."""
LET_GO = ("hour", "part", "tense", "day", "kind", "track", "room", "year")
"""When nothing fits every slot, the order they are let go in: the finest first."""
PLACES = frozenset(("room", "track"))


@dataclass(frozen=True)
class Narrowed:
    """The sessions that fit the slots kept, and the slots let go to find any."""

    sessions: list[Session]
    dropped: tuple[str, ...] = ()


def narrow(request: Request, sessions: Iterable[Session], skip: Iterable[str] = (),
           slots: Slots | None = None, relax: bool = True) -> Narrowed:
    """`sessions` (in their order) that fit every filtering slot of the question but those
    in `skip`; when none does and `relax`, letting go of slots in LET_GO order until some
    do."""
    slots = slots or request.intent.slots
    pool = list(sessions)
    active = [name for name in FILTERS if getattr(slots, name) is not None and name not in skip]
    tests = {name: _test(request, slots, name) for name in active}
    dropped: list[str] = []
    kept = [s for s in pool if all(test(s) for test in tests.values())]
    for name in (n for n in LET_GO if n in tests):
        if kept or not pool or not relax:
            break
        dropped.append(name)
        del tests[name]
        kept = [s for s in pool if all(test(s) for test in tests.values())]
    return Narrowed(kept, tuple(dropped))


def _test(request: Request, slots: Slots, name: str) -> Callable[[Session], bool]:
    """Whether a session fits slot `name`."""
    agenda, now = request.app.catalog.agenda, request.now
    if name == "room":
        room = fold(slots.room or "")
        return lambda s: fold(s.room or "") == room
    if name == "track":
        return lambda s: s.track == slots.track
    if name == "kind":
        return lambda s: of_kind(s.kind, slots.kind or "")
    if name == "year":
        return lambda s: s.day.year == slots.year
    if name == "day":
        return lambda s: s.day == slots.day
    if name == "part":
        return lambda s: in_part(s, slots.part or "")
    if name == "hour":
        def running(s: Session) -> bool:
            slot = agenda.slot(s)
            at = datetime.combine(s.day, slots.hour, agenda.tz)  # type: ignore[arg-type]
            return slot is not None and slot.start <= at < slot.end
        return running

    def in_tense(s: Session) -> bool:
        slot = agenda.slot(s)
        if slot is None:
            return slots.tense == "past" and s.day < now.date()
        if slots.tense == "past":
            return slot.end <= now
        if slots.tense == "now":
            return slot.start <= now < slot.end
        return slot.start > now
    return in_tense


def phrase(request: Request, name: str, slots: Slots | None = None) -> str:
    """How a slot reads in an answer: « en salle Ada », 'on Thursday 5 December'."""
    lang, slots = request.lang, slots or request.intent.slots
    if name == "room":
        return pick(lang, "en ", "in ") + room_label(slots.room or "", lang)
    if name == "track":
        return pick(lang, f"dans « {slots.track} »", f"in “{slots.track}”")
    if name == "kind":
        heading = kind_name(slots.kind or "other", lang, heading=True).lower()
        return pick(lang, f"parmi les {heading}", f"among the {heading}")
    if name == "year":
        return pick(lang, f"en {slots.year}", f"in {slots.year}")
    if name == "day" and slots.day:
        return pick(lang, "le ", "on ") + format_day(slots.day, lang)
    if name == "part":
        return pick(lang, *PART_NAMES[slots.part or "morning"])
    if name == "hour" and slots.hour:
        return pick(lang, "à ", "at ") + format_time(slots.hour, lang)
    return pick(lang, *_TENSES[slots.tense or "next"])


_TENSES = {"past": ("déjà terminé", "already over"), "now": ("en ce moment", "right now"),
           "next": ("à venir", "still to come")}


def let_go(request: Request, dropped: tuple[str, ...], about: str = "") -> Doc:
    """The note over sessions found by letting slots go: « Rien sur « Grist » en salle
    Ada ; ailleurs : », 'Nothing in room B at 3 pm; at other times:'."""
    lang = request.lang
    said = [pick(lang, f"sur « {about} »", f"on “{about}”")] if about else []
    said += [phrase(request, name) for name in dropped]
    where = pick(lang, "ailleurs", "elsewhere") if PLACES & set(dropped) else pick(
        lang, "à un autre moment", "at other times") if dropped[0] in _TIMES else pick(
        lang, "d'un autre type", "of other kinds")
    text = pick(lang, f"Rien {' '.join(said)} ; {where} :", f"Nothing {' '.join(said)}; {where}:")
    return Doc().italic(text)


_TIMES = frozenset(("hour", "part", "tense", "day", "year"))
