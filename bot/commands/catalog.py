"""What the commands read: the programme with its agenda and search index, built together."""

from __future__ import annotations

from datetime import date, timedelta

from bot.programme.collection import collection_paused
from bot.programme.model import Programme
from bot.programme.queries import Agenda, find_event
from bot.programme.search import SearchIndex
from bot.settings.config import ProgrammeConfig
from bot.understanding import Knowledge


class Catalog:
    """The programme and the structures derived from it, rebuilt when it changes."""

    def __init__(self, programme: Programme, settings: ProgrammeConfig) -> None:
        self.programme = programme
        self.tz = settings.tz
        with collection_paused():
            self.agenda = Agenda(
                programme, self.tz, timedelta(minutes=settings.default_duration_minutes)
            )
            self.search = SearchIndex(programme)
        tracks = sorted({s.track for s in programme.sessions if s.track})
        self.knowledge = Knowledge.of(self.agenda.rooms, self.search.words, self._event_of,
                                      tracks, (day for e in programme.events for day in e.by_day))
        """What the understanding layer must know of this programme."""

    def _event_of(self, text: str, today: date) -> str | None:
        event = find_event(self.programme, text, today)
        return event.id if event else None
