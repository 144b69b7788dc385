"""A programme written in a layout, read back by the loader, and what differs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.loaders.page import load_page
from tests.loaders.permutations.layouts import Layout, write_page
from tests.loaders.permutations.programmes import Programme

_TZ = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Readback:
    """The sessions written and read, as (day, start, end, title, speakers) tuples."""

    page: str
    written: tuple[tuple, ...]
    read: tuple[tuple, ...]

    @property
    def matched(self) -> int:
        """How many written sessions were read back exactly."""
        read = list(self.read)
        count = 0
        for session in self.written:
            if session in read:
                read.remove(session)
                count += 1
        return count

    @property
    def exact(self) -> bool:
        return self.written == self.read

    def differences(self) -> str:
        missed = [s for s in self.written if s not in self.read]
        extra = [s for s in self.read if s not in self.written]
        return "\n".join([*(f"  missed {_show(s)}" for s in missed),
                          *(f"  read   {_show(s)}" for s in extra)])


def read_back(programme: Programme, layout: Layout) -> Readback:
    """Write `programme` in `layout` and read the page as the loader does."""
    page = write_page(programme, layout)
    events, _ = load_page(Path(f"{layout.name}.md"), page, _TZ)
    read = [(s.day, s.start, s.end, s.title, tuple(s.speaker_names))
            for event in events for s in event.sessions]
    written = [(t.day, t.start, t.end, t.title, t.speakers) for t in programme.talks]
    return Readback(page, tuple(sorted(written, key=_order)), tuple(sorted(read, key=_order)))


def _order(session: tuple) -> tuple:
    day, start, end, title, _ = session
    return day, start or time.min, end or time.min, title


def _show(session: tuple) -> str:
    day, start, end, title, speakers = session
    hours = f"{start:%H:%M}" + (f"-{end:%H:%M}" if end else "")
    return f"{day} {hours} {title!r} {list(speakers)}"
