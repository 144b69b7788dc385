"""The programme model: events and their sessions, as plain immutable data.

Times are wall-clock times in the programme's time zone (Europe/Paris by default);
day and time are kept apart because many pages give a day and an hour only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from bot.wording.folding import fold, slugify

KINDS = ("talk", "keynote", "lightning", "demo", "panel", "bof", "workshop", "break", "other")
"""Every session kind, in the order help texts list them."""
KIND_OF = {"keynote": "talk", "lightning": "talk", "bof": "panel"}
"""A kind that is a kind of another: a keynote and a lightning talk are talks, a BoF (birds
of a feather) a discussion."""


def of_kind(kind: str, wanted: str) -> bool:
    """Whether a session of `kind` answers a question about `wanted` ones (the talks
    include the keynotes)."""
    return kind == wanted or KIND_OF.get(kind) == wanted


@dataclass(frozen=True)
class SourceRef:
    """Where a piece of the programme came from: file path and 1-based line (0 if unknown)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


_MATERIALS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (kind, re.compile(text, re.IGNORECASE), re.compile(url, re.IGNORECASE))
    for kind, text, url in (
        ("recording", r"revoir|replay|vid[ée]o|enregistrement|recording",
         r"youtube|youtu\.be|dailymotion|dai\.ly|peertube|tube\.|/videos?/|playback"),
        ("slides", r"slides?|support|diapo|pr[ée]sentation",
         r"\.pdf\b|\.odp\b|\.pptx?\b|speakerdeck|slideshare|/slides|/presentation/"),
        ("notes", r"pad\b|notes|issue|ticket", r"\bpad\.|/issues/"),
    )
)

_ANY_MATERIAL_TEXT, _ANY_MATERIAL_URL = (
    re.compile("|".join(f"(?:{p[i].pattern})" for p in _MATERIALS), re.IGNORECASE)
    for i in (1, 2)
)


@dataclass(frozen=True)
class Link:
    """A hyperlink found in the programme; `text` is what the page showed."""

    text: str
    url: str

    @property
    def material(self) -> str | None:
        """What a session left behind this link, by its address or its text: 'recording'
        (a replay), 'slides' or 'notes' (a pad, an issue); None for any other link."""
        if not (_ANY_MATERIAL_URL.search(self.url) or _ANY_MATERIAL_TEXT.search(self.text)):
            return None  # most links: one search each, not one per kind
        return next((kind for kind, text, url in _MATERIALS
                     if url.search(self.url) or text.search(self.text)), None)


@dataclass(frozen=True)
class Speaker:
    """A speaker (a person, a team or an organisation) and the organisation they speak for."""

    name: str
    organisation: str | None = None


@dataclass(frozen=True)
class InfoField:
    """A line of practical information: opening hours, access, registration..."""

    label: str
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Passage:
    """A paragraph of an event's page that is not programme (access, price, contact…),
    as the page shows it, with the file line it starts on."""

    text: str
    line: int = 0
    links: tuple[Link, ...] = ()
    """The links of the paragraph, with the text they show in it ('register here')."""
    section: str = ""
    """The heading it is under ('Prérequis', 'Organizers'), if any."""


@dataclass(frozen=True)
class Session:
    """One item of an event's programme: a talk, a demo, a break..."""

    id: str
    event_id: str
    day: date
    start: time | None
    end: time | None
    title: str
    speakers: tuple[Speaker, ...] = ()
    room: str | None = None
    kind: str = "talk"
    links: tuple[Link, ...] = ()
    description: str = ""
    source: SourceRef | None = None
    organisations: tuple[str, ...] = ()
    """Organisations presenting, each once; by default those of the speakers. Given
    explicitly when an organisation presents with no named speaker ('*TBA* - IGN')."""
    section: str = ""
    """The words of the headings or slot the session sits under ('démos de La Suite'):
    they describe it too, so search counts them."""
    block_end: time | None = None
    """The end of the block of hours its heading gives ('6 décembre de 14h à 18h'): a
    start-only session that is the last of its block ends there, not after a default."""
    guid: str | None = None
    """The source's own identifier (a frab/c3voc guid); the id is derived from it."""
    number: int | None = None
    """The source's numeric id (frab/pretalx `id`), written back on export."""
    slug: str | None = None
    url: str | None = None
    track: str | None = None
    language: str | None = None
    subtitle: str = ""
    abstract: str = ""

    def __post_init__(self) -> None:
        if not self.organisations:
            found = dict.fromkeys(s.organisation for s in self.speakers if s.organisation)
            object.__setattr__(self, "organisations", tuple(found))

    @property
    def speaker_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.speakers)

    def starts_at(self, tz: ZoneInfo) -> datetime | None:
        """The aware start instant, or None for a session with no time."""
        return datetime.combine(self.day, self.start, tz) if self.start else None

    def ends_at(self, tz: ZoneInfo) -> datetime | None:
        """The aware end instant as published, or None when the page gives no end."""
        if self.end is None:
            return None
        end = datetime.combine(self.day, self.end, tz)
        return end if self.start is None or self.end > self.start else end + timedelta(days=1)


