"""Metadata stage: every header dialect a page may carry, read into one value.

Dialects, tried in this order:

- YAML front matter between `---` lines at the top (Jekyll, Hugo, Eleventy, Quarto, GitBook);
- TOML front matter between `+++` lines (Hugo);
- a Pelican / MultiMarkdown header: `Key: value` lines at the very top, up to a blank line;
- a pandoc metadata block at the END of the file (`---` … `...`).

A header that is not valid as a whole (an unquoted ': ' in a title, a bad escape) is read
again entry by entry, so that one bad line costs that line; YAML aliases that would expand
it enormously are refused (`safe_yaml`), and a value that is no date (`date: 2024-02-30`)
is reported with its line. The body keeps every line: the header's lines are blanked, not
removed, so that the line numbers of the rendered page are the file's own.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

import yaml

from bot.loaders.safe_yaml import FastYamlLoader, NotADate, YamlLoader, YamlRefused, load_yaml
from bot.loaders.when import DateContext, find_days

_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<value>.*))?$")
_TOML_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)\s*=\s*(?P<value>.*)$")
_PELICAN_KEYS = frozenset(
    {"title", "date", "modified", "author", "authors", "category", "tags", "slug", "lang",
     "summary", "status", "event", "location", "speaker"}
)
_KEY = re.compile(r"[A-Za-z_][\w-]*")
_PANDOC_KEYS = frozenset({"title", "subtitle", "date", "author", "lang", "abstract",
                          "description", "keywords", "location"})
"""A pandoc block at the end of a file names at least one of these."""
_DAY = re.compile(r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)")
_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")
_QUOTED = re.compile(r"""^(["'])(?P<text>.*)\1$""")

TITLE_KEYS = ("title", "event_title", "linkTitle", "name")
EVENT_START_KEYS = ("event_start_date", "event_start", "start_date", "date_start", "startDate",
                    "event_date", "event", "start")
EVENT_END_KEYS = ("event_end_date", "event_end", "end_date", "date_end", "endDate", "end")
DATE_KEYS = ("date",)
"""Keys whose day is the event's or the publication's: the frame decides which."""
PUBLISHED_KEYS = ("publishDate", "publishedDate", "published_date", "published", "lastmod",
                  "modified")
LANGUAGE_KEYS = ("lang", "language", "locale")
VENUE_KEYS = ("lieu", "venue", "location", "place", "where", "ort", "lugar", "luogo", "locatie")
"""Keys that name where the event takes place, in the languages pages are written in."""
ADDRESS_KEYS = ("adresse", "address", "street_address", "anschrift", "direccion", "indirizzo",
                "adres")


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
        by_key: dict[str, Field] = {}
        for item in self.fields:
            if item.value not in (None, "", [], {}):
                by_key.setdefault(item.key.lower(), item)
        return next((by_key[k] for k in wanted if k in by_key), None)

    def text(self, *keys: str) -> str | None:
        """The first of `keys` that holds a text (a number is read as its text)."""
        for key in keys:
            found = self.get(key)
            if found and isinstance(found.value, (str, int, float)):
                text = str(found.value).strip()
                if text:
                    return text
        return None

    def day(self, *keys: str, tz: tzinfo | None = None) -> tuple[date, Field] | None:
        """The first of `keys` that holds a day (a date, a datetime — its day in `tz` —, or
        a text that starts with one or writes one with its year)."""
        for key in keys:
            found = self.get(key)
            day = as_day(found.value, tz) if found else None
            if day:
                return day, found  # type: ignore[return-value]
        return None


def as_day(value: object, tz: tzinfo | None = None) -> date | None:
    """A day from a header value: dates, datetimes (their day in `tz` when they give their
    offset), texts that start with a day such as '2016/10/15', '2022-03-08T9:00:00Z' or
    '2022-04-12 18:30:00 +0200', and texts that write a day with its year in words
    ('Samedi le 3 mars 2018 de 12h30 à 17h')."""
    if isinstance(value, datetime) and value.tzinfo and tz:
        with contextlib.suppress(OverflowError, ValueError):  # a day at the end of time
            value = value.astimezone(tz)
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        return day if _plausible(day) else None
    if not isinstance(value, str) or isinstance(value, NotADate):
        return None
    found = _DAY.match(value.strip())
    if found:
        try:
            return date(int(found["y"]), int(found["m"]), int(found["d"]))
        except ValueError:
            return None
    written = find_days(value[:200], DateContext())
    return written[0].day if written else None


def _plausible(day: date) -> bool:
    """A day of an event this bot may announce: a corrupt '0007-12-04' is none."""
    return 1990 <= day.year <= 2100


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


Read = tuple[tuple[Field, ...], tuple[tuple[int, str], ...]]
"""The fields of a header block and the warnings about it."""


def _fenced(lines: list[str], opener: str, closers: tuple[str, ...], dialect: str) -> Metadata:
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in closers), None)
    if close is None:
        return Metadata("none", body="\n".join(lines),
                        warnings=((1, f"'{opener}' at the top is never closed: read as text"),))
    block = lines[1:close]
    fields, warnings = (_yaml if dialect == "yaml" else _toml)(block, 2)
    body = "\n".join([""] * (close + 1) + lines[close + 1:])
    return Metadata(dialect, fields, body, warnings, (1, close + 1))


