"""The slots of a message: day, part of day, hour, year, count, kind of session, tense (and
the room and track, which the grammar finds with what it knows of the programme).

Each reader takes the words it recognises and marks them used; what no reader takes is
left for the grammar (cues) and the subject (topic, person, organisation).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, fields, replace
from datetime import date, time, timedelta

from bot.understanding import lexicon
from bot.understanding.time_words import MONTHS, PARTS, TODAY, TOMORROW, WEEKDAYS, YESTERDAY
from bot.understanding.tokens import Token

_HOUR = re.compile(r"^(\d{1,2})[h:](\d{2})?$")
_HOUR_12 = re.compile(r"^(\d{1,2})(?::?(\d{2}))?(am|pm)$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:er|e|st|nd|rd|th)?$")
MAX_COUNT = 30
AFTERNOON_HOURS = range(1, 8)
"""An hour written without am/pm from 1 to 7 ('at 2:15', « à 3h ») is the afternoon's:
programmes do not run at 2 in the morning, and people do not say « 14h15 » in English."""


@dataclass(frozen=True)
class Slots:
    """What a message says about when, where and what, whatever the words used."""

    day: date | None = None
    part: str | None = None  # "morning", "noon", "afternoon", "evening"
    hour: time | None = None
    year: int | None = None
    count: int | None = None
    kind: str | None = None  # a session kind of bot.programme.model.KINDS
    room: str | None = None
    """The room as the programme names it ('K.1.105 (La Fontaine)' for « en La Fontaine »)."""
    track: str | None = None
    """The track (a schedule's devroom) as the programme names it."""
    tense: str | None = None
    """'past' for what has ended (« j'ai loupé quoi ? »), 'now' for what is on, 'next' for
    what is still to come (« le prochain talk de la DINUM »)."""

    def given(self) -> tuple[str, ...]:
        """The names of the slots the message gives, in declaration order."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name) is not None)

    def without(self, *names: str) -> Slots:
        """These slots, with `names` left out."""
        return replace(self, **dict.fromkeys(names))

    def updated(self, newer: Slots) -> Slots:
        """These slots with those `newer` gives (a follow-up: « et demain ? »). A new day
        or part keeps the other; a new hour replaces the part, a new part the hour."""
        changes = {name: getattr(newer, name) for name in newer.given()}
        if "hour" in changes:
            changes.setdefault("part", None)
        if "part" in changes:
            changes.setdefault("hour", None)
        if "day" in changes or "year" in changes:
            changes.setdefault("tense", None)  # « et hier ? » is not what is on now
        return replace(self, **changes)


def read_slots(
    words: list[Token], today: date, taken: frozenset[int] = frozenset(),
    days: frozenset[date] = frozenset(),
) -> tuple[Slots, set[int]]:
    """The slots `words` give (but those at positions `taken`), and the positions of the
    words they used; `days`, the days the programme has sessions on, tell which of the
    coming ones a weekday names."""
    used: set[int] = set(taken)
    found: dict[str, object] = {}
    plain = [t.word for t in words]
    for i, word in enumerate(plain):
        if i in used:
            continue
        nxt = plain[i + 1] if i + 1 < len(plain) else ""
        after = plain[i + 2] if i + 2 < len(plain) else ""
        before = plain[i - 1] if i else ""
        if (hour := _hour(word, nxt, before)) is not None:
            found["hour"], width = hour
            used.update(range(i, i + width))
        elif (day := _date(word, nxt, after, today)) is not None:
            found["day"], width = day
            used.update(range(i, i + width))
        elif (shift := _year_shift(word, nxt)) is not None:
            found["year"] = today.year + shift
            used.update((i, i + 1))
        elif re.fullmatch(r"(19|20)\d\d", word):
            found["year"] = int(word)
            used.add(i)
        elif word in TODAY or (word == "aujourd" and nxt == "hui"):
            found["day"] = today
            used.update((i, i + 1) if nxt == "hui" else (i,))
            if word == "tonight":
                found["part"] = "evening"
        elif word == "apres" and nxt == "demain":
            found["day"] = today + timedelta(days=2)
            used.update((i, i + 1))
        elif word == "apres" and nxt == "midi":
            found["part"] = "afternoon"
            used.update((i, i + 1))
        elif word in TOMORROW:
            found["day"] = today + timedelta(days=1)
            used.add(i)
        elif word in YESTERDAY:
            found["day"] = today - timedelta(days=1)
            used.add(i)
        elif word in PARTS:
            found["part"] = PARTS[word]
            used.add(i)
        elif word in WEEKDAYS and len(word) > 3:
            found["day"] = _weekday(WEEKDAYS[word], today, days)
            used.add(i)
        elif (kind := kind_of(word)) and not _kind_word_of_a_name(word, before, nxt):
            found["kind"] = kind
            used.add(i)
            if kind_of(nxt) == kind:  # « table ronde », « tables rondes »
                used.add(i + 1)
        elif word == "round" and kind_of(nxt) == "panel":  # 'the round tables'
            found["kind"] = "panel"
            used.update((i, i + 1))
        elif word in lexicon.PAST:
            found["tense"] = "past"
            used.add(i)
        elif (word.isdecimal() and before in ("le", "du") and nxt not in MONTHS
              and (alone := _day_of_month(int(word), today)) is not None):
            found["day"] = alone  # « programme du 5 »: the next 5th
            used.add(i)
        elif word.isdecimal() and 0 < int(word) <= MAX_COUNT and nxt not in MONTHS:
            found["count"] = int(word)
            used.add(i)
    if found.get("part") == "morning" and isinstance(hour := found.get("hour"), time):
        found["hour"] = time(hour.hour % 12, hour.minute)  # « à 2h du matin »
        del found["part"]
    return Slots(**found), used - taken  # type: ignore[arg-type]


def kind_of(word: str) -> str | None:
    """The kind of session a word names, singular or plural ('ateliers', 'workshops',
    « tables rondes »), else None."""
    if word in lexicon.KINDS:
        return lexicon.KINDS[word]
    single = word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else ""
    return lexicon.KINDS.get(single)


def _kind_word_of_a_name(word: str, before: str, nxt: str) -> bool:
    """'table' in « à table » or 'round table' is not the kind when it stands alone."""
    return word in ("table", "tables") and kind_of(nxt) != "panel"


WEEKDAY_REACH = 4
"""How many weeks ahead a weekday said alone may name a day of the programme."""


def _weekday(weekday: int, today: date, days: frozenset[date]) -> date:
    """The day a weekday names: the first of its next `WEEKDAY_REACH` occurrences (today's
    included) that has sessions, else the next one. « mardi » said on a Tuesday a week
    before the event is the event's Tuesday, not today."""
    first = today + timedelta(days=(weekday - today.weekday()) % 7)
    coming = (first + timedelta(weeks=n) for n in range(WEEKDAY_REACH))
    return next((day for day in coming if day in days), first)


def _day_of_month(number: int, today: date) -> date | None:
    """The next day numbered `number` from `today` on (this month, else the next)."""
    for months_ahead in (0, 1):
        year, month = divmod(today.month - 1 + months_ahead, 12)
        with contextlib.suppress(ValueError):
            day = date(today.year + year, month + 1, number)
            if day >= today:
                return day
    return None


_LAST = {"dernier": -1, "derniere": -1, "passe": -1, "passee": -1, "prochain": 1,
         "prochaine": 1}


def _year_shift(word: str, nxt: str) -> int | None:
    """'l'an dernier', 'l'année prochaine', 'cette année', 'last year', 'this year'."""
    if word in ("an", "annee") and nxt in _LAST:
        return _LAST[nxt]
    if nxt == "year" and word in ("last", "next", "this"):
        return {"last": -1, "next": 1, "this": 0}[word]
    if word in ("cette", "cet") and nxt in ("annee", "an"):
        return 0
    return None


def _hour(word: str, nxt: str, before: str) -> tuple[time, int] | None:
    """'16h', '16h30', '9:30', '3pm', '4:45 pm', 'at 3': the hour, and how many words."""
    width = 1
    match = _HOUR_12.match(word)
    if match is None and nxt in ("am", "pm") and (_HOUR.match(word) or word.isdecimal()):
        match, width = _HOUR_12.match(word.replace("h", ":").rstrip(":") + nxt), 2
    if match is None:
        match = _HOUR.match(word)
        if match is None and word.isdecimal() and before == "at":  # 'what's in room B at 3?'
            match = re.match(r"^(\d{1,2})()$", word)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if len(match.groups()) == 3:
        hour = hour % 12 + (12 if match.group(3) == "pm" else 0)
    elif hour in AFTERNOON_HOURS and not word.startswith("0"):
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute), width


def _date(word: str, nxt: str, after: str, today: date) -> tuple[date, int] | None:
    """'4/12', '5 decembre [2024]', 'december 5[th] [2024]'."""
    if match := _NUMERIC_DATE.match(word):
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        full = int(year) + (2000 if len(year) == 2 else 0) if year else None
        found = _nearest(today, month, day, full)
        return (found, 1) if found else None
    number, month_word = None, None
    if (match := _ORDINAL.match(word)) and nxt in MONTHS:
        number, month_word = int(match.group(1)), nxt
    elif word in MONTHS and (match := _ORDINAL.match(nxt)):
        number, month_word = int(match.group(1)), word
    if number is None or month_word is None:
        return None
    year = int(after) if re.fullmatch(r"(19|20)\d\d", after) else None
    found = _nearest(today, MONTHS[month_word], number, year)
    return (found, 3 if year else 2) if found else None


def _nearest(today: date, month: int, day: int, year: int | None) -> date | None:
    """The date of that day and month closest to today (the year when given)."""
    years = [year] if year else [today.year - 1, today.year, today.year + 1]
    candidates = []
    for y in years:
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - today).days)) if candidates else None
