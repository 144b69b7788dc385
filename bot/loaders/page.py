"""Published event pages: Markdown with YAML front matter, in the layouts the sites use.

The body is read line by line with a stack of headings: a heading (or a line in bold on
its own) may give a day ('6 décembre de 14h à 18h', '4/12 de 10h à 12h30'), an hour
('14h'), a room ('Salle PLATEAU 1 : ...'), start the programme ('Programme') or end it (any
other title). Bullets and table rows inside the programme become sessions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.loaders.french_dates import HOUR, find_days, find_range, find_year, parse_hour
from bot.loaders.frontmatter import split_front_matter
from bot.loaders.talks import (
    Talk,
    infer_kind,
    inline_text,
    kind_hint,
    parse_credit,
    parse_talk_line,
)
from bot.model import (
    Event,
    InfoField,
    Link,
    Problem,
    Session,
    SourceRef,
    event_id,
    fold,
    session_id,
)

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*\*\*(?P<text>[^*]+?)\*\*\s*:?\s*$")
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[*+-]|\d+[.)])\s+(?P<text>.*\S)\s*$")
_RANGE_BULLET = re.compile(
    rf"^\**\s*(?P<start>{HOUR})\s*(?:-|–|—|à)\s*(?P<end>{HOUR})\s*\**\s*(?::|-|–)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_START_BULLET = re.compile(rf"^\**\s*(?P<start>{HOUR})\s*\**\s*(?::|-|–)?\s+(?P<rest>\S.*)$", re.I)
_ROOM_TITLE = re.compile(
    r"^(?:salle|room|amphi(?:th[ée][aâ]tre)?|auditorium)\s+(?P<room>[^:«\-–]+?)\s*(?:[:\-–]\s*(?P<theme>.*))?$",
    re.IGNORECASE,
)
_ROOM_IN_PROSE = re.compile(
    r"\bsalle\s+(?:\*\*(?P<bold>[^*]+)\*\*|(?P<plain>[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*)*))"
)
_PROGRAMME_TITLE = re.compile(r"programme|agenda|planning|conferences|talks|schedule|au menu")
_UNDER_CONSTRUCTION = re.compile(r"en cours de construction|a venir|coming soon|bientot")


@dataclass
class _Scope:
    """What a heading says about the lines under it."""

    level: int
    programme: bool | None = None
    day: date | None = None
    hour: time | None = None
    end: time | None = None
    room: str | None = None
    kind: str | None = None


@dataclass
class _Row:
    """One session found in the body, before ids are given."""

    line: int
    day: date | None
    start: time | None
    end: time | None
    talk: Talk
    room: str | None
    kind: str


@dataclass
class _Reader:
    path: Path
    first_line: int
    year: int | None
    scopes: list[_Scope] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    default_room: str | None = None
    headed_days: list[date] = field(default_factory=list)
    registration: list[Link] = field(default_factory=list)
    under_construction: bool = False
    range_bullet: tuple[int, time, time] | None = None  # indent, start, end of '**9h-10h** :'

    def get(self, attribute: str):
        for scope in reversed(self.scopes):
            value = getattr(scope, attribute)
            if value is not None:
                return value
        return None

    def span(self) -> tuple[time | None, time | None]:
        """The hours the innermost timed heading gives: its start, and its end if it has one
        (an end is never borrowed from an outer heading: "#### 14h" under "de 14h à 18h"
        does not last until 18h)."""
        for scope in reversed(self.scopes):
            if scope.hour is not None:
                return scope.hour, scope.end
        return None, None

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(SourceRef(str(self.path), line), message))

    # --- structure ----------------------------------------------------------------

    def heading(self, level: int, markdown: str) -> None:
        while self.scopes and self.scopes[-1].level >= level:
            self.scopes.pop()
        self.range_bullet = None
        text, _ = inline_text(markdown)
        folded = fold(text)
        scope = _Scope(level)
        hour = parse_hour(text.rstrip(" :"))
        span = find_range(text)
        room = _ROOM_TITLE.match(text)
        days = find_days(text, self.year)
        if hour:
            scope.hour, scope.programme = hour, True
        elif span and span[2].start() == 0 and not days:
            scope.hour, scope.end, scope.programme = span[0], span[1], True
        elif room:
            scope.room, scope.programme = room.group("room").strip(), True
            scope.kind = kind_hint(room.group("theme") or "")
        elif days:
            scope.day, scope.programme = days[0], True
            if span:  # "4/12 de 10h à 12h30 : démos": the hours of what it lists untimed
                scope.hour, scope.end = span[0], span[1]
            self.headed_days.append(days[0])
            scope.kind = kind_hint(text)
        elif _PROGRAMME_TITLE.search(folded):
            scope.programme = True
        else:
            scope.programme = False
        self.scopes.append(scope)

    def prose(self, line: str) -> None:
        if _UNDER_CONSTRUCTION.search(fold(line)):
            self.under_construction = True
        _, links = inline_text(line)
        self.registration.extend(
            link
            for link in links
            if re.search(r"inscri|badge|regist", fold(link.text))
            and not re.search(r"newsletter|gazette", link.url)
        )
        found = _ROOM_IN_PROSE.search(line)
        if found:
            room = (found.group("bold") or found.group("plain")).strip()
            if self.scopes and self.get("programme"):
                self.scopes[-1].room = self.scopes[-1].room or room
            elif self.default_room is None:
                self.default_room = room
            hint = kind_hint(line)
            if hint and self.scopes:
                self.scopes[-1].kind = self.scopes[-1].kind or hint

    # --- sessions -------------------------------------------------------------------

    def bullet(self, number: int, indent: int, markdown: str) -> None:
        if not self.get("programme"):
            return
        if self.range_bullet and indent <= self.range_bullet[0]:
            self.range_bullet = None
        span = _RANGE_BULLET.match(markdown)
        if span and parse_hour(span.group("start")) and parse_hour(span.group("end")):
            start, end = parse_hour(span.group("start")), parse_hour(span.group("end"))
            rest = span.group("rest").strip()
            if rest:
                self.add(number, start, end, parse_talk_line(rest))
            else:
                self.range_bullet = (indent, start, end)  # type: ignore[assignment]
            return
        single = _START_BULLET.match(markdown)
        if single and parse_hour(single.group("start")):
            self.add(
                number,
                parse_hour(single.group("start")),
                None,
                parse_talk_line(single.group("rest")),
            )
            return
        if self.range_bullet:
            self.add(number, self.range_bullet[1], self.range_bullet[2], parse_talk_line(markdown))
        else:
            self.add(number, *self.span(), parse_talk_line(markdown))

    def table(self, rows: list[tuple[int, list[str]]]) -> None:
        """A table (Markdown or HTML): a header row, then one session a row; each row comes
        with its line number."""
        if not self.get("programme") or len(rows) < 2:
            return
        number, first = rows[0]
        header = [fold(inline_text(cell)[0]) for cell in first]
        time_col = _column(header, r"horaire|heure|time|quand|when")
        title_col = _column(header, r"present|titre|title|sujet|session|talk|intervention|demo")
        credit_col = _column(header, r"intervenant|speaker|orat|qui|who|par\b|animat")
        if title_col is None:
            title_col = next((i for i in range(len(header)) if i != time_col), None)
        if title_col is None:
            self.warn(
                number,
                "table with no title column: expected a header such as 'Présentation' or 'Titre'",
            )
            return
        for line, cells in rows[1:]:
            if len(cells) <= title_col or not inline_text(cells[title_col])[0]:
                self.warn(line, f"table row with {len(cells)} cells and no title; skipped")
                continue
            start = end = None
            if time_col is not None and time_col < len(cells):
                raw = inline_text(cells[time_col])[0]
                span = find_range(raw)
                start, end = (span[0], span[1]) if span else (parse_hour(raw), None)
                if start is None and raw:
                    self.warn(line, f"cannot read the time {raw!r}: expected e.g. '14h-14h20'")
            title, links = inline_text(cells[title_col])
            speakers, organisations, credit_links = (
                parse_credit(cells[credit_col])
                if credit_col is not None and credit_col < len(cells)
                else ((), (), ())
            )
            talk = Talk(title, speakers, organisations, links + credit_links)
            self.add(line, *((start, end) if start else self.span()), talk)

    def add(self, line: int, start: time | None, end: time | None, talk: Talk) -> None:
        if not talk.title:
            self.warn(line, "programme line with no title; skipped")
            return
        kind = infer_kind(talk.title, self.get("kind"))
        room = self.get("room") or self.default_room
        self.rows.append(_Row(line, self.get("day"), start, end, talk, room, kind))


def _column(header: list[str], pattern: str) -> int | None:
    return next((i for i, cell in enumerate(header) if re.search(pattern, cell)), None)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


class _HtmlTable(HTMLParser):
    """Rows of an HTML <table>, each cell as Markdown-like text (links kept as [text](url))."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and self._cell is not None:
            self._href = dict(attrs).get("href")
            self._cell.append("[")
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "a" and self._cell is not None:
            self._cell.append(f"]({self._href or ''})")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def looks_like_page(path: Path, text: str) -> bool:
    """A page starts with a YAML front matter block ('---')."""
    return text.lstrip("\ufeff").startswith("---")


