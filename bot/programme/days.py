"""A day as someone types it in a command: a date, a day and month, or a weekday, read
against the days of an event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.programme.model import Event
from bot.wording.folding import fold
from bot.wording.i18n import WEEKDAYS


@dataclass(frozen=True)
class DayRef:
    """A day as an organiser types it: a date ('2026-12-10'), a day and month ('10/12',
    the event's year) or a weekday of the event ('jeudi', 'thursday')."""

    typed: str
    day: int = 0
    month: int = 0
    year: int | None = None
    weekday: int | None = None

    def on(self, event: Event) -> date | None:
        """The day of `event` this names, or None when it is not one of the event's days."""
        if self.weekday is not None:
            return next((d for d in event.days if d.weekday() == self.weekday), None)
        try:
            found = date(self.year or event.start.year, self.month, self.day)
        except ValueError:
            return None
        return found if found in event.days else None


def read_day(text: str) -> DayRef | None:
    """'2024-12-04', '04/12', '4/12/2024' or a weekday name ('mercredi'); None if it is
    none of them or no such date."""
    value = fold(text.strip())
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    french = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", value)
    if iso:
        ref = DayRef(text, int(iso.group(3)), int(iso.group(2)), int(iso.group(1)))
    elif french:
        year = french.group(3)
        ref = DayRef(text, int(french.group(1)), int(french.group(2)),
                     int(year) if year else None)
    else:
        weekday = next((i for i, names in enumerate(zip(*WEEKDAYS.values(), strict=True))
                        if value in map(fold, names)), None)
        return None if weekday is None else DayRef(text, weekday=weekday)
    try:
        date(ref.year or 2000, ref.month, ref.day)  # 2000: 29/02 exists without a year
    except ValueError:
        return None
    return ref
