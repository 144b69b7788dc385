"""Time queries over a programme: what is on now, what comes next, in which room, which event.

Pages often give only a start ('#### 14h'): such a session runs until the next slot of its
day and room begins, or for a default length after the last one. `Agenda` works that out
once per programme and answers each query with a binary search, not a scan.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter, itemgetter
from zoneinfo import ZoneInfo

from bot.programme.aliases import spells
from bot.programme.model import Event, Programme, Session
from bot.wording.folding import fold


@dataclass(frozen=True)
class Slot:
    """A timed session with its start and (published or worked out) end instants."""

    session: Session
    start: datetime
    end: datetime


class Agenda:
    """Every timed session of a programme in start order, with effective ends."""

    def __init__(self, programme: Programme, tz: ZoneInfo, default_duration: timedelta) -> None:
        self.programme = programme
        self.tz = tz
        slots = []
        for event in programme.events:
            slots.extend(_event_slots(event, tz, default_duration))
        # Stable: sessions sharing a start and a room keep the page's order.
        slots.sort(key=lambda slot: (slot.start, slot.session.room or ""))
        self.slots: tuple[Slot, ...] = tuple(slots)
        self._starts = [slot.start for slot in self.slots]
        self._longest = max((s.end - s.start for s in self.slots), default=timedelta(0))
        self._by_id = {slot.session.id: slot for slot in self.slots}
        self.rooms: tuple[str, ...] = tuple(sorted({s.room for s in programme.sessions if s.room}))

    def slot(self, session: Session) -> Slot | None:
        return self._by_id.get(session.id)

    def running(self, at: datetime) -> list[Slot]:
        """Sessions under way at `at` (started, not yet ended)."""
        index = bisect.bisect_right(self._starts, at)
        found = []
        earliest = at - self._longest
        while index > 0 and self._starts[index - 1] >= earliest:
            index -= 1
            if self.slots[index].end > at:
                found.append(self.slots[index])
        return found[::-1]  # walked backwards: this is the agenda's order again

    def starting_between(self, first: datetime, last: datetime | None = None) -> tuple[Slot, ...]:
        """Every slot starting from `first` (included) to `last` (excluded), in start order."""
        end = len(self.slots) if last is None else bisect.bisect_left(self._starts, last)
        return self.slots[bisect.bisect_left(self._starts, first) : end]

    def upcoming(self, at: datetime, count: int) -> list[Slot]:
        """The next `count` sessions starting after `at`, plus any that start at the same
        time as the last of them (a slot is never cut in half)."""
        index = bisect.bisect_right(self._starts, at)
        found = list(self.slots[index : index + count])
        end = index + len(found)
        while found and end < len(self.slots) and self.slots[end].start == found[-1].start:
            found.append(self.slots[end])
            end += 1
        return found

    def in_room(self, room: str, at: datetime, count: int = 8) -> tuple[list[Slot], list[Slot]]:
        """(running now, coming next) in `room`: what comes next is the rest of the day of
        the next session there, at most `count` sessions (a room's day, asked before it)."""
        key = fold(room)
        running = [s for s in self.running(at) if fold(s.session.room or "") == key]
        index = bisect.bisect_right(self._starts, at)
        coming: list[Slot] = []
        for slot in self.slots[index:]:
            if fold(slot.session.room or "") == key:
                if coming and slot.start.date() != coming[0].start.date():
                    break
                coming.append(slot)
                if len(coming) == count:
                    break
        return running, coming

    def find_room(self, text: str) -> str | None:
        """The room named by `text` ('ada', 'Salle Plateau 1', 'plateau1')."""
        return match_room(text, self.rooms)


def match_room(text: str, rooms: tuple[str, ...]) -> str | None:
    """The one of `rooms` named by `text` ('ada' -> 'Ada Lovelace', 'salle plateau1' ->
    'Plateau 1'): the same name first, else the first containing it; None if none does."""
    wanted = _squash(fold(text).removeprefix("salle ").strip())
    if not wanted:
        return None
    exact = [r for r in rooms if _squash(fold(r)) == wanted]
    partial = [r for r in rooms if wanted in _squash(fold(r))]
    return (exact or partial or [None])[0]


def _squash(text: str) -> str:
    return "".join(text.split())


def _event_slots(event: Event, tz: ZoneInfo, default: timedelta) -> list[Slot]:
    """Slots of one event: a session with no end lasts until the next start of its day in
    its room (any room when it has none), else `default`; never past the end of the block
    of hours its heading gives ('6 décembre de 14h à 18h')."""
    rooms: dict[tuple[date, str], list[Session]] = defaultdict(list)
    for session in event.sessions:
        if session.start is not None:
            rooms[session.day, session.room or ""].append(session)
    slots = []
    for (day, _room), sessions in sorted(rooms.items(), key=itemgetter(0)):
        sessions.sort(key=attrgetter("start"))  # stable: a shared start keeps page order
        starts = sorted({s.start for s in sessions})
        instants = [datetime.combine(day, start, tz) for start in starts]
        # each start of the room's day -> (its instant, the instant of the next start)
        following = dict(zip(starts, zip(instants, [*instants[1:], None], strict=True),
                             strict=True))
        for session in sessions:
            start, later = following[session.start]
            end = session.ends_at(tz)
            if end is None:
                end = later or start + default
                if session.block_end and session.block_end > session.start:
                    block = datetime.combine(day, session.block_end, tz)
                    end = min(end, block) if later is not None else block
            slots.append(Slot(session, start, end))
    return slots


def event_at(programme: Programme, today: date) -> tuple[Event | None, str]:
    """The event people most likely mean today: ('current'|'next'|'past', event)."""
    for event in programme.events:
        if event.start <= today <= event.end:
            return event, "current"
    upcoming = [e for e in programme.events if e.start > today]
    if upcoming:
        return min(upcoming, key=lambda e: e.start), "next"
    past = [e for e in programme.events if e.end < today]
    return (max(past, key=lambda e: e.end), "past") if past else (None, "none")


def find_event(programme: Programme, query: str, today: date | None = None) -> Event | None:
    """The event named by `query`: its id, a year, words of its title or their acronym, of
    its venue or address (« le forum à Paris »).
    When several match: the one under way or next from `today` if given, else the latest."""
    query = query.strip()
    if not query:
        return None
    exact = programme.event(query) or next(
        (e for e in programme.events if e.short_name and fold(e.short_name) == fold(query)), None
    )
    if exact:
        return exact
    words = [w for w in fold(query).split() if len(w) > 1]  # not « à », 'a'
    if not words:
        return None
    matches = [
        e
        for e in programme.events
        if all(_starts_a_word(w, f"{e.id} {e.title} {e.start.year} {e.short_name or ''} "
                                 f"{e.venue or ''} {e.address or ''}")
               or _abbreviates(w, e.title) for w in words)
    ]
    if today is not None:
        coming = [e for e in matches if e.end >= today]
        if coming:
            return min(coming, key=lambda e: e.start)
    return max(matches, key=lambda e: e.start) if matches else None


def _starts_a_word(word: str, text: str) -> bool:
    """Whether `word` starts a word of `text` ('minister' is not in « interministériel »)."""
    return re.search(rf"\b{re.escape(word)}", fold(text)) is not None


def _abbreviates(word: str, title: str) -> bool:
    """Whether `word` is the acronym of words in a row of `title` ('poss': Paris Open
    Source Summit)."""
    if len(word) < 3 or not word.isalpha():
        return False
    parts = re.findall(r"[a-z0-9]+", fold(title))
    return any(spells(word, tuple(parts[i : i + n]))
               for i in range(len(parts)) for n in range(2, len(word) + 1))


def meant_event(
    programme: Programme, today: date, day: date | None = None, year: int | None = None,
    named: str | None = None,
) -> tuple[Event | None, str]:
    """The event a question is about, with its state ('current'|'next'|'past'|'none'):
    the one holding `day`, else the one `named` (an id) if it is of `year` ('la journée
    BlueHats 2023' is of 2023 whatever event 'BlueHats' names), else the latest of `year`,
    else the one `event_at` gives."""
    chosen = programme.event(named) if named else None
    if chosen and day is None and year in (None, chosen.start.year):
        return chosen, event_state(chosen, today)
    if day is not None:
        holder = next((e for e in programme.events if e.start <= day <= e.end), None)
        if holder:
            return holder, event_state(holder, today)
    if year is not None:
        of_year = [e for e in programme.events if e.start.year == year]
        if of_year:
            chosen = max(of_year, key=lambda e: e.start)
            return chosen, event_state(chosen, today)
        return None, "none"
    return event_at(programme, today)


def event_state(event: Event, today: date) -> str:
    """'current' on its days, 'next' before, 'past' after."""
    if event.start <= today <= event.end:
        return "current"
    return "next" if event.start > today else "past"
