"""What changed in a programme between two versions: sessions new, moved, renamed or gone.

A session keeps its id when it moves (a schedule's guid, or a page's title), so a moved
session is one id in another slot. A page's session whose title changes gets a new id: a
session gone and one new in the same slot (event, day, start, room) are one renamed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from bot.programme.model import Session, session_order

KINDS = ("new", "moved", "renamed", "gone")
"""Every kind of change, in the order a report counts them."""


@dataclass(frozen=True)
class Change:
    """One session that is new, moved (day, time or room), renamed, or gone."""

    kind: str
    before: Session | None
    after: Session | None

    @property
    def session(self) -> Session:
        """The session as it is now (as it was, for one gone)."""
        found = self.after or self.before
        assert found is not None
        return found


def slot(session: Session) -> tuple[date, time | None, str | None]:
    """Where a session sits: its day, start and room."""
    return session.day, session.start, session.room


def diff(before: Iterable[Session], after: Iterable[Session]) -> list[Change]:
    """The changes from the sessions `before` to the sessions `after`, in programme order."""
    old = {session.id: session for session in before}
    new = {session.id: session for session in after}
    found = []
    for identifier, session in new.items():
        previous = old.get(identifier)
        if previous is None:
            continue
        if slot(previous) != slot(session):
            found.append(Change("moved", previous, session))
        elif previous.title != session.title:
            found.append(Change("renamed", previous, session))
    added: dict[tuple, list[Session]] = {}
    for session in new.values():
        if session.id not in old:
            added.setdefault((session.event_id, *slot(session)), []).append(session)
    for identifier, session in old.items():
        if identifier in new:
            continue
        same_slot = added.get((session.event_id, *slot(session)))
        if same_slot:
            found.append(Change("renamed", session, same_slot.pop(0)))
        else:
            found.append(Change("gone", session, None))
    found += [Change("new", None, session) for group in added.values() for session in group]
    return sorted(found, key=lambda change: session_order(change.session))


def tally(changes: Iterable[Change]) -> dict[str, int]:
    """How many changes of each kind, every kind present (zeros included)."""
    counts = dict.fromkeys(KINDS, 0)
    for change in changes:
        counts[change.kind] += 1
    return counts
