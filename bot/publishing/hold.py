"""The one rule that decides whether a new version of a programme source is published or
held: a version that looks misread keeps the published one in place until an organiser
publishes it (`!publier`) or a later version reads normally.

It compares what the loaders read in the new version with what they read in the published
one, source by source. A transfer that did not complete (a body shorter than its
Content-Length, bot.sources.fetch) never reaches it: that is not a version at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.publishing.readings import Reading
from bot.settings.config import PublishingConfig

REASONS = ("gone", "no_programme", "no_sessions", "sessions", "days")


@dataclass(frozen=True)
class Reason:
    """Why a version is held, with the counts the report gives: for "sessions", the sessions
    before and after; for "days", the days with sessions before and after; for the others,
    the sessions of the published version."""

    kind: str
    before: int
    after: int = 0


@dataclass(frozen=True)
class HoldRule:
    """The thresholds (`publishing:` in the configuration); the defaults hold no ordinary
    edit: a talk added, moved, renamed or cancelled."""

    enabled: bool = True
    sessions_share: float = 0.5
    min_sessions: int = 3
    days_share: float = 0.5

    @classmethod
    def from_config(cls, settings: PublishingConfig) -> HoldRule:
        return cls(settings.hold, settings.hold_sessions_lost, settings.hold_min_sessions_lost,
                   settings.hold_days_lost)

    def reasons(self, published: Reading | None, new: Reading) -> tuple[Reason, ...]:
        """Why `new` must be held instead of replacing `published`; () to publish it.

        Held: a file gone, or no programme at all, where the published version had an
        event; no session left where it had some; at least `min_sessions` sessions lost,
        making at least `sessions_share` of them; or the days with sessions fewer by at
        least `days_share`, the days left empty having held `min_sessions` sessions or more.
        """
        if not self.enabled or published is None or not published.events:
            return ()
        before, after = len(published.sessions), len(new.sessions)
        if new.gone:
            return (Reason("gone", before),)
        if not new.events:
            return (Reason("no_programme", before),)
        if before and not after:
            return (Reason("no_sessions", before),)
        found = []
        lost = before - after
        if lost >= self.min_sessions and lost >= self.sessions_share * before:
            found.append(Reason("sessions", before, after))
        days_before, days_after = published.days, new.days
        fewer = len(days_before) - len(days_after)
        emptied = days_before - days_after
        stranded = sum(1 for s in published.sessions if (s.event_id, s.day) in emptied)
        if fewer > 0 and fewer >= self.days_share * len(days_before) \
                and stranded >= self.min_sessions:
            found.append(Reason("days", len(days_before), len(days_after)))
        return tuple(found)
