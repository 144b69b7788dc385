"""Sessions stage: the rows taken as programme become the model's sessions.

A row without a day of its own takes the event's first day (with a warning when the
event has several); the times of an evening that goes on past midnight ('22h30 à 00h00',
then '00h00 à 02h30') are on the next day; a repeated title gets the next occurrence
number, so that ids stay those shipped (`session_id` of the event, title, occurrence).
A programme repeated without its hours (a summary, a list of the slides) adds nothing, nor
does a session written again with the same day, hours, title, room and speakers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time, timedelta

from bot.loaders.page.candidates import Row
from bot.loaders.talks.first_names import first_name_credit, full_names
from bot.loaders.talks.legend import Legend, resolve
from bot.loaders.when import Afternoons
from bot.programme.model import Problem, Session, SourceRef, session_id
from bot.wording.folding import fold

_EVENING = time(18)
_SMALL_HOURS = time(6)
"""A time before this, right after one from the evening on, is the night after."""


def sessions_of(
    rows: Sequence[Row], path: str, identifier: str, start: date, end: date, legend: Legend,
    clock24: bool = True,
) -> tuple[tuple[Session, ...], list[Problem]]:
    """The sessions of the rows, in their order, and the problems met; speakers named by
    initials or a first name alone are written out from the page's `legend`; on a page
    that writes no 24-hour time (`clock24` False), each day's times are read forward,
    12-hour times after noon ('1:30 – 2:30' after a morning is 13:30 – 14:30); a talk
    credited by first names in brackets gets the speakers the page names in full."""
    problems: list[Problem] = []
    known = full_names(s for row in rows for s in row.talk.speakers)
    seen: dict[str, int] = {}
    sessions = []
    night = _Night()
    afternoons = None if clock24 else Afternoons()
    for row, folded in _without_repeats(rows):
        day = row.day
        if day is None:
            day = start
            if end != start:
                problems.append(Problem(
                    SourceRef(path, row.line),
                    f"no day given for {row.talk.title!r} in a "
                    f"{(end - start).days + 1}-day event; assumed the first",
                ))
        row_start, row_end = row.start, row.end
        if afternoons and row_start is not None:
            row_start, row_end = afternoons.read(day, row_start, row_end)
        day = night.day(day, row_start)
        talk = first_name_credit(row.talk, known)
        key = folded if talk is row.talk else _key(talk.title)  # its first names taken out
        seen[key] = seen.get(key, 0) + 1
        sessions.append(Session(
            id=session_id(identifier, talk.title, seen[key]),
            event_id=identifier,
            day=day,
            start=row_start,
            end=row_end,
            title=talk.title,
            speakers=resolve(talk.speakers, legend),
            room=row.room,
            kind=row.kind,
            links=tuple(dict.fromkeys(talk.links)),
            source=SourceRef(path, row.line),
            organisations=talk.organisations,
            section=row.section,
            block_end=row.block_end,
        ))
    return tuple(sessions), problems


_HOUSEKEEPING = frozenset(("break", "other"))


def _without_repeats(rows: Sequence[Row]) -> list[tuple[Row, str]]:
    """The rows, each with its folded title (`_key`, worked out once: on a long programme
    folding every title again for its occurrence count misses the folding cache), but
    those that, without hours, repeat a talk given with its hours above ('L'indépendance -
    Mathilde Lemée (format pdf)' in a list of slides after the programme): a summary or a
    list of material, not sessions of their own. Breaks and welcomes may well come back,
    but not on the same day at the same hours: a row that repeats one above in every field
    is the same session written again (a plenary welcome at the top of each track's
    table)."""
    timed: dict[int, set[str]] = {}
    whole: set[tuple] = set()
    kept = []
    for row in rows:
        title = _key(row.talk.title)
        if row.start is not None:
            same = (row.day, row.start, row.end, title, row.room,
                    tuple(s.name for s in row.talk.speakers))
            if same in whole:
                continue
            whole.add(same)
            timed.setdefault(len(title), set()).add(title)
        elif row.kind not in _HOUSEKEEPING and _repeats(title, timed):
            continue
        kept.append((row, title))
    return kept


def _key(title: str) -> str:
    """A title folded, its spaces made one: how repeats and occurrences are told."""
    return fold(" ".join(title.split()))


_AFTER_TITLE = re.compile(r"(?= - |, | \()")
"""What may follow a title written again: its credit or a note."""


def _repeats(title: str, said: dict[int, set[str]]) -> bool:
    """`title` is one of the titles `said` (kept by their length), maybe followed by its
    credit or a note. Only the places where a credit or a note may start, at the length
    of some title said, are looked up: testing each title said for each row would take
    a time that grows as the product of the two on a long programme."""
    return title in said.get(len(title), ()) or any(
        (cut := found.start()) in said and title[:cut] in said[cut]
        for found in _AFTER_TITLE.finditer(title))


class _Night:
    """Follows the times of each day in page order: once a time of the small hours comes
    right after one of the evening, that day's times are the next day's until they go
    back to the daytime."""

    def __init__(self) -> None:
        self.last: dict[date, time] = {}
        self.past_midnight: set[date] = set()

    def day(self, day: date, start: time | None) -> date:
        if start is None:
            return day
        last = self.last.get(day)
        self.last[day] = start
        if day in self.past_midnight:
            if start < _SMALL_HOURS and last is not None and start >= last:
                return day + timedelta(days=1)
            self.past_midnight.discard(day)
        elif last is not None and last >= _EVENING and start < _SMALL_HOURS:
            self.past_midnight.add(day)
            return day + timedelta(days=1)
        return day
