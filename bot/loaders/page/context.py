"""What the sections, slots and containers above a line say, as an immutable value.

The rows stage walks the outline with a `Context`: a section, a slot or a container gives
the lines under it `ctx.under(scope)`, a new value, and what a paragraph adds (the room
its prose names, the day a line under a heading gives) is a changed copy too; nothing is
pushed or popped on a shared stack, so a decision can always be traced to the value it
was made with.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from bot.loaders.page.candidates import Row
from bot.loaders.page.values import Facts

HEADING_LEVELS = 6
"""Scopes of this level or less are headings; labels, slots and containers rank under."""
LABEL_LEVEL = 7
"""A label ranks under every heading; its hours, or a heading's, are a block's: the last
session that starts in them ends with them."""
SLOT_LEVEL = 9
"""A timed line that is a session unless sessions follow under it: the next slot, label
or heading ends it."""
HOURS_LEVEL = 10
"""A label of hours alone ranks under a label (and a slot): the room goes on."""
CONTAINER_LEVEL = 20
"""An item grouping nested items; each depth of nesting ranks one deeper."""


@dataclass(frozen=True)
class Scope:
    """What a heading, a label, a slot or a container says about what is under it."""

    level: int
    title: str = ""
    day: date | None = None
    hour: time | None = None
    end: time | None = None
    room: str | None = None
    kind: str | None = None
    structured: bool = False
    only_time: bool = False
    """A heading that holds only a time ('### 18h10'): the paragraph under it is its session."""
    slot: Row | None = None
    """A heading or timed line that is a session, unless sessions follow under it."""
    counted: int = 0
    """The page's count of sessions when it opened (those under it are counted since)."""
    when: tuple[list[date], time | None, time | None] | None = None
    """A 'Quand ? …' line under a heading: the heading is then a session of its own."""
    line: int = 0
    credits: tuple[tuple, ...] = ()
    prose_kind: str | None = None
    roster: bool = False
    """A line under a heading says who speaks follows ('Intervenants (dans l'ordre) :'): the
    heading is then a session of its own, credited with the list of persons under it."""

    @classmethod
    def of(cls, level: int, facts: Facts, line: int, **more: object) -> Scope:
        """The scope a heading or a label opens, with what its words give."""
        return cls(level, facts.words, day=facts.day, hour=facts.start, end=facts.end,
                   room=facts.room, kind=facts.kind, structured=facts.structured,
                   only_time=facts.only_time, line=line, **more)


@dataclass(frozen=True)
class Context:
    """The scopes above a line, outermost first."""

    scopes: tuple[Scope, ...] = ()

    def under(self, scope: Scope) -> Context:
        """The context of the lines under `scope`."""
        return Context((*self.scopes, scope))

    def outer(self) -> Context:
        """The context without its innermost scope."""
        return Context(self.scopes[:-1])

    def with_scope(self, old: Scope, **changes: object) -> Context:
        """The context in which `old` says more (a room, a day, credits)."""
        return Context(tuple(replace(s, **changes) if s is old else s for s in self.scopes))

    @property
    def innermost(self) -> Scope | None:
        return self.scopes[-1] if self.scopes else None

    @property
    def heading(self) -> Scope | None:
        """The innermost heading."""
        return next((s for s in reversed(self.scopes) if s.level <= HEADING_LEVELS), None)

    @property
    def slot(self) -> Row | None:
        """The session of the innermost scope, if it is a slot."""
        return self.scopes[-1].slot if self.scopes else None

    @property
    def slot_above(self) -> Scope | None:
        """The innermost slot, through the labels under it: '[9h35–10h45] Plénière' over
        '**Introduction**' over the persons who speak in it."""
        for scope in reversed(self.scopes):
            if scope.slot is not None:
                return scope
            if scope.level != LABEL_LEVEL:
                return None
        return None

    def get(self, attribute: str):
        """The innermost value of `attribute` any scope gives."""
        return next(
            (v for s in reversed(self.scopes) if (v := getattr(s, attribute)) is not None), None
        )

    def span(self) -> tuple[time | None, time | None]:
        """The innermost hours: their start, and their end if that scope gives one."""
        scope = next((s for s in reversed(self.scopes) if s.hour is not None), None)
        return (scope.hour, scope.end) if scope else (None, None)

    def block_end(self) -> time | None:
        """The end of the hours a heading or a label gives."""
        return next((s.end for s in reversed(self.scopes) if s.level <= LABEL_LEVEL and s.end),
                    None)

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(s.title for s in self.scopes if s.title)

    @property
    def section(self) -> str:
        """The two innermost titles, as sessions keep them for search."""
        return " › ".join(self.titles[-2:])
