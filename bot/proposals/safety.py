"""What keeps organisers from mistakes: a talk placed over another one, a room typed
beside the one meant, a decision undone without a word. Each asks for the same command
again with `confirmer` (`confirm`) after the proposal's number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from zoneinfo import ZoneInfo

from bot.programme.model import Event, Session
from bot.programme.queries import Agenda, Slot, match_room
from bot.proposals.calls import Format
from bot.proposals.proposal import Proposal, one_line, status_label
from bot.proposals.schedule import session_for, session_id
from bot.wording.folding import fold
from bot.wording.i18n import format_datetime, format_day, format_span, pick

CONFIRM_WORDS = ("confirmer", "confirm")


def split_confirmation(text: str) -> tuple[bool, str]:
    """(True, the rest) when `text` starts with `confirmer`/`confirm`, else (False, text)."""
    first, _, rest = text.strip().partition(" ")
    if fold(first) in CONFIRM_WORDS:
        return True, rest.strip()
    return False, text.strip()


def event_rooms(event: Event) -> tuple[str, ...]:
    """The rooms the event's sessions are in (scheduled proposals' too), sorted."""
    return tuple(sorted({s.room for s in event.sessions if s.room}))


@dataclass(frozen=True)
class Placement:
    """Where a proposal would go: its session, a room the event does not have yet, and the
    sessions it would overlap in that room."""

    number: int
    session: Session
    new_room: bool
    clashes: tuple[Slot, ...]

    @property
    def needs_confirmation(self) -> bool:
        return self.new_room or bool(self.clashes)


def place(proposal: Proposal, day: date, start: time, room_text: str | None, event: Event,
          agenda: Agenda, formats: tuple[Format, ...]) -> Placement:
    """The placement of `proposal` at `day` `start` in the room `room_text` names, matched
    to the event's rooms as !salle matches them ('ada' -> 'Ada Lovelace')."""
    rooms = event_rooms(event)
    typed = one_line(room_text)[:100] if room_text else None
    room = match_room(typed, rooms) if typed else None
    session = session_for(proposal, day, start, room or typed, formats)
    begins, ends = session.starts_at(agenda.tz), session.ends_at(agenda.tz)
    assert begins is not None and ends is not None
    clashes = tuple(
        slot for slot in agenda.slots
        if slot.session.event_id == event.id and slot.session.id != session.id
        and fold(slot.session.room or "") == fold(session.room or "")
        and slot.start < ends and begins < slot.end)
    return Placement(proposal.id, session, bool(typed and rooms and room is None), clashes)


def placement_warning(placement: Placement, event: Event, again: str, lang: str) -> str:
    """Why the placement waits for a confirmation, and the command that confirms it."""
    session, number = placement.session, placement.number
    if placement.new_room:
        known = ", ".join(event_rooms(event))
        return pick(lang, f"La salle « {session.room} » n'existe pas encore pour "
                          f"{event.title} (salles connues : {known}). Pour la créer et y "
                          f"planifier #{number} : {again}",
                    f"Room “{session.room}” does not exist yet for {event.title} (known "
                    f"rooms: {known}). To create it and schedule #{number} there: {again}")
    where = format_day(session.day, lang) + ", " + format_span(session.start, session.end, lang)
    if session.room:
        where += pick(lang, f", salle {session.room}", f", room {session.room}")
    others = _joined([pick(lang, f"« {slot.session.title} »", f"“{slot.session.title}”")
                      + f" ({format_span(slot.start.time(), slot.end.time(), lang)})"
                      for slot in placement.clashes], pick(lang, " et ", " and "))
    return pick(lang, f"Attention : #{number} ({where}) chevaucherait {others}. Pour la "
                      f"planifier quand même : {again}",
                f"Warning: #{number} ({where}) would overlap {others}. To schedule it "
                f"anyway: {again}")


_UNDOING = {
    "accepted": ("l'accepter", "accepting it"),
    "rejected": ("la refuser", "rejecting it"),
    "waitlisted": ("la mettre en liste d'attente", "putting it on the waiting list"),
}
DECIDED = ("accepted", "rejected")
"""Statuses the proposer was told as a decision: changing them undoes it."""


def reversal_warning(proposal: Proposal, status: str, scheduled: tuple[Session, ...],
                     tz: ZoneInfo, again: str, lang: str) -> str | None:
    """What deciding `status` on `proposal` would undo (its place among the `scheduled`
    sessions too), and the command that confirms it; None when it undoes nothing (a first
    decision, or the same one again)."""
    if proposal.status not in DECIDED or status == proposal.status:
        return None
    was = status_label(proposal.status, lang)
    placed = next((s for s in scheduled if s.id == session_id(proposal.id)), None)
    starts = placed.starts_at(tz) if placed else None
    if placed and starts:
        when = format_datetime(starts, lang)
        if placed.room:
            when += pick(lang, f", salle {placed.room}", f", room {placed.room}")
        was += pick(lang, f" et planifiée ({when})", f" and scheduled ({when})")
    fr, en = _UNDOING[status]
    out = placed is not None and status != "accepted"
    return pick(lang, f"#{proposal.id} est {was} : {fr} annule cette décision"
                      f"{' et la retire du programme' if out else ''} ; son auteur en sera "
                      f"prévenu. Pour confirmer : {again}",
                f"#{proposal.id} is {was}: {en} undoes that decision"
                f"{' and takes it out of the programme' if out else ''}; the proposer will "
                f"be told. To confirm: {again}")


def _joined(items: list[str], last: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]
