"""The values the page pipeline hands from stage to stage, all frozen.

A later stage reads them and makes values of its own; it never changes them. Everything
that comes from the page carries its 1-based file line, so `--explain` can say where.

    blocks stage   Span, Line, Cell, Row, Block      (the page as it renders)
    frame stage    EventFrame                         (the event's title, year and days)
    outline stage  Facts                              (what headings and labels say;
                                                       `Section` is in outline.py)
    rows stage     Given, Scored, Decision, Note      (where a table's value came from;
                                                       each block kept or left out, and why;
                                                       `Row` is in candidates.py)
    evidence       Evidence                           (a named reason, weighed in scoring.py)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from functools import cached_property, lru_cache

from bot.loaders.when import DateContext
from bot.programme.model import Link

_SPACES = re.compile(r"\s+")

# --- the page as it renders ----------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A run of text and what it is marked with: 'strong', 'em', 'code', 'del', 'u',
    'mark'; `href` when it is (inside) a link."""

    text: str
    marks: frozenset[str] = frozenset()
    href: str | None = None


@dataclass(frozen=True)
class Line:
    """One line of a block as the page shows it. `brk` says what ended the line before:
    'hard' (a `<br>`, two trailing spaces, a backslash, a block boundary), 'soft' (a
    newline of the source, which a browser shows as a space), '' for the first line."""

    number: int
    spans: tuple[Span, ...]
    brk: str = ""

    @cached_property
    def text(self) -> str:
        """The plain text, spaces collapsed."""
        return _SPACES.sub(" ", "".join(s.text for s in self.spans)).strip()

    @property
    def links(self) -> tuple[Link, ...]:
        """The links of the line, each once, with the text they show."""
        found: dict[tuple[str, str], None] = {}
        text: list[str] = []
        href: str | None = None
        for span in (*self.spans, Span("")):
            if span.href != href and href is not None:
                found.setdefault((" ".join("".join(text).split()), href))
                text = []
            href = span.href
            if href is not None:
                text.append(span.text)
        return tuple(Link(t, h) for t, h in found)

    def marked(self, mark: str) -> str:
        """The text of this line's spans marked `mark` ('strong', 'em'…), joined."""
        return _SPACES.sub(" ", "".join(s.text for s in self.spans if mark in s.marks)).strip()

    @cached_property
    def markdown(self) -> str:
        """The line written back as inline Markdown (`**bold**`, `*em*`, `[text](url)`),
        for grammars that read marks as Markdown."""
        return to_markdown(self.spans)


@dataclass(frozen=True)
class Cell:
    """A table cell. `spanned` is True in the grid slots a rowspan/colspan cell covers
    beyond its own (the same cell, repeated where a reader sees it apply)."""

    line: int
    lines: tuple[Line, ...]
    header: bool = False
    blocks: tuple[Block, ...] = ()
    rowspan: int = 1
    colspan: int = 1
    spanned: bool = False

    @property
    def text(self) -> str:
        return " ".join(t for t in (ln.text for ln in self.lines) if t)


@dataclass(frozen=True)
class Row:
    """A table row, its cells laid on the grid (spans expanded)."""

    line: int
    cells: tuple[Cell, ...]
    header: bool = False


BLOCK_KINDS = frozenset({"heading", "paragraph", "list", "item", "table", "quote", "code",
                         "rule", "terms", "term", "definition", "group"})


@dataclass(frozen=True)
class Block:
    """One block of the page. `kind` is one of `BLOCK_KINDS` (a 'group' is a `<div>`,
    `<section>`… holding several blocks). `origin`: 'markdown', 'html' (written as raw
    HTML), 'code-html' (HTML found in a code block, read as HTML) or 'markdown-in-html'
    (Markdown written inside an HTML block)."""

    kind: str
    line: int
    end_line: int
    lines: tuple[Line, ...] = ()
    children: tuple[Block, ...] = ()
    rows: tuple[Row, ...] = ()
    level: int = 0
    ordered: bool = False
    tag: str = ""
    classes: str = ""
    origin: str = "markdown"

    @property
    def text(self) -> str:
        return " ".join(t for t in (ln.text for ln in self.lines) if t)


# --- what headings and labels say ------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What a heading or a label says about what is under it."""

    words: str = ""
    day: date | None = None
    """Written, or named by its weekday or rank alone and placed by the frame."""
    start: time | None = None
    end: time | None = None
    room: str | None = None
    kind: str | None = None
    structured: bool = False
    """It gives a day, hours or a room: what is under it is laid out by day, hour or room."""
    only_time: bool = False
    """It holds only hours ('### 18h10'): the paragraph under it is its session."""

    def describe(self) -> str:
        """What it gives, in words, for --explain."""
        said = [f"day {self.day.isoformat()}" if self.day else "",
                f"hours {self.start:%H:%M}" + (f"-{self.end:%H:%M}" if self.end else "")
                if self.start else "",
                f"room {self.room!r}" if self.room else "",
                f"kind {self.kind}" if self.kind else ""]
        return ", ".join(s for s in said if s)


