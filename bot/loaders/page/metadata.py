"""Metadata stage: every header dialect a page may carry, read into one value.

Dialects, tried in this order:

- YAML front matter between `---` lines at the top (Jekyll, Hugo, Eleventy, Quarto, GitBook);
  when it is not valid YAML (an unquoted ': ' in a title) its `key: value` lines are still
  read, one a line, and a warning says so;
- TOML front matter between `+++` lines (Hugo);
- a Pelican / MultiMarkdown header: `Key: value` lines at the very top, up to a blank line;
- a pandoc metadata block at the END of the file (`---` ... `...`).

The body keeps every line: the metadata's lines are blanked, not removed, so that the line
numbers of the rendered page are the file's own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<value>.*))?$")
_TOML_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?P<value>.*)$")
_PELICAN_KEYS = frozenset(
    {"title", "date", "modified", "author", "authors", "category", "tags", "slug", "lang",
     "summary", "status", "event", "location", "speaker"}
)
_DAY = re.compile(r"(?P<y>(?:19|20)\d\d)[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)")

TITLE_KEYS = ("title", "event_title", "linkTitle", "name")
EVENT_START_KEYS = ("event_start_date", "event_start", "start_date", "date_start", "startDate",
                    "event_date", "event")
EVENT_END_KEYS = ("event_end_date", "event_end", "end_date", "date_end", "endDate")
DATE_KEYS = ("date",)
"""Keys whose day is the event's or the publication's: the document stage decides which."""
PUBLISHED_KEYS = ("publishDate", "publishedDate", "published_date", "lastmod", "modified")


@dataclass(frozen=True)
class Field:
    """One metadata key, its value as read, and the file line it is on."""

    key: str
    value: object
    line: int


@dataclass(frozen=True)
class Metadata:
    """What a page's header says, in which dialect, and the body with its lines kept."""

    dialect: str
    fields: tuple[Field, ...] = ()
    body: str = ""
    warnings: tuple[tuple[int, str], ...] = ()
    lines: tuple[int, int] | None = None
    """First and last file line of the metadata block, if any."""

    def get(self, *keys: str) -> Field | None:
        """The first of `keys` present with a value (keys compared case-insensitively)."""
        wanted = [k.lower() for k in keys]
        by_key = {f.key.lower(): f for f in self.fields if f.value not in (None, "", [], {})}
        return next((by_key[k] for k in wanted if k in by_key), None)

    def text(self, *keys: str) -> str | None:
        found = self.get(*keys)
        return str(found.value).strip() if found and not isinstance(found.value, (dict, list)) \
            else None

    def day(self, *keys: str) -> tuple[date, Field] | None:
        """The first of `keys` that holds a day (a date, a datetime or an ISO-like text)."""
        for key in keys:
            found = self.get(key)
            day = as_day(found.value) if found else None
            if day:
                return day, found
        return None


