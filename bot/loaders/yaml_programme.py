"""The structured programme format organisers write by hand (documented in the README).

    event:
      title: Journée BlueHats 2025
      start: 2025-12-03
      end: 2025-12-03           # optional
      venue: ...                # optional: address, description, info, id
    sessions:
      - day: 2025-12-03
        start: "14:00"          # or a range: "14:00 - 14:20"
        end: "14:20"            # optional; or duration: 20 (minutes), "1h30"
        title: ...
        speakers: [{name: A. Nom, organisation: DINUM}, B. Nom]
        room: Ada Lovelace      # optional: kind, links, description, id

A file whose event `id` is an event already read from a page completes that event. A bad
value costs its session (a day that is no date, an hour out of range), and a bad event
start is replaced by the sessions' first day; either way a problem gives its line. A key
the format does not know is a warning with its line, never a guess. The YAML itself is
read safely (`safe_yaml`): aliases bounded, lone surrogates replaced.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from bot.loaders.safe_yaml import NotADate, YamlLoader, YamlRefused, load_yaml
from bot.loaders.talks.kinds import infer_kind
from bot.loaders.talks.names import split_names
from bot.loaders.when import find_range, parse_hour
from bot.programme.model import (
    KINDS,
    Event,
    InfoField,
    Link,
    Problem,
    Session,
    SourceRef,
    Speaker,
    event_id,
    session_id,
)
from bot.wording.folding import fold

_KEYS = {
    "": ("event", "sessions"),
    "event": ("title", "start", "end", "venue", "address", "description", "info", "id"),
    "session": ("day", "start", "end", "duration", "title", "speakers", "room", "kind",
                "links", "description", "id"),
}
"""The keys of the format, by where they are written ('' for the top of the file)."""
_DURATION = re.compile(
    r"(?:(?P<hours>\d{1,2})\s*h\s*(?P<and>\d{1,2})?|(?P<minutes>\d{1,4})\s*(?:min|mn)?\w*"
    r"|(?P<h>\d{1,2}):(?P<m>\d\d))", re.IGNORECASE)
"""'1h30', '2 h', '45', '90 min', '1:30'."""


class _LineLoader(YamlLoader):  # type: ignore[misc, valid-type]
    """A YAML loader that remembers the line of every mapping, under the key '__line__',
    and of each of its keys, under '__keys__'."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__keys__"] = {key.value: key.start_mark.line + 1 for key, _ in node.value
                           if isinstance(key, yaml.ScalarNode)}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def looks_like_yaml_programme(path: Path, text: str) -> bool:
    return (
        path.suffix.lower() in (".yaml", ".yml")
        and re.search(r"^event\s*:", text, re.M) is not None
    )


