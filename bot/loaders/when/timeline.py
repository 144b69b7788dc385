"""A programme runs forward: the times of one day read in order, as a reader reads them.

`9:00, 10:30, 12:00, 1:30, 2:30` is 13:30 and 14:30 after noon; `11:45 AM` then `12:15 AM`
is a slip for 12:15 PM; `22:30` then `00:00` is past midnight, and `20:45` then `20:05` is
only a programme that goes back a little (both kept as written).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

from bot.loaders.when.clocks import Clock, Slot

_DAY = 24 * 60
_BACK = 60
"""Minutes a start may go back before the one above it and still be read on the same
half-day ('10:15' after '10:30' is an overlap, not 22:15)."""
_SLIP = 6 * 60
"""The furthest forward an am/pm slip may put a time ('12:15 AM' after '11:45 AM')."""
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


def _time(minutes: int) -> time:
    minutes %= _DAY
    return time(minutes // 60, minutes % 60)


def resolve(slots: Iterable[Slot], clock24: bool | None = None) -> list[tuple[time, time | None]]:
    """The times of one day's `slots`, in order, 12-hour times read forward."""
    return TimeLine(clock24).read_all(slots)
