"""Published event pages: Markdown with a header in any dialect, in any layout, read as
they render, by a pipeline of named stages:

    metadata ─► render ─► dom ─► blocks ─► frame ─► outline ─► rows ─► sessions

`metadata` reads the header (YAML, TOML, Pelican, a pandoc block at the end), `render`
makes the HTML a browser is given, `dom` parses it as a browser does, `blocks` reads it
into blocks whose every line knows its file line, `outline` nests them under the headings
and labels that govern them, `rows` walks that tree for candidate sessions (or, when it
finds none, takes a list of sessions the header holds for a template to render). The title and
days come from the header, else from the first heading and the text; a broken header
costs the header, not the page. `read_page` returns every stage's value in a `Reading`,
which `--explain` prints.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.loaders.page.blocks import read_blocks
from bot.loaders.page.bridge import markdown_blocks
from bot.loaders.page.candidates import Row, RowsRead
from bot.loaders.page.descriptions import described
from bot.loaders.page.dom import parse_html
from bot.loaders.page.frame import FROM_DATE_KEY, read_frame, written_year
from bot.loaders.page.header_sessions import header_rows
from bot.loaders.page.metadata import ADDRESS_KEYS, VENUE_KEYS, Metadata, read_metadata
from bot.loaders.page.outline import Section, read_outline
from bot.loaders.page.passages import passages
from bot.loaders.page.render import Rendered, render
from bot.loaders.page.rows import read_rows
from bot.loaders.page.sessions import sessions_of
from bot.loaders.page.site_marks import without_site_marks
from bot.loaders.page.values import Block, Decision, EventFrame, Note
from bot.loaders.talks.legend import read_legend
from bot.loaders.talks.markup import inline_text
from bot.programme.model import (
    Event,
    InfoField,
    Link,
    Problem,
    Session,
    SourceRef,
    event_id,
)

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}

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
    frame: EventFrame | None = None
    outline: Section | None = None
    decisions: tuple[Decision | Note, ...] = ()
    """Each candidate block taken as programme or left out, and why, in page order."""
    rows: tuple[Row, ...] = ()
    """The candidate sessions of the blocks taken."""
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
    metadata = replace(metadata, body=without_site_marks(metadata.body))
    rendered = render(metadata.body)
    dom = parse_html(rendered.html)
    blocks = read_blocks(dom, metadata.body.split("\n"))
    reading = Reading(str(path), metadata, rendered, dom.parser, blocks)
    header = [Problem(SourceRef(str(path), line), message)
              for line, message in metadata.warnings]
    problems = list(header)
    meta = _fields(metadata)
    written = markdown_blocks(blocks)
    frame = read_frame(path, metadata, blocks, tz, _saved(path))
    problems.extend(Problem(SourceRef(str(path), line), message)
                    for line, message in frame.warnings)
    outline = read_outline(written, frame)
    rows_read = read_rows(path, frame, outline)
    if not rows_read.rows:  # a template may render a list of the header instead
        rows_read = replace(rows_read, rows=header_rows(metadata))
    reading = replace(reading, frame=frame, outline=outline,
                      decisions=rows_read.decisions, rows=rows_read.rows)
    problems.extend(rows_read.problems)
    start, end = _event_days(frame, rows_read)
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
    title = frame.title
    identifier = event_id(title, start)
    sessions, found = sessions_of(rows_read.rows, str(path), identifier, start, end,
                                  read_legend(text), frame.clock24)
    sessions = described(sessions, blocks)
    problems.extend(found)
    end = max(end, *(s.day for s in sessions)) if sessions else end
    info = _info(meta) + _access(meta) + _header_links(meta)
    if rows_read.registration and not Event("", "", start, end, info=info).registration_url:
        link = rows_read.registration[0]
        info += (InfoField("Inscription", link.text, link.url),)
    description = str(meta.get("chapeau-text") or meta.get("description") or "").strip()
    event = Event(
        id=identifier,
        title=title,
        start=start,
        end=end,
        venue=_text(metadata.text(*VENUE_KEYS)),
        address=_text(metadata.text(*ADDRESS_KEYS)),
        description=inline_text(description)[0],
        info=info,
        links=tuple(Link(item.text, item.url) for item in info if item.url),
        source=str(path),
        passages=passages(blocks, {row.line for row in rows_read.rows}),
    ).with_sessions(sessions)
    return [event], problems, replace(reading, sessions=event.sessions)


def _saved(path: Path) -> date | None:
    """The day the file was last written (None when it cannot be read): the last hint of
    the year of a page that writes none."""
    if not isinstance(path, Path):
        return None  # a source name: a page fetched from a URL, no file
    try:
        return date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


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


def _event_days(frame: EventFrame, rows_read: RowsRead) -> tuple[date | None, date | None]:
    """The event's first and last day: the frame's, unless they come only from its text or a
    plain `date:` and the programme's headings or rows give days of their own; with a
    programme, the days of its headings and rows widen them."""
    own = [*rows_read.headed_days, *(row.day for row in rows_read.rows if row.day)]
    if year := written_year(frame):
        own = [day for day in own if day.year == year]
    days = list(frame.days)
    if frame.days_from.startswith(FROM_DATE_KEY) and not rows_read.rows:
        days = []  # a post's publication day, on a page that is no event
    if own and (not days or frame.days_from == "its text" or
                frame.days_from.startswith(FROM_DATE_KEY)):
        days = own
    every = [*days, *own] if days else []
    return (min(every), max(every)) if every else (None, None)




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


def _header_links(meta: dict) -> tuple[InfoField, ...]:
    """The links a header lists (`links:` as 'Label: URL' pairs, as Jekyll themes write
    them, or as a list of name and URL), as information lines."""
    links = meta.get("links") or meta.get("liens") or {}
    if isinstance(links, dict):
        pairs = list(links.items())
    elif isinstance(links, list):
        pairs = [(item.get("name") or item.get("title") or item.get("label") or "",
                  item.get("url") or item.get("href")) for item in links if isinstance(item, dict)]
    else:
        pairs = []
    return tuple(InfoField(str(label).strip() or url, url, url) for label, url in pairs
                 if isinstance(url, str) and url.startswith(("https://", "http://")))


def _access(meta: dict) -> tuple[InfoField, ...]:
    """The ways there a header lists (`acces:` — each a kind of transport and its lines,
    'Métro' : 'Lignes 1 et 11 – Hôtel de Ville'), as information lines."""
    ways = meta.get("acces") or meta.get("access") or []
    if isinstance(ways, str):
        return (InfoField("Accès", inline_text(ways)[0]),)
    found = []
    for way in ways if isinstance(ways, list) else ():
        if not isinstance(way, dict):
            continue
        lines = way.get("lignes") or way.get("lines") or []
        names = [str(item.get("nom") or item.get("name") or "").strip()
                 for item in (lines if isinstance(lines, list) else []) if isinstance(item, dict)]
        text = inline_text(", ".join(name for name in names if name))[0]
        if text:
            found.append(InfoField(str(way.get("type") or "Accès").strip(), text))
    return tuple(found)
