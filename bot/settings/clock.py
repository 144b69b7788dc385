"""Clocks: the only place the bot asks what time it is, so tests can fix it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


class Clock(Protocol):
    """Tells the current instant as an aware datetime in the programme's time zone."""

    tz: ZoneInfo

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, read in `tz` whatever the server's own time zone."""

    def __init__(self, tz: ZoneInfo = PARIS) -> None:
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(self.tz)


class FixedClock:
    """A clock that only moves when told to: for tests, the console's --now and benchmarks."""

    def __init__(self, at: datetime, tz: ZoneInfo = PARIS) -> None:
        self.tz = tz
        self._now = at if at.tzinfo else at.replace(tzinfo=tz)

    def now(self) -> datetime:
        return self._now.astimezone(self.tz)

    def set(self, at: datetime) -> None:
        self._now = at if at.tzinfo else at.replace(tzinfo=self.tz)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def parse_local(text: str, tz: ZoneInfo = PARIS) -> datetime:
    """Parse '2024-12-04 14:10' (or ISO 8601) as a wall-clock time in `tz`."""
    at = datetime.fromisoformat(text.strip())
    return at if at.tzinfo else at.replace(tzinfo=tz)