def load_page(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read one event page; problems name the file and line, and the rest still loads."""
    meta, body, body_line, problems = split_front_matter(path, text)
    if meta is None:
        return [], problems
    title = str(meta.get("title") or "").strip()
    if not title:
        problems.append(Problem(SourceRef(str(path), 2), "front matter has no 'title'", "error"))
        return [], problems
    start, end = _declared_days(meta, tz)
    description = str(meta.get("chapeau-text") or meta.get("description") or "").strip()
    published = _as_date(meta.get("date"), tz)
    year = (
        start.year
        if start
        else find_year(f"{title} {description}") or (published.year if published else None)
    )
    if start is None:
        found = find_days(description, year) or find_days(body, year)
        if found:
            start, end = min(found), max(found)
    reader = _Reader(path, body_line, year)
    _read_body(reader, body)
    problems.extend(reader.problems)
    if start is None and reader.headed_days:
        start, end = min(reader.headed_days), max(reader.headed_days)
    if start is None:
        problems.append(
            Problem(
                SourceRef(str(path), 1),
                "no event date: expected 'event_start_date' in the front matter "
                "or a day such as 'le 4 décembre 2024' in the text",
                "error",
            )
        )
        return [], problems
    end = max(end or start, *reader.headed_days) if reader.headed_days else (end or start)
    identifier = event_id(title, start)
    sessions = _sessions(reader, identifier, start, end, problems)
    info = _info(meta)
    if reader.registration and not Event("", "", start, end, info=info).registration_url:
        link = reader.registration[0]
        info += (InfoField("Inscription", link.text, link.url),)
    event = Event(
        id=identifier,
        title=title,
        start=start,
        end=end,
        venue=_text(meta.get("lieu") or meta.get("venue")),
        address=_text(meta.get("adresse") or meta.get("address")),
        description=inline_text(description)[0],
        info=info,
        links=tuple(Link(item.text, item.url) for item in info if item.url),
        source=str(path),
    ).with_sessions(sessions)
    return [event], problems


def _read_body(reader: _Reader, body: str) -> None:
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        number = reader.first_line + index
        line = lines[index]
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading:
            reader.heading(len(heading.group("hashes")), heading.group("text"))
        elif stripped.startswith("|"):
            rows = []
            while index < len(lines) and lines[index].strip().startswith("|"):
                if not re.fullmatch(r"[\s|:\-]+", lines[index]):
                    rows.append((reader.first_line + index, _cells(lines[index])))
                index += 1
            reader.table(rows)
            continue
        elif re.match(r"<table\b", stripped, re.IGNORECASE):
            block = []
            while index < len(lines):
                block.append(lines[index])
                index += 1
                if re.search(r"</table>", block[-1], re.IGNORECASE):
                    break
            parser = _HtmlTable()
            parser.feed("\n".join(block))
            reader.table([(number, row) for row in parser.rows if row])
            continue
        elif stripped.startswith("<"):
            for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", stripped, re.I):
                reader.heading(int(level), text)
        elif _BOLD_LINE.match(stripped):
            reader.heading(7, _BOLD_LINE.match(stripped).group("text"))
        elif _BULLET.match(line):
            bullet = _BULLET.match(line)
            reader.bullet(number, len(bullet.group("indent").expandtabs(4)), bullet.group("text"))
        elif stripped:
            reader.prose(stripped)
        index += 1


def _sessions(
    reader: _Reader, identifier: str, start: date, end: date, problems: list[Problem]
) -> tuple[Session, ...]:
    seen: dict[str, int] = {}
    sessions = []
    for row in reader.rows:
        day = row.day
        if day is None:
            day = start
            if end != start:
                problems.append(
                    Problem(
                        SourceRef(str(reader.path), row.line),
                        f"no day given for {row.talk.title!r} in a "
                        f"{(end - start).days + 1}-day event; assumed the first",
                    )
                )
        key = fold(" ".join(row.talk.title.split()))
        seen[key] = seen.get(key, 0) + 1
        sessions.append(
            Session(
                id=session_id(identifier, row.talk.title, seen[key]),
                event_id=identifier,
                day=day,
                start=row.start,
                end=row.end,
                title=row.talk.title,
                speakers=row.talk.speakers,
                room=row.room,
                kind=row.kind,
                links=tuple(dict.fromkeys(row.talk.links)),
                source=SourceRef(str(reader.path), row.line),
                organisations=row.talk.organisations,
            )
        )
    return tuple(sessions)


def _declared_days(meta: dict, tz: ZoneInfo) -> tuple[date | None, date | None]:
    start = _as_date(meta.get("event_start_date"), tz)
    end = _as_date(meta.get("event_end_date"), tz)
    return start, end or start


def _as_date(value: object, tz: ZoneInfo) -> date | None:
    if isinstance(value, datetime):
        return (value.astimezone(tz) if value.tzinfo else value).date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return _as_date(datetime.fromisoformat(value.strip()), tz)
        except ValueError:
            return None
    return None


def _text(value: object) -> str | None:
    return inline_text(str(value))[0] or None if value else None


def _info(meta: dict) -> tuple[InfoField, ...]:
    fields = meta.get("champs_informations") or meta.get("infos") or []
    if not isinstance(fields, list):
        return ()
    return tuple(
        InfoField(
            str(item.get("intitule") or item.get("label") or "").strip(),
            inline_text(str(item.get("contenu") or item.get("text") or ""))[0],
            item.get("lien") or item.get("url") or None,
        )
        for item in fields
        if isinstance(item, dict)
    )
