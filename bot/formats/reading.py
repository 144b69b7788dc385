"""Reading schedule files: what a file says of one session (`Entry`), and how entries
become sessions with stable ids; the helpers both readers share."""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.formats.common import OURS
from bot.programme.model import KINDS, Event, Problem, Session, SourceRef, Speaker, session_id
from bot.wording.folding import fold

KINDS_BY_MEANING: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("break", r"\b(break|pause|lunch|dinner|coffee|cafe|dejeuner|repas|buffet)\b"),
        ("keynote", r"keynote|plenary|pleniere"),
        ("lightning", r"lightning|\beclair"),
        ("bof", r"\bbofs?\b|birds of a feather"),
        ("workshop", r"workshop|atelier|hands[ -]?on|tutorial|tutoriel|training|\bformations?\b"
                     r"|hackathon|sprint"),
        ("panel", r"panel|discussion|podium|round ?table|table ronde|debat|fishbowl"
                  r"|q ?& ?a session"),
        ("demo", r"\bdemo"),
        ("talk", r"talk|lecture|conference|presentation|expose|vortrag|devroom"
                 r"|main ?track|\bsession\b|pitch|speech|intervention"),
    )
)


def id_from_guid(value: str) -> str:
    """The session id a source guid gives: the same guid, the same id, wherever the
    session sits in the file (so a reminder never moves to another session)."""
    if value.startswith(OURS + "-") and re.fullmatch(r"[0-9a-f]{6}", value[-6:]):
        return value[-6:]
    return hashlib.blake2s(value.strip().lower().encode(), digest_size=3).hexdigest()


def kind_of(value: str | None, title: str = "", track: str | None = None) -> str:
    """Our kind for a schedule's event type, by what it means: 'lecture', 'devroom',
    'Talk 30 min + 10min Q&A' are talks; no type at all is what the `track` names when it
    names a kind ('Pause', 'Tutorial'), else what the title names, else a talk.
    What a type lists in brackets is not what it is ('Forum (Lightning Talks, Quizze..)'); a
    session whose type only says 'Talk' is of the kind its `title` names ('Lightning Talks
    Day 2')."""
    text = fold(re.sub(r"\([^)]*\)", " ", value or "")).replace("_", " ").replace("-", " ")
    if not text.strip():  # no type at all: 'Lunch' is a break, 'Rust in 2025' a talk
        finer = _meaning(fold(track or ""))
        finer = finer if finer not in ("other", "talk") else _meaning(fold(title))
        return finer if finer != "other" else "talk"
    kind = _meaning(text)
    if text.strip() in _GENERIC_TYPES and title:
        finer = _meaning(fold(title))
        kind = finer if finer not in ("other", "break") else kind
    return kind


def type_words(value: str | None) -> str:
    """A schedule's own type as words a search finds ('Game show', 'DJ Set'), or '' when it
    is only one of our kinds (what our exports write)."""
    text = " ".join((value or "").split())
    return "" if fold(text) in KINDS else text


_GENERIC_TYPES = frozenset(("", "talk", "talks", "lecture", "vortrag", "conference", "session",
                            "presentation"))
"""Types that say no more than 'a session': the title may say more."""


def _meaning(text: str) -> str:
    return next((kind for kind, pattern in KINDS_BY_MEANING if pattern.search(text)), "other")


def dedent(text: str | None) -> str:
    """A description as written, without the indentation of the XML around it."""
    lines = (text or "").expandtabs(4).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return ""
    first, rest = lines[0].strip(), textwrap.dedent("\n".join(lines[1:]))
    return "\n".join(line.rstrip() for line in [first, *rest.splitlines()]).strip()


@dataclass(frozen=True)
class Entry:
    """What a schedule file says of one session, before it becomes a `Session`: its
    instants in the file's zone, and the session as described (`entry` builds it)."""

    start: datetime
    end: datetime | None
    session: Session


def entry(title: str, start: datetime, end: datetime | None, **details: Any) -> Entry:
    """An entry of a file; the session's id, event, day, hours and source are set when
    `Sessions.make` places it in the bot's zone."""
    return Entry(start, end, Session(id="", event_id="", day=start.date(), start=None, end=None,
                                     title=title, **details))


