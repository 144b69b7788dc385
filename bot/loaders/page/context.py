"""What the headings, labels and containers above a line say, passed down as a value.

The rows stage walks the outline recursively; each section, label or container gives
the blocks under it a changed copy (`enter`), never a shared stack that is pushed and
popped: a sibling never sees what its elder said, and « which heading gave this day »
is answered by each `Given`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from bot.loaders.page.values import EventFrame, Evidence, Facts, Given


@dataclass(frozen=True)
class Context:
    """The frame of the event and what the sections above say, innermost last."""

    frame: EventFrame
    day: Given | None = None
    start: Given | None = None
    end: Given | None = None
    room: Given | None = None
    track: Given | None = None
    kind: Given | None = None
    sections: tuple[str, ...] = ()
    """Heading and label texts, outermost first."""
    structured: bool = False
    """Some section above gives a day, hours or a room."""
    block_end: time | None = None
    """The end of the hours a heading gives ('6 décembre de 14h à 18h')."""
    lead_in: tuple[Evidence, ...] = ()

    def enter(self, facts: Facts, line: int, by: str = "a heading") -> Context:
        """The context under a heading, label or container: what it says replaces what the
        outer one said; the rest goes on."""
        day = facts.days[0] if facts.days else self.frame.day_of(
            facts.weekdays[0] if facts.weekdays else None, facts.ordinal)
        changes: dict[str, object] = {"sections": (*self.sections, facts.words)}
        if day is not None:
            changes["day"] = Given(day, by, line)
        if facts.start is not None:
            changes["start"] = Given(facts.start, by, line)
            changes["end"] = Given(facts.end, by, line) if facts.end else None
            if facts.end is not None and by == "a heading":
                changes["block_end"] = facts.end
        for name in ("room", "track", "kind"):
            value = getattr(facts, name)
            if value is not None:
                changes[name] = Given(value, by, line)
        if facts.structured:
            changes["structured"] = True
        return replace(self, **changes)

    def with_lead_in(self, evidence: tuple[Evidence, ...]) -> Context:
        """The context of a list introduced by a lead-in line ('les sujets suivants :')."""
        return replace(self, lead_in=evidence)

    @property
    def section(self) -> str:
        """The two innermost section texts, as sessions keep them for search."""
        return " › ".join([s for s in self.sections if s][-2:])