def as_day(value: object) -> date | None:
    """A day from a YAML/TOML value: dates, datetimes, and texts such as '2016/10/15',
    '2022-03-08T9:00:00Z' or '2022-04-12 18:30:00 +0200' (a day that starts the text; the
    rest is left)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        found = _DAY.match(value.strip())
        if found:
            try:
                return date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                return None
    return None


def read_metadata(text: str) -> Metadata:
    """The metadata of a page, in whichever dialect it is written."""
    lines = text.lstrip("\ufeff").split("\n")
    first = lines[0].strip() if lines else ""
    if first == "---":
        return _fenced(lines, "---", ("---", "..."), "yaml")
    if first == "+++":
        return _fenced(lines, "+++", ("+++",), "toml")
    pelican = _pelican(lines)
    if pelican:
        return pelican
    ending = _pandoc_at_end(lines)
    if ending:
        return ending
    return Metadata("none", body="\n".join(lines))


def _fenced(lines: list[str], opener: str, closers: tuple[str, ...], dialect: str) -> Metadata:
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in closers), None)
    if close is None:
        return Metadata("none", body="\n".join(lines),
                        warnings=((1, f"'{opener}' at the top is never closed: read as text"),))
    block = lines[1:close]
    fields, warnings = (_yaml if dialect == "yaml" else _toml)(block)
    body = "\n".join([""] * (close + 1) + lines[close + 1:])
    return Metadata(dialect, fields, body, warnings, (1, close + 1))


def _yaml(block: list[str], first_line: int = 2) -> tuple[tuple[Field, ...], tuple]:
    key_lines = _top_level_lines(block, _KEY_LINE, first_line)
    try:
        data = yaml.load("\n".join(block), Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or str(error)
        fields = tuple(Field(k, v, n) for k, (v, n) in key_lines.items())
        return fields, ((line, f"front matter is not valid YAML ({reason}): "
                               "its 'key: value' lines were read one by one"),)
    if not isinstance(data, dict):
        return (), ((first_line, "front matter is not a mapping of keys"),)
    return tuple(Field(str(k), v, key_lines.get(str(k), (None, first_line))[1])
                 for k, v in data.items()), ()


def _toml(block: list[str], first_line: int = 2) -> tuple[tuple[Field, ...], tuple]:
    key_lines = _top_level_lines(block, _TOML_KEY_LINE, first_line)
    try:
        data = tomllib.loads("\n".join(block))
    except tomllib.TOMLDecodeError as error:
        fields = tuple(Field(k, v.strip('"\''), n) for k, (v, n) in key_lines.items())
        return fields, ((first_line, f"TOML front matter is not valid ({error}): "
                                     "its 'key = value' lines were read one by one"),)
    return tuple(Field(k, v, key_lines.get(k, (None, first_line))[1]) for k, v in data.items()), ()


def _top_level_lines(block: list[str], pattern: re.Pattern[str], first_line: int
                     ) -> dict[str, tuple[str, int]]:
    """Each top-level key's raw value and line (for lines, and for a broken block)."""
    found: dict[str, tuple[str, int]] = {}
    for index, line in enumerate(block):
        match = pattern.match(line)
        if match and not line[:1].isspace():
            found.setdefault(match["key"], ((match["value"] or "").strip(), first_line + index))
    return found


def _pelican(lines: list[str]) -> Metadata | None:
    """'Title: …' / 'Date: …' lines at the very top, up to the first blank line."""
    header: list[Field] = []
    for index, line in enumerate(lines):
        if not line.strip():
            break
        match = _KEY_LINE.match(line)
        if not match:
            return None
        header.append(Field(match["key"], (match["value"] or "").strip(), index + 1))
    if len(header) < 2 or not any(f.key.lower() in _PELICAN_KEYS for f in header[:3]):
        return None
    body = "\n".join([""] * len(header) + lines[len(header):])
    return Metadata("pelican", tuple(header), body, (), (1, len(header)))


def _pandoc_at_end(lines: list[str]) -> Metadata | None:
    """A YAML block closed by '...' (or '---') as the last thing in the file."""
    end = len(lines) - 1
    while end >= 0 and not lines[end].strip():
        end -= 1
    if end < 1 or lines[end].strip() not in ("...", "---"):
        return None
    start = next((i for i in range(end - 1, -1, -1) if lines[i].strip() == "---"), None)
    if start is None or (start > 0 and lines[start - 1].strip()):
        return None  # a '---' right under a line of text is a setext heading, not a block
    fields, warnings = _yaml(lines[start + 1:end], start + 2)
    if not fields or warnings:
        return None
    body = "\n".join(lines[:start] + [""] * (end - start + 1) + lines[end + 1:])
    return Metadata("pandoc-end", fields, body, (), (start + 1, end + 1))


@dataclass(frozen=True)
class Declared:
    """What the metadata declares about the event, each with the line it comes from."""

    title: tuple[str, int] | None = None
    start: tuple[date, int] | None = None
    end: tuple[date, int] | None = None
    dated: tuple[date, int] | None = None
    """The day of a plain `date:` key: the event's or the publication's, decided later."""
    published: tuple[date, int] | None = None
    other: dict[str, object] = field(default_factory=dict)


def declared(meta: Metadata) -> Declared:
    """The title and days a page's metadata declares, from the keys each dialect uses."""
    title = meta.get(*TITLE_KEYS)
    start, end = meta.day(*EVENT_START_KEYS), meta.day(*EVENT_END_KEYS)
    dated, published = meta.day(*DATE_KEYS), meta.day(*PUBLISHED_KEYS)
    return Declared(
        title=(str(title.value).strip(), title.line) if title and isinstance(title.value, str)
        else None,
        start=(start[0], start[1].line) if start else None,
        end=(end[0], end[1].line) if end else None,
        dated=(dated[0], dated[1].line) if dated else None,
        published=(published[0], published[1].line) if published else None,
    )