def _yaml(block: list[str], first_line: int) -> Read:
    try:
        data, notes = load_yaml("\n".join(block), FastYamlLoader)
    except (yaml.YAMLError, YamlRefused) as error:
        return _yaml_entries(block, first_line, _why(error, first_line))
    if data is None:
        return (), ()
    if not isinstance(data, dict):
        return (), ((first_line, "front matter is not a mapping of keys"),)
    key_lines = _top_level_lines(block, _KEY_LINE, first_line)
    fields = tuple(Field(str(k), v, key_lines.get(str(k), first_line)) for k, v in data.items())
    warnings = [(first_line - 1 + line, f"front matter: {message}") for line, message in notes]
    return fields, (*warnings, *_not_dates(fields))


def _why(error: Exception, first_line: int) -> tuple[int, str]:
    """Where and why a header block is not read as a whole."""
    if isinstance(error, YamlRefused):
        return first_line - 1 + error.line, f"front matter refused: {error}"
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    return first_line + (mark.line if mark else 0), f"front matter is not valid YAML ({reason})"


def _yaml_entries(block: list[str], first_line: int, why: tuple[int, str]) -> Read:
    """A block that is not valid YAML as a whole, read entry by entry (a top-level key and
    the lines indented under it): an entry that still fails is kept as its text."""
    fields: list[Field] = []
    bad: list[int] = []
    warnings: list[tuple[int, str]] = []
    for index, key, chunk in _entries(block):
        line = first_line + index
        try:
            data, notes = load_yaml("\n".join(chunk), YamlLoader)
        except (yaml.YAMLError, YamlRefused):
            data, notes = None, []
        if isinstance(data, dict) and key in data:
            fields.append(Field(key, data[key], line))
            warnings.extend((line - 1 + n, f"front matter: {message}") for n, message in notes)
        else:
            raw = (_KEY_LINE.match(chunk[0])["value"] or "").strip()  # type: ignore[index]
            quoted = _QUOTED.match(raw)
            fields.append(Field(key, quoted["text"] if quoted else raw, line))
            bad.append(line)
    where = ", ".join(str(n) for n in bad) or "none"
    summary = (why[0], f"{why[1]}: read entry by entry, as text on line(s) {where}")
    return tuple(fields), (summary, *warnings, *_not_dates(fields))


def _entries(block: list[str]) -> list[tuple[int, str, list[str]]]:
    """(index, key, lines) of each top-level entry: its key line and the lines under it."""
    entries: list[tuple[int, str, list[str]]] = []
    for index, line in enumerate(block):
        found = _KEY_LINE.match(line) if not line[:1].isspace() else None
        if found:
            entries.append((index, found["key"], [line]))
        elif entries and (line[:1].isspace() or line.startswith("-") or not line.strip()):
            entries[-1][2].append(line)
    return entries


def _not_dates(fields: tuple[Field, ...] | list[Field]) -> tuple[tuple[int, str], ...]:
    """A warning for each value written as a day or a time that is none ('2024-02-30'), or
    not a plausible one ('0007-12-04')."""
    warnings = []
    for item in fields:
        value = item.value
        if isinstance(value, NotADate):
            warnings.append((item.line, f"front matter '{item.key}: {value}' is not a date "
                                        f"({value.reason}): left out"))
        elif isinstance(value, date) and not _plausible(value):
            warnings.append((item.line, f"front matter '{item.key}: {value}' is not a "
                                        "plausible date: left out"))
    return tuple(warnings)