class Sessions:
    """Turns a file's entries into sessions with stable ids: from the guid when there is
    one (each guid once), else from the title and how many times it came before."""

    def __init__(self, event_id: str, tz: ZoneInfo, zone: ZoneInfo) -> None:
        """`tz`: the bot's zone, which sessions are put in; `zone`: the file's own."""
        self.event_id, self.tz, self.zone = event_id, tz, zone
        self._titles: dict[str, int] = {}
        self._ids: set[str] = set()
        self._guids: set[str] = set()
        self.source_days: set[date] = set()
        """The days the sessions fall on in the file's zone, which its days declare."""

    def make(self, entry: Entry, line: int = 0, path: str = "") -> Session:
        draft = entry.session
        start = self.local(entry.start)
        self.source_days.add(start.astimezone(self.zone).date())
        end = self.local(entry.end) if entry.end else None
        key = fold(" ".join(draft.title.split()))
        self._titles[key] = self._titles.get(key, 0) + 1
        source_guid = draft.guid if draft.guid and draft.guid.lower() not in self._guids else None
        if source_guid:  # a guid seen before is a copy: that entry gets a title's id
            self._guids.add(source_guid.lower())
            identifier, again = id_from_guid(source_guid), 1
            while identifier in self._ids:  # two guids, one short id: the later one moves
                identifier, again = id_from_guid(f"{source_guid}/{again}"), again + 1
        else:
            identifier = session_id(self.event_id, draft.title, self._titles[key])
        self._ids.add(identifier)
        # What our exports write for a session that had no url or numeric id reads as none.
        url = draft.url if draft.url and draft.url != f"urn:uuid:{draft.guid}" else None
        derived = int(identifier, 16) + 1 if re.fullmatch(r"[0-9a-f]+", identifier) else None
        return replace(
            draft,
            id=identifier,
            event_id=self.event_id,
            day=start.date(),
            start=start.time().replace(tzinfo=None),
            end=end.time().replace(tzinfo=None) if end and end > start else None,
            source=SourceRef(path, line) if path else None,
            guid=source_guid,
            number=draft.number if draft.number != derived else None,
            url=url,
        )

    def local(self, moment: datetime) -> datetime:
        """`moment` in the bot's zone (naive times are taken as already in it)."""
        return moment.astimezone(self.tz) if moment.tzinfo else moment.replace(tzinfo=self.tz)

    def event(self, event: Event, sessions: list[Session], problems: list[Problem],
              day_ends: list[str]) -> Event:
        """`event` with `sessions`, widened to every day a session falls on. `day_ends` are
        the declared days' ends ('2025-12-28T03:59:00+01:00': a night session is still in
        its day); a session outside the declared days is kept and a problem says so (a
        schedule that forgot a day must not lose its sessions silently)."""
        covered = event.end
        for text in day_ends:
            with contextlib.suppress(ValueError):
                covered = max(covered, date.fromisoformat(str(text)[:10]))
        outside = sorted(day for day in self.source_days if not event.start <= day <= covered)
        if outside:
            days = ", ".join(day.isoformat() for day in outside)
            problems.append(Problem(SourceRef(event.source),
                                    f"sessions on {days}, outside the declared days "
                                    f"{event.start.isoformat()} – {event.end.isoformat()}: "
                                    "kept, and the event now covers those days too"))
        dates = {s.day for s in sessions}
        if dates:
            event = replace(event, start=min(event.start, *dates), end=max(event.end, *dates))
        return event.with_sessions(tuple(sessions))


