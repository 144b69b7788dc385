"""A time as the grammar of hours reads it (`Clock`), a time or a range of times (`Slot`),
and the half-days of a 12-hour clock."""

from __future__ import annotations

from datetime import time
from typing import NamedTuple


class Clock(NamedTuple):
    """One time as written: hour (0-23, am/pm applied), minute, where, and how."""

    hour: int
    minute: int
    span: tuple[int, int]
    meridian: str | None = None
    """'am' or 'pm' when written (or given by the other end of its range)."""
    twelve: bool = False
    """Written like a 12-hour time without am/pm ('1:30', not '01:30', '13:30' or '1h30'):
    a `TimeLine` may read it 12 hours later."""
    mark: str | None = None
    """'about' ('~18:00', 'vers 18h'), 'from' ('dès 9h'), 'until' ('<20:00', 'jusqu'à 14h')."""

    @property
    def time(self) -> time:
        return time(self.hour % 24, self.minute)


class Slot(NamedTuple):
    """A time or a range of times: `start`, `end` (None for one time) and their words."""

    start: time
    end: time | None
    span: tuple[int, int]
    first: Clock
    last: Clock | None = None
    zone: str | None = None
    """'America/Los_Angeles', 'UTC-05:00' when a zone follows ('4:30PM PDT')."""

    @property
    def overnight(self) -> bool:
        """The range ends the next day ('22h30 à 02h30', '20:00-03:00')."""
        return self.end is not None and self.end < self.start


def nearest_half_day(clock: Clock, other: Clock, before: bool) -> Clock:
    """`clock` in the half-day that puts it closest before (or after) `other`."""
    options = [clock.hour % 12, clock.hour % 12 + 12]
    sign = 1 if before else -1
    hour = min(options, key=lambda h: (sign * (minutes(other) - h * 60 - clock.minute)) % 1440)
    return clock._replace(hour=hour, twelve=False, meridian="am" if hour < 12 else "pm")


def flipped(clock: Clock) -> Clock:
    """`clock` in the other half-day ('11:45 PM' read as 11:45 AM)."""
    hour = (clock.hour + 12) % 24
    return clock._replace(hour=hour, meridian="am" if hour < 12 else "pm")


def minutes(clock: Clock) -> int:
    """Minutes since midnight."""
    return clock.hour * 60 + clock.minute