def _toml(block: list[str], first_line: int) -> Read:
    key_lines = _top_level_lines(block, _TOML_KEY_LINE, first_line)
    try:
        data = tomllib.loads("\n".join(block))
    except tomllib.TOMLDecodeError as error:
        return _toml_lines(block, first_line, key_lines, error)
    return tuple(Field(k, v, key_lines.get(k, first_line)) for k, v in data.items()), ()


def _toml_lines(block: list[str], first_line: int, key_lines: dict[str, int],
                error: tomllib.TOMLDecodeError) -> Read:
    """A TOML block that is not valid as a whole, read line by line: a line that still fails
    ('date = 2024-02-30') is kept as its text."""
    fields, bad = [], []
    for key, line in key_lines.items():
        raw = block[line - first_line]
        try:
            value = tomllib.loads(raw).get(key)
        except tomllib.TOMLDecodeError:
            value = _TOML_KEY_LINE.match(raw)["value"].strip().strip("\"'")  # type: ignore[index]
            bad.append(str(line))
        fields.append(Field(key, value, line))
    at = _TOML_LINE.search(str(error))
    line = first_line - 1 + int(at[1]) if at else first_line
    reason = _TOML_LINE.sub("", str(error)).strip()
    where = ", ".join(bad) or "none"
    return tuple(fields), ((line, f"TOML front matter is not valid ({reason}): read line by "
                                  f"line, as text on line(s) {where}"),)


def _top_level_lines(block: list[str], pattern: re.Pattern[str], first_line: int
                     ) -> dict[str, int]:
    """The file line of each top-level key of a block."""
    found: dict[str, int] = {}
    for index, line in enumerate(block):
        match = pattern.match(line)
        if match and not line[:1].isspace():
            found.setdefault(match["key"], first_line + index)
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
    try:
        data, _ = load_yaml("\n".join(lines[start + 1:end]), FastYamlLoader)
    except (yaml.YAMLError, YamlRefused):
        return None  # a rule, some text and a rule: not a metadata block
    if not isinstance(data, dict) or not _PANDOC_KEYS & {str(k).lower() for k in data} or not all(
        isinstance(k, str) and _KEY.fullmatch(k) for k in data
    ):
        return None  # 'Merci à tous : à bientôt' between two rules is text, not metadata
    fields, warnings = _yaml(lines[start + 1:end], start + 2)
    body = "\n".join(lines[:start] + [""] * (end - start + 1) + lines[end + 1:])
    return Metadata("pandoc-end", fields, body, warnings, (start + 1, end + 1))


@dataclass(frozen=True)
class Declared:
    """What the metadata declares about the event, each with the line it comes from."""

    title: tuple[str, int] | None = None
    start: tuple[date, int] | None = None
    end: tuple[date, int] | None = None
    dated: tuple[date, int] | None = None
    """The day of a plain `date:` key: the event's or the publication's, decided later."""
    published: tuple[date, int] | None = None
    lang: str | None = None
    """'fr', 'en'…: the first two letters of a `lang:` key."""


def declared(meta: Metadata, tz: tzinfo | None = None) -> Declared:
    """The title and days a page's metadata declares, from the keys each dialect uses;
    `tz`, the event's time zone, gives the day of a datetime written with its offset."""
    title = next((f for f in map(meta.get, TITLE_KEYS) if f and isinstance(f.value, str)), None)
    start, end = meta.day(*EVENT_START_KEYS, tz=tz), meta.day(*EVENT_END_KEYS, tz=tz)
    dated, published = meta.day(*DATE_KEYS, tz=tz), meta.day(*PUBLISHED_KEYS, tz=tz)
    lang = meta.text(*LANGUAGE_KEYS)
    return Declared(
        title=(str(title.value).strip(), title.line) if title and title.value.strip() else None,
        start=(start[0], start[1].line) if start else None,
        end=(end[0], end[1].line) if end else None,
        dated=(dated[0], dated[1].line) if dated else None,
        published=(published[0], published[1].line) if published else None,
        lang=lang[:2].lower() if lang else None,
    )
