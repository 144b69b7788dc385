"""Published event pages: Markdown with a header in any dialect, in any layout, read as
they render, by a pipeline of named stages:

    metadata ─► render ─► dom ─► blocks ─► (outline, rows: today's reader) ─► sessions

`metadata` reads the header (YAML, TOML, Pelican, a pandoc block at the end), `render`
makes the HTML a browser is given, `dom` parses it as a browser does, `blocks` reads it
into blocks whose every line knows its file line. The title and days come from the
header, else from the first heading and the text; a broken header costs the header, not
the page. `read_page` returns every stage's value in a `Reading`, which `--explain`
prints.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.loaders.page.blocks import read_blocks
from bot.loaders.page.bridge import MarkdownBlock, markdown_blocks
from bot.loaders.page.dom import parse_html
from bot.loaders.page.metadata import Metadata, read_metadata
from bot.loaders.page.passages import passages
from bot.loaders.page.render import Rendered, render
from bot.loaders.page.rows import ProgrammeReader
from bot.loaders.page.sessions import sessions_of
from bot.loaders.page.values import Block
from bot.loaders.talks import inline_text
from bot.loaders.when import DateContext, find_days, find_year, unique
from bot.programme.model import (
    Event,
    InfoField,
    Link,
    Problem,
    Session,
    SourceRef,
    event_id,
)
from bot.wording.folding import fold

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_DEADLINE = re.compile(
    r"avant le|jusqu.(?:au|a)|au plus tard|date limite|deadline|inscri|candidat|clotur|"
    r"publie|publication|published|mis a jour|updated|before|until"
)
_TITLE_KEYS = ("title", "linkTitle", "subtitle", "chapeau-text", "description")


def looks_like_page(path: Path, text: str) -> bool:
    """A page starts with a YAML front matter block ('---'), or is a Markdown file."""
    return text.lstrip("\ufeff").startswith("---") or path.suffix.lower() in _MARKDOWN_SUFFIXES


@dataclass(frozen=True)
class Reading:
    """Every stage's value for one page, for `--explain`."""

    path: str
    metadata: Metadata
    rendered: Rendered
    parser: str
    blocks: tuple[Block, ...]
    reader: ProgrammeReader | None = None
    sessions: tuple[Session, ...] = ()


def read_page(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem], Reading]:
    """Read one event page, and what each stage made of it (for --explain)."""
    with _cycle_collection_paused():
        return _read_page(path, text, tz)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Reading a page allocates many small objects (tokens, blocks, candidates) and makes
    no reference cycle: `gc.collect()` after reading a 1 MB page with the collector off
    finds nothing to free. The cyclic collector's passes over those objects are then
    wasted work, about 8 % of the time and growing with the page, so it is paused for
    one page; reference counting frees everything as usual, and the collector's state
    is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_page(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem], Reading]:
    metadata = read_metadata(text)
    rendered = render(metadata.body)
    dom = parse_html(rendered.html)
    blocks = read_blocks(dom, metadata.body.split("\n"))
    reading = Reading(str(path), metadata, rendered, dom.parser, blocks)
    header = [Problem(SourceRef(str(path), line), message)
              for line, message in metadata.warnings]
    problems = list(header)
    broken = bool(header)
    meta = _fields(metadata)
    body = metadata.body
    written = markdown_blocks(blocks)
    title = str(meta.get("title") or "").strip() or _first_heading(written)
    if not title:
        if not broken:
            problems.append(
                Problem(
                    SourceRef(str(path), 2 if metadata.lines else 1),
                    "no title: expected 'title' in the front matter or a first heading",
                    "error",
                )
            )
        return [], _failed(header, problems), reading
    published = _as_date(meta.get("date"), tz)
    start, end = _declared_days(path, meta, tz, problems)
    titles = " ".join(str(meta.get(key) or "") for key in _TITLE_KEYS) + " " + title
    year = (
        start.year
        if start
        else find_year(titles) or (published.year if published else None) or find_year(body)
    )
    dates = DateContext(years=(year,) if year else ())
    reader = ProgrammeReader(path, dates)
    reader.read(written)
    reading = replace(reading, reader=reader)
    problems.extend(reader.problems)
    own_days = [row.day for row in reader.rows if row.day]
    if start is None:
        found = (
            _event_days(titles, dates) or reader.headed_days or own_days or _event_days(body, dates)
        )
        if found:
            start, end = min(found), max(found)
    if start is None:
        problems.append(
            Problem(
                SourceRef(str(path), 1),
                "no event date: expected 'event_start_date' in the front matter "
                "or a day such as 'le 4 décembre 2024' in the text",
                # A Markdown file without front matter (a README beside the pages) may
                # be no event at all: skipped with a warning, not an error.
                "error" if metadata.dialect != "none" else "warning",
            )
        )
        return [], _failed(header, problems), reading
    every = [start, end or start, *reader.headed_days, *own_days]
    start, end = min(every), max(every)
    identifier = event_id(title, start)
    sessions, found = sessions_of(reader.rows, str(path), identifier, start, end)
    problems.extend(found)
    end = max(end, *(s.day for s in sessions)) if sessions else end
    info = _info(meta)
    if reader.registration and not Event("", "", start, end, info=info).registration_url:
        link = reader.registration[0]
        info += (InfoField("Inscription", link.text, link.url),)
    description = str(meta.get("chapeau-text") or meta.get("description") or "").strip()
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
        passages=passages(blocks, {row.line for row in reader.rows}),
    ).with_sessions(sessions)
    return [event], problems, replace(reading, sessions=event.sessions)