@dataclass(frozen=True)
class EventFrame:
    """The event's frame: its title, year and days, and where each comes from (`frame.py`)."""

    year: int | None = None
    year_from: str = ""
    days: tuple[date, ...] = ()
    days_from: str = ""
    published: date | None = None
    """The page's publication date (or the month its path gives): days written without a
    year are placed near it."""
    weekdays: Mapping[int, date] = field(default_factory=dict)
    """Weekday → the event's day with that weekday."""
    warnings: tuple[tuple[int, str], ...] = ()
    title: str = ""
    title_from: str = ""
    title_line: int = 0
    lang: str | None = None
    """The page's language ('fr', 'en', 'de', 'es', 'it', 'nl'), if known."""
    order: str | None = None
    """How the page writes numeric days: 'dmy' ('4/12' is 4 December) or 'mdy'."""
    clock24: bool = False
    """The page writes an afternoon time on a 24-hour clock ('14h', '13:30'): its times
    are never read 12 hours later."""

    @property
    def dates(self) -> DateContext:
        """What the date grammar needs to read a day written without its year."""
        return DateContext(years=(self.year,) if self.year else (), published=self.published,
                           lang=self.lang, order=self.order)

    def day_of(
        self, weekday: int | None = None, ordinal: int | None = None, after: date | None = None
    ) -> date | None:
        """The event's day for a weekday-only or an ordinal heading, if the frame knows it;
        a weekday is the first such day from `after` on (the day of the heading above: a
        second « Monday » of a two-week school is the second week's), else the first."""
        if weekday is not None:
            later = (d for d in self.days if after and d >= after and d.weekday() == weekday)
            return next(later, None) or self.weekdays.get(weekday)
        if ordinal is not None and 0 < ordinal <= len(self.days):
            return self.days[ordinal - 1]
        return None


# --- candidates ---------------------------------------------------------------------


@dataclass(frozen=True)
class Given:
    """A value and what gave it: 'its own text', 'a heading', "column 'Horaire'"…, with
    the line of that heading or column."""

    value: object
    by: str
    line: int = 0


@dataclass(frozen=True)
class Evidence:
    """A named reason for or against a block being a programme. `name` is a key of
    `scoring.WEIGHTS`; its weight is there and nowhere else."""

    name: str
    because: str
    line: int = 0


@dataclass(frozen=True)
class Scored:
    """One candidate session as its block was judged: its line, title and evidence."""

    line: int
    title: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Decision:
    """A candidate block taken as programme or left out, with the mean score of its
    candidates; `close`: left out, but under a heading that counts for it or with a score
    above zero (the page warns of the closest such block when it reads no programme)."""

    line: int
    where: str
    taken: bool
    score: float
    candidates: tuple[Scored, ...]
    close: bool = False


@dataclass(frozen=True)
class Note:
    """What the rows stage made of a block that is no candidate block (a table's columns,
    hours that group the items under them), for --explain."""

    line: int
    text: str


# --- Markdown written back -------------------------------------------------------------

_MARKUP = (("strong", "**"), ("em", "*"))


@lru_cache(maxsize=64)
def _signs(marks: frozenset[str]) -> tuple[str, ...]:
    """The Markdown signs of a span's marks, strong first (a page has few sets of marks)."""
    return tuple(sign for mark, sign in _MARKUP if mark in marks)


def to_markdown(spans: tuple[Span, ...]) -> str:
    """Spans as inline Markdown: strong as `**…**`, em as `*…*`, links as `[text](url)`
    inside the emphasis they stand in (`**Défi [Gobelins](url) :**`). Text is not
    escaped: the grammars read it as pages write it."""
    writer = _MarkdownWriter()
    for span in spans:
        writer.add(span)
    writer.close_marks()
    return " ".join("".join(writer.out).split())


class _MarkdownWriter:
    """Writes spans one after the other, opening and closing marks and links only where
    text that is not blank needs them (no empty `****`, spaces outside the marks)."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.marks: tuple[str, ...] = ()
        self.href: str | None = None

    def add(self, span: Span) -> None:
        text = span.text
        if not text.strip():
            self.out.append(text)
            return
        marks = _signs(span.marks)
        if marks != self.marks:
            self.close_marks()
            lead = text[: len(text) - len(text.lstrip())]
            self.out.append(lead + "".join(marks))
            text, self.marks = text.lstrip(), marks
        if span.href != self.href:
            self.close_link()
            if span.href is not None:
                self.out.append("[")
            self.href = span.href
        self.out.append(text)

    def close_link(self) -> None:
        if self.href is not None:
            self.out.append(f"]({self.href})")
            self.href = None

    def close_marks(self) -> None:
        self.close_link()
        if not self.marks:
            return
        tail = ""
        while self.out and not self.out[-1].strip():
            tail = self.out.pop() + tail
        if self.out:
            last = self.out[-1].rstrip()
            tail = self.out[-1][len(last):] + tail
            self.out[-1] = last
        self.out.append("".join(reversed(self.marks)) + tail)
        self.marks = ()
