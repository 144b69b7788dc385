"""A programme runs forward: the times of one day read in order, as a reader reads them.

`9:00, 10:30, 12:00, 1:30, 2:30` is 13:30 and 14:30 after noon; `11:45 AM` then `12:15 AM`
is a slip for 12:15 PM; `22:30` then `00:00` is past midnight, and `20:45` then `20:05` is
only a programme that goes back a little (both kept as written).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time

from bot.loaders.when.clocks import Clock, Slot

_DAY = 24 * 60
_BACK = 60
"""Minutes a start may go back before the one above it and still be read on the same
half-day ('10:15' after '10:30' is an overlap, not 22:15)."""
_SLIP = 6 * 60
"""The furthest forward an am/pm slip may put a time ('12:15 AM' after '11:45 AM')."""
_AHEAD = 3 * 60
"""The furthest after the time above it that `Afternoons` puts a time 12 hours later."""
_WRAP = 12 * 60
"""A time written this much earlier than the one above it is on the next day."""


class TimeLine:
    """Resolves the times of one day's programme, fed in page order.

    `clock24`: True when the page writes 24-hour times (no time is ever moved 12 hours),
    False for a 12-hour page, None to learn it: a time such as '13:30' written without am/pm
    makes the page 24-hour from there on."""

    def __init__(self, clock24: bool | None = None) -> None:
        self.clock24 = clock24
        self._last: int | None = None

    def new_day(self) -> None:
        """The next times are another day's: nothing above them any more."""
        self._last = None

    def read(self, slot: Slot) -> tuple[time, time | None]:
        """The start and end of `slot`, read after the slots already read."""
        start = self._start(slot.first)
        end = self._end(slot.last, start) if slot.last else None
        self._last = start
        return _time(start), _time(end) if end is not None else None

    def read_all(self, slots: Iterable[Slot]) -> list[tuple[time, time | None]]:
        return [self.read(slot) for slot in slots]

    def _learn(self, clock: Clock) -> None:
        if self.clock24 is None and clock.meridian is None and clock.hour >= 13:
            self.clock24 = True

    def _start(self, clock: Clock) -> int:
        self._learn(clock)
        written = clock.hour * 60 + clock.minute
        last = self._last
        if last is None:
            if clock.twelve and not self.clock24 and 1 <= clock.hour <= 6:
                return written + 12 * 60  # a day does not start at 1:30 in the night
            return written
        base = last - last % _DAY
        if clock.twelve and not self.clock24:
            options = [base + written + shift for shift in (0, 12 * 60, _DAY, _DAY + 12 * 60)]
            return min(o for o in options if o >= last - _BACK)
        ahead = base + written
        if clock.meridian and ahead < last - _BACK:
            flipped = base + (written + 12 * 60) % _DAY
            if last - _BACK <= flipped <= last + _SLIP:
                return flipped
        return ahead if ahead >= last - _WRAP else ahead + _DAY

    def _end(self, clock: Clock, start: int) -> int:
        self._learn(clock)
        written = clock.hour * 60 + clock.minute
        base = start - start % _DAY
        if clock.twelve and not self.clock24:
            options = [base + written + shift for shift in (0, 12 * 60, _DAY, _DAY + 12 * 60)]
            return min(o for o in options if o >= start)
        ahead = base + written
        if clock.meridian and ahead < start:
            flipped = base + (written + 12 * 60) % _DAY
            if start < flipped <= start + _SLIP:
                return flipped
        return ahead if ahead >= start else ahead + _DAY


class Afternoons:
    """The times of a page that writes no 24-hour time, already read one line at a time
    (am/pm no longer known), followed per day in page order: a time of 1 to 11 o'clock
    written back behind the one above it is 12 hours later when that puts it at most
    `_AHEAD` after it ('1:30 – 2:30' after a morning, '7:00' after '6:30pm'), and so is
    one that opens a day before 7 o'clock; an end before its start, when 12 hours later
    puts it after the start ('12:00 - 1:00'). A time far behind ('9:00' after '11:30' or
    '15:30': another track or day) stays as written."""

    def __init__(self) -> None:
        self._last: dict[object, int] = {}

    def read(self, key: object, start: time, end: time | None) -> tuple[time, time | None]:
        """`start` and `end` of a line of the day `key`, read after that day's lines."""
        first = start.hour * 60 + start.minute
        last = self._last.get(key)
        if 1 <= start.hour <= 11 and (
            (last is None and start.hour <= 6)
            or (last is not None and first < last - _BACK <= first + 12 * 60 <= last + _AHEAD)
        ):
            first += 12 * 60
        self._last[key] = first
        if end is not None:
            written = end.hour * 60 + end.minute
            if 1 <= end.hour <= 11 and written < first <= written + 12 * 60 <= first + _SLIP:
                end = _time(written + 12 * 60)
        return _time(first), end


_TWENTY_FOUR = re.compile(
    r"(?<![\d.,:/])(?:1[3-9]|2[0-3])(?:\s?[:h.]\s?[0-5]\d(?!\d)|\s?(?:h|uhr|uur)(?![a-z]))"
    r"|(?<!\d)(?!(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d)(?:[01]\d[0-5]\d\s?[-–]\s?(?:1[3-9]|2[0-3])[0-5]\d|(?:1[3-9]|2[0-3])[0-5]\d\s?[-–]\s?"
    r"[012]\d[0-5]\d)(?!\d)",
    re.IGNORECASE,
)
"""A time of the afternoon written on a 24-hour clock: '13:30', '14h', '17.00', '18 Uhr',
'1400-1430' (four digits only in a range, not of years: alone they may be a year)."""


def writes_24_hours(text: str) -> bool:
    """Whether `text` (a page) writes an afternoon time on a 24-hour clock: its times of 1
    to 11 o'clock are then never read 12 hours later."""
    return _TWENTY_FOUR.search(text) is not None


def _time(minutes: int) -> time:
    minutes %= _DAY
    return time(minutes // 60, minutes % 60)


def resolve(slots: Iterable[Slot], clock24: bool | None = None) -> list[tuple[time, time | None]]:
    """The times of one day's `slots`, in order, 12-hour times read forward."""
    return TimeLine(clock24).read_all(slots)