def credit(session: Session) -> str:
    """'R. Serdoun (ANCT), V. Viers (DINUM)' or the organisations alone."""
    people = []
    for speaker in session.speakers:
        people.append(
            f"{speaker.name} ({speaker.organisation})" if speaker.organisation else speaker.name
        )
    if people:
        return ", ".join(people)
    return ", ".join(session.organisations)


@dataclass(frozen=True)
class Event:
    """An event (a BlueHats day at a fair, a meet-up...) and its programme."""

    id: str
    title: str
    start: date
    end: date
    venue: str | None = None
    address: str | None = None
    description: str = ""
    info: tuple[InfoField, ...] = ()
    links: tuple[Link, ...] = ()
    sessions: tuple[Session, ...] = ()
    source: str = ""
    short_name: str | None = None
    """A short name people use for it: a schedule's acronym ('39c3')."""
    time_zone: str | None = None
    """The IANA zone its times are in, when the source says (schedules); else the bot's."""
    url: str | None = None
    passages: tuple[Passage, ...] = ()
    """The page's prose paragraphs that are not programme, in page order: practical
    questions (price, access, contact) are answered by quoting them."""

    @property
    def days(self) -> tuple[date, ...]:
        n = (self.end - self.start).days
        return tuple(self.start + timedelta(days=i) for i in range(n + 1))

    @property
    def registration_url(self) -> str | None:
        """The link whose label speaks of registering, if the page has one."""
        for item in self.info:
            if item.url and re.search(r"inscri|regist|badge", fold(f"{item.label} {item.text}")):
                return item.url
        return None

    @cached_property
    def by_day(self) -> dict[date, tuple[Session, ...]]:
        """The sessions of each day that has some, by day, in programme order: built once per
        event, so a day's programme does not walk every session of the event."""
        found: dict[date, list[Session]] = {}
        for session in self.sessions:
            found.setdefault(session.day, []).append(session)
        return {day: tuple(found[day]) for day in sorted(found)}

    def with_sessions(self, sessions: tuple[Session, ...]) -> Event:
        return replace(self, sessions=tuple(sorted(sessions, key=session_order)))


def session_order(session: Session) -> tuple:
    """Sort key: by day, then time (untimed last), then room, then source order."""
    line = session.source.line if session.source else 0
    return (session.day, session.start is None, session.start or time(), session.room or "", line)


def event_id(title: str, start: date) -> str:
    """A stable event id from its title and first day: '2024-journees-bluehats-...'."""
    slug = slugify(re.sub(r"\b(19|20)\d\d\b", "", title), max_length=40)
    return f"{start.year}-{slug}" if slug else str(start.year)


def session_id(event: str, title: str, occurrence: int = 1) -> str:
    """A short stable id for a session: the same title in the same event keeps its id.

    A session that moves to another time or room keeps its id, so reminders and change
    notices can follow it; `occurrence` tells apart repeated titles ('Accueil').
    """
    key = f"{event}\n{fold(' '.join(title.split()))}\n{occurrence}"
    return hashlib.blake2s(key.encode(), digest_size=4).hexdigest()[:6]


@dataclass(frozen=True)
class Problem:
    """Something the loader could not read, with where and what it expected."""

    source: SourceRef
    message: str
    severity: str = "warning"  # "warning": skipped and reported; "error": the file was not loaded

    def __str__(self) -> str:
        return f"{self.source}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Programme:
    """Every loaded event, with lookup helpers; the loaders' result."""

    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()
    _by_id: dict[str, Session] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for event in self.events:
            for session in event.sessions:
                self._by_id[session.id] = session

    @cached_property
    def sessions(self) -> tuple[Session, ...]:
        """Every session, event after event: gathered once per programme (the agenda, the
        search index and its name lists each read them all)."""
        return tuple(s for e in self.events for s in e.sessions)

    def session(self, session_id: str) -> Session | None:
        return self._by_id.get(session_id.strip().lower())

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