class _Invalid(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def load_yaml_programme(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read a structured programme; a bad session is reported with its line and skipped."""
    try:
        data, notes = load_yaml(text, _LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [
            Problem(
                SourceRef(str(path), mark.line + 1 if mark else 0),
                f"not valid YAML: {getattr(error, 'problem', error)}",
                "error",
            )
        ]
    except YamlRefused as error:
        return [], [Problem(SourceRef(str(path), error.line), f"not read: {error}", "error")]
    problems = [Problem(SourceRef(str(path), line), message) for line, message in notes]
    if isinstance(data, dict):
        _unknown_keys(path, data, "", 1, problems)
    try:
        event = _event(path, data, problems)
    except _Invalid as error:
        return [], [*problems, Problem(SourceRef(str(path), error.line), str(error), "error")]
    seen: dict[str, int] = {}
    sessions = []
    items = data.get("sessions") or []
    if not isinstance(items, list):
        items = [items]  # reported below as not a mapping with 'day' and 'title'
    for item in items:
        if isinstance(item, dict):
            _unknown_keys(path, item, "session", item["__line__"], problems)
        try:
            sessions.append(_session(path, event, item, seen))
        except _Invalid as error:
            problems.append(Problem(SourceRef(str(path), error.line), f"session skipped: {error}"))
    return [event.with_sessions(tuple(sessions))], problems


def _event(path: Path, data: Any, problems: list[Problem]) -> Event:
    if not isinstance(data, dict) or not isinstance(data.get("event"), dict):
        raise _Invalid(1, "expected a mapping with an 'event:' section")
    raw = data["event"]
    line = raw["__line__"]
    _unknown_keys(path, raw, "event", line, problems)
    title = _required_text(raw, "title", line)
    try:
        start = _day(raw.get("start"), "event.start", line)
    except _Invalid as error:
        start = _first_session_day(data)
        if start is None:
            raise
        problems.append(Problem(SourceRef(str(path), line),
                                f"{error}; the event starts on its first session's day, {start}",
                                "error"))
    end = _day(raw.get("end"), "event.end", line) if raw.get("end") else start
    if end < start:
        raise _Invalid(line, f"event.end {end} is before event.start {start}")
    info = tuple(
        InfoField(_text(item, "label", line) or "", _text(item, "text", line) or "",
                  _text(item, "url", line))
        for item in _list(raw, "info", line)
        if isinstance(item, dict)
    )
    return Event(
        id=_text(raw, "id", line) or event_id(title, start),
        title=title,
        start=start,
        end=end,
        venue=_text(raw, "venue", line),
        address=_text(raw, "address", line),
        description=_text(raw, "description", line) or "",
        info=info,
        links=tuple(Link(i.text, i.url) for i in info if i.url),
        source=str(path),
    )


def _unknown_keys(path: Path, raw: dict, where: str, line: int,
                  problems: list[Problem]) -> None:
    """A warning for each key of `raw` the format does not know at `where`: ignored."""
    known = _KEYS[where]
    for key in raw:
        if key not in ("__line__", "__keys__") and key not in known:
            place = f"{where}: " if where else ""
            problems.append(Problem(SourceRef(str(path), raw["__keys__"].get(key, line)),
                                    f"{place}unknown key {key!r} ignored (the keys here: "
                                    f"{', '.join(known)})"))


def _first_session_day(data: dict) -> date | None:
    """The first day the sessions give, when the event's own start is no date."""
    items = data.get("sessions")
    days = []
    for item in items if isinstance(items, list) else ():
        try:
            days.append(_day(item.get("day"), "day", 0) if isinstance(item, dict) else None)
        except _Invalid:
            continue
    return min(filter(None, days), default=None)


def _session(path: Path, event: Event, item: Any, seen: dict[str, int]) -> Session:
    if not isinstance(item, dict):
        raise _Invalid(0, "expected a mapping with at least 'day' and 'title'")
    line = item["__line__"]
    title = _required_text(item, "title", line)
    day = _day(item.get("day") or (event.start if event.start == event.end else None), "day", line)
    start, end = _hours(item, line)
    kind = _text(item, "kind", line) or infer_kind(title)
    if kind not in KINDS:
        raise _Invalid(line, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    key = fold(" ".join(title.split()))
    seen[key] = seen.get(key, 0) + 1
    return Session(
        id=_text(item, "id", line) or session_id(event.id, title, seen[key]),
        event_id=event.id,
        day=day,
        start=start,
        end=end,
        title=title,
        speakers=tuple(speaker for value in _list(item, "speakers", line)
                       for speaker in _speakers(value, line)),
        room=_text(item, "room", line),
        kind=kind,
        links=tuple(
            Link(_text(k, "text", line) or str(k["url"]), str(k["url"]))
            for k in _list(item, "links", line)
            if isinstance(k, dict) and isinstance(k.get("url"), str)
        ),
        description=_text(item, "description", line) or "",
        source=SourceRef(str(path), line),
    )


def _speakers(value: Any, line: int) -> list[Speaker]:
    """A speaker, or the names of a text that lists several ('A. Nom, B. Nom et C. Nom')."""
    if isinstance(value, str) and value.strip():
        return [Speaker(name) for name in split_names(value)]
    if isinstance(value, dict) and (_text(value, "name", line) or "").strip():
        return [Speaker(str(value["name"]).strip(), _text(value, "organisation", line))]
    raise _Invalid(line, f"speaker {value!r}: expected a name or {{name, organisation}}")


def _required_text(raw: dict, key: str, line: int) -> str:
    value = (_text(raw, key, line) or "").strip()
    if not value:
        raise _Invalid(line, f"missing '{key}'")
    return value


def _text(raw: dict, key: str, line: int) -> str | None:
    """A text field (a number is read as its text); None when absent or empty."""
    value = raw.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (dict, list, bool)):
        raise _Invalid(line, f"{key}: expected a text, got {value!r}")
    return str(value)


def _list(raw: dict, key: str, line: int) -> list:
    """A list field; one value alone counts as a list of one."""
    value = raw.get(key)
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _day(value: Any, key: str, line: int) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, NotADate):
        raise _Invalid(line, f"{key}: {value} is not a date ({value.reason})")
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Invalid(line, f"{key}: expected a date like 2025-12-03, got {value!r}") from None


def _hours(item: dict, line: int) -> tuple[time | None, time | None]:
    """A session's start and end: a range written as its start ('14:00 - 14:20') gives
    both, and a duration the end when none is written."""
    value = item.get("start")
    text = value.strip() if isinstance(value, str) else ""
    slot = find_range(text) if text and parse_hour(text) is None else None
    if slot is not None and slot.span == (0, len(text)):
        start, end = slot.start, slot.end
    else:
        start = _hour(value, "start", line)
        end = None
    end = _hour(item.get("end"), "end", line) or end
    if end is None and start is not None and item.get("duration") not in (None, ""):
        moment = datetime.combine(date.min, start) + _duration(item["duration"], line)
        end = moment.time()
    return start, end


def _duration(value: Any, line: int) -> timedelta:
    """A duration in minutes (45; YAML reads 1:30 as 90), or written '1h30', '90 min'."""
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    else:
        found = _DURATION.fullmatch(str(value).strip())
        if found is None:
            raise _Invalid(line, f"duration: expected minutes (45) or hours (1h30), "
                                 f"got {value!r}")
        hours = found["hours"] or found["h"] or 0
        minutes = int(hours) * 60 + int(found["and"] or found["m"] or found["minutes"] or 0)
    if not 0 < minutes < 24 * 60:
        raise _Invalid(line, f"duration: {value!r} is not a duration within a day")
    return timedelta(minutes=minutes)


def _hour(value: Any, key: str, line: int) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):  # YAML 1.1: 14:00 is 840
        if not 0 <= value < 24 * 60:
            raise _Invalid(line, f"{key}: {value // 60}:{value % 60:02d} is not a time of day")
        return time(value // 60, value % 60)
    found = parse_hour(str(value))
    if found is None:
        raise _Invalid(line, f'{key}: expected a time like "14:00", got {value!r}')
    return found