def parse_when(text: str, zone: ZoneInfo | None = None) -> datetime:
    """An ISO date-time; naive ones are in `zone` when given. ValueError otherwise."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None and zone else moment


def dated_start(when: str, hour: str, zone: ZoneInfo) -> datetime:
    """A start given as a full date-time (`when`) beside its hour (`hour`, '09:00'): the
    date-time, unless it is written in UTC with the very hour of `hour` while `zone` is not
    UTC — a template's 'Z' after a local time ('2019-05-22T09:00:00Z' with '09:00' for a
    talk in Leipzig), so the hour is read in `zone`. A true UTC time shows another hour."""
    moment = parse_when(when, zone)
    found = _HOUR.match(hour.strip())
    written = found and (int(found["h"]), int(found["rest"][:2]))
    if (moment.utcoffset() == timedelta(0) and written == (moment.hour, moment.minute)
            and zone.utcoffset(moment.replace(tzinfo=None))):
        return moment.replace(tzinfo=zone)
    return moment


_HOUR = re.compile(r"(?P<h>\d{1,2}):(?P<rest>\d\d(?::\d\d)?)")


def start_in_day(day: str, hour: str, day_start: str | None, zone: ZoneInfo) -> datetime:
    """The start of an event written as an hour apart from its day's date ('9:15' or
    '09:15:00' on '2011-08-10'), after the day's own start when it gives one: a 01:00 talk
    of a night is on the next calendar day. ValueError when they make no date-time."""
    found = _HOUR.fullmatch(hour.strip())
    clock = f"{int(found['h']):02d}:{found['rest']}" if found else hour.strip()
    start = parse_when(f"{day[:10]}T{clock}", zone)
    if day_start and start < parse_when(day_start, zone):
        start += timedelta(days=1)
    return start


def parse_duration(text: str) -> timedelta:
    """'00:20', '1:30' or '01:30:00' as a duration; ValueError otherwise."""
    try:
        parts = [int(p) for p in text.strip().split(":")]
    except ValueError:
        raise ValueError(f"duration {text!r}: expected HH:MM") from None
    if len(parts) not in (2, 3) or any(p < 0 for p in parts):
        raise ValueError(f"duration {text!r}: expected HH:MM")
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2] if len(parts) == 3 else 0)


def speakers_of(names: Iterable[str]) -> tuple[Speaker, ...]:
    """The speakers named by a schedule's person fields, spaces made single; one field
    that lists several full names is split ('Dr. Sebastian Tramp, Andreas Heinecke', 'Ada
    Lovelace and Alan Turing'), not one written surname first ('Lovelace, Ada')."""
    found = []
    for name in names:
        parts = [" ".join(part.split()) for part in _NAMES_APART.split(name)]
        whole = len(parts) > 1 and all(len(part.split()) >= 2 and part[:1].isupper()
                                       for part in parts)
        found.extend(parts if whole else [" ".join(name.split())])
    return tuple(Speaker(name) for name in found if name)


_NAMES_APART = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")


def person_name(person: Any) -> str:
    """A speaker as schedules write one: a name, or an object with a name."""
    if isinstance(person, dict):
        return text_value(person.get("name") or person.get("public_name")
                          or person.get("full_name") or person.get("fullName"))
    return text_value(person)


def label(value: Any) -> str:
    """A room or track: a name, or an object with a name or slug, or translated names
    ({"en": "Main hall", "fr": "Grande salle"}: the first)."""
    if isinstance(value, dict):
        named = value.get("name") or value.get("slug")
        return text_value(named if named is not None else value).strip()
    return text_value(value).strip()


def text_value(value: Any) -> str:
    """A string field; translated strings ({"en": ..., "de": ...}) give their first
    translation."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return next((str(v) for v in value.values() if v), "")
    if isinstance(value, (list, bool)):
        raise TypeError(f"expected a string, got {value!r}")
    return str(value)


class JsonLines:
    """The line of each event in the JSON text, found by its guid (or else its title):
    every `"guid": "…"` and `"title": "…"` of the text is indexed once."""

    _FIELD = re.compile(r'"(guid|title|days)"\s*:\s*("(?:[^"\\]|\\.)*")?')

    def __init__(self, text: str) -> None:
        starts = [match.start() for match in re.finditer("\n", text)]
        self._lines: dict[tuple[str, str], int] = {}
        for match in self._FIELD.finditer(text):
            try:
                value = json.loads(match.group(2)) if match.group(2) else ""
            except json.JSONDecodeError:
                continue
            line = 1 + bisect.bisect_left(starts, match.start())
            self._lines.setdefault((match.group(1), value), line)

    def find(self, key: str) -> int:
        """The line of the first `"key":` of the text, 0 if there is none."""
        return self._lines.get((key, ""), 0)

    def of(self, item: Any) -> int:
        if not isinstance(item, dict):
            return 0
        for key in ("guid", "title"):
            value = item.get(key)
            line = self._lines.get((key, value), 0) if isinstance(value, str) else 0
            if line:
                return line
        return 0
