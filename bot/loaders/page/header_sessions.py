"""Sessions a page lists in its header rather than in its text: a Jekyll or Hugo page whose
template renders a list of its front matter ('talks:', 'schedule:', 'programme:'), each
item a mapping with a title and a time or a speaker. They are read when the body gives no
session of its own (a body that gives them is what the reader sees; a header list beside it
repeats it). A list of links, of sponsors or of people has no time and no speaker under a
title: it is no programme.
"""

from __future__ import annotations

from datetime import date, datetime, time

from bot.loaders.page.candidates import Row
from bot.loaders.page.metadata import Field, Metadata
from bot.loaders.talks.kinds import infer_kind
from bot.loaders.talks.names import split_names
from bot.loaders.talks.titles import Talk
from bot.loaders.when import find_times
from bot.programme.model import Speaker
from bot.wording.folding import fold

_TITLE = ("title", "titre", "talk", "sujet", "topic", "subject", "titel", "titolo", "titulo")
_TIME = ("time", "start", "heure", "horaire", "hour", "debut", "starts", "when", "zeit",
         "hora", "ora")
_END = ("end", "fin", "ends", "until", "ende")
_SPEAKERS = ("speaker", "speakers", "intervenant", "intervenants", "intervenante",
             "orateur", "by", "presenter", "presenters", "author", "authors", "host", "hosts",
             "sprecher", "ponente", "relatore", "spreker")
_ROOM = ("room", "salle", "location", "lieu", "track", "raum", "sala", "zaal")
_DAY = ("day", "date", "jour", "datum", "fecha", "data")
_NAME = ("name", "nom", "full_name", "fullname")
_ITEMS = 2
"""A list of one item is not enough to tell a programme from a featured talk."""


def header_rows(metadata: Metadata) -> tuple[Row, ...]:
    """The sessions of the longest list of the header whose items read as sessions (every
    item with a title, and a time or a speaker), in their order; none when no list does."""
    found = [_rows(item) for item in metadata.fields]
    return max(found, key=len, default=())


def _rows(field: Field) -> tuple[Row, ...]:
    items = field.value
    if not isinstance(items, list) or len(items) < _ITEMS:
        return ()
    rows = []
    for item in items:
        keys = {fold(str(key)): value for key, value in item.items()} \
            if isinstance(item, dict) else {}
        title = _text(_first(keys, _TITLE))
        speakers = _speakers(_first(keys, _SPEAKERS))
        hours = _hours(_first(keys, _TIME), _first(keys, _END))
        if not title or not (speakers or hours[0]):
            return ()
        talk = Talk(title, speakers)
        rows.append(Row(
            line=field.line, day=_day(_first(keys, _DAY)), start=hours[0], end=hours[1],
            talk=talk, room=_text(_first(keys, _ROOM)) or None, kind=infer_kind(title),
            why={"session": f"an item of the header's list '{field.key}'"}))
    return tuple(rows)


def _first(keys: dict[str, object], names: tuple[str, ...]) -> object:
    return next((keys[name] for name in names if keys.get(name) not in (None, "", [])), None)


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _speakers(value: object) -> tuple[Speaker, ...]:
    """A name, names in one text ('A, B et C'), a mapping with a name, or a list of them."""
    values = value if isinstance(value, list) else [value] if value else []
    speakers: list[Speaker] = []
    for one in values:
        if isinstance(one, dict):
            keys = {fold(str(key)): found for key, found in one.items()}
            name = _text(_first(keys, _NAME))
            if name:
                speakers.append(Speaker(name))
        elif _text(one):
            speakers.extend(Speaker(name) for name in split_names(_text(one)))
    return tuple(speakers)


def _hours(start: object, end: object) -> tuple[time | None, time | None]:
    """'09:30', '9h30 - 10h15', a date-time, or YAML's 9:30 read as 570 minutes."""
    if not isinstance(start, str):
        return _time(start), _time(end)
    slot = next(iter(find_times(start)), None)
    return (slot.start, slot.end or _time(end)) if slot else (None, _time(end))


def _time(value: object) -> time | None:
    if isinstance(value, datetime):
        return value.time().replace(tzinfo=None)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    if isinstance(value, str):
        slots = find_times(value)
        if len(slots) == 1 and slots[0].end is None:
            return slots[0].start
    return None


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
