"""Flood control: how many commands a person, and a room, may send in a sliding window.

Pure and clock-injected: callers pass the time (seconds, any origin) and get a verdict.
Past the limit the sender gets one polite notice, then silence until the window has room
again, so a spammer cannot make the bot spam back. Commands that change data are exempt:
counted, never dropped (a lost `!noter` or `!rappel` is worse than one more answer).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    ANSWER = "answer"
    NOTICE = "notice"
    """Over the limit for the first time in this window: say so, once."""
    SILENCE = "silence"


@dataclass
class Window:
    """At most `count` events in any `seconds`-long window, per key."""

    count: int
    seconds: float
    _seen: dict[str, deque[float]] = field(default_factory=dict)
    _noticed: dict[str, float] = field(default_factory=dict)

    def wait(self, key: str, now: float) -> float:
        """Seconds before `key` may act again (0: it may act now)."""
        seen = self._seen.get(key)
        if seen is None:
            return 0.0
        while seen and seen[0] <= now - self.seconds:
            seen.popleft()
        if not seen:
            del self._seen[key]
            return 0.0
        return 0.0 if len(seen) < self.count else seen[0] + self.seconds - now

    def record(self, key: str, now: float) -> None:
        self._seen.setdefault(key, deque()).append(now)
        self._noticed.pop(key, None)

    def first_refusal(self, key: str, now: float) -> bool:
        """True once per blocked stretch: the refusal that deserves a notice."""
        noticed = self._noticed.get(key)
        if noticed is not None and now - noticed < self.seconds:
            return False
        self._noticed[key] = now
        return True

    def prune(self, now: float) -> None:
        """Forget keys whose window is over, so memory follows the active senders only."""
        ended = now - self.seconds
        for key in [k for k, seen in self._seen.items() if not seen or seen[-1] <= ended]:
            del self._seen[key]
        for key in [k for k, at in self._noticed.items() if at <= now - self.seconds]:
            del self._noticed[key]


@dataclass
class RateLimiter:
    """Per-user and per-room limits; direct chats are limited per user only."""

    per_user: Window
    per_room: Window
    _last_prune: float = float("-inf")

    def check(self, user: str, room: str | None, now: float, *,
              exempt: bool = False) -> tuple[Verdict, float]:
        """May this command be answered? Returns the verdict and, when refused, how many
        seconds until the sender may try again. An answered command is counted; an `exempt`
        one (it changes data: dropping it would lose it) is counted and always answered."""
        if now - self._last_prune > max(self.per_user.seconds, self.per_room.seconds):
            self.per_user.prune(now)
            self.per_room.prune(now)
            self._last_prune = now
        user_wait = self.per_user.wait(user, now)
        room_wait = self.per_room.wait(room, now) if room is not None else 0.0
        if (user_wait or room_wait) and not exempt:
            blocked, key, wait = ((self.per_user, user, user_wait) if user_wait
                                  else (self.per_room, room, room_wait))
            assert key is not None
            notice = blocked.first_refusal(key, now)
            return (Verdict.NOTICE if notice else Verdict.SILENCE), wait
        self.per_user.record(user, now)
        if room is not None:
            self.per_room.record(room, now)
        return Verdict.ANSWER, 0.0