def _fields(metadata: Metadata) -> dict[str, object]:
    """The metadata as a mapping; a key written with capitals ('Title:') answers in lower
    case too."""
    meta: dict[str, object] = {f.key: f.value for f in metadata.fields}
    for item in metadata.fields:
        meta.setdefault(item.key.lower(), item.value)
    return meta


def _failed(header: list[Problem], problems: list[Problem]) -> list[Problem]:
    """The problems of a page that gives no event: those of its header cost the page, so
    they are errors."""
    return [replace(p, severity="error") for p in header] + problems[len(header):]


def load_page(path: Path, text: str, tz: ZoneInfo) -> tuple[list[Event], list[Problem]]:
    """Read one event page; problems name the file and line, and the rest still loads."""
    events, problems, _ = read_page(path, text, tz)
    return events, problems


def _first_heading(blocks: list[MarkdownBlock]) -> str:
    for block in blocks:
        if block.kind == "heading":
            return inline_text(block.text)[0]
        if block.kind == "quote":
            found = _first_heading(block.children)
            if found:
                return found
    return ""


def _event_days(text: str, dates: DateContext) -> list[date]:
    """Days a text names, leaving out sentences about deadlines, registration or publication."""
    days: list[date] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if not _DEADLINE.search(fold(sentence)):
            days.extend(unique(find_days(sentence, dates)))
    return days


def _declared_days(
    path: Path, meta: dict, tz: ZoneInfo, problems: list[Problem]
) -> tuple[date | None, date | None]:
    """The front matter's event days; a corrupt one (year 0007) is reported and left out."""
    days = []
    for key in ("event_start_date", "event_end_date"):
        value = meta.get(key)
        day = _as_date(value, tz)
        if value and (day is None or not 1990 <= day.year <= 2100):
            problems.append(
                Problem(
                    SourceRef(str(path), 1),
                    f"front matter '{key}' is not a plausible date ({value}); "
                    "the days come from the text",
                )
            )
            day = None
        days.append(day)
    start, end = days
    if start is None:
        return None, None
    return start, end if end and end >= start else start


def _as_date(value: object, tz: ZoneInfo) -> date | None:
    if isinstance(value, datetime):
        try:
            return (value.astimezone(tz) if value.tzinfo else value).date()
        except (OverflowError, ValueError):
            return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return _as_date(datetime.fromisoformat(value.strip()), tz)
        except (ValueError, OverflowError):
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
