"""Outline stage: the page's blocks as a tree of sections, a value `--explain` prints.

A section is a heading, or a paragraph that acts as one: a bold label alone on its line
(`**25/11/2020**`, `**Salle PLATEAU 1 : …**`, `**8h - 11h**`, which holds hours only and
so sits inside the label above it), or a one-line day over a list or a label (« Mercredi
24 novembre : de l'acquisition à … »). It holds what follows it down to the next section
of its rank or above; what its words say (day, hours, room, kind) is read once, here, as
its `Facts`. A quote holds an outline of its own. Nothing is decided here about sessions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.loaders.page.bridge import MarkdownBlock
from bot.loaders.page.context import HOURS_LEVEL, LABEL_LEVEL
from bot.loaders.page.frame import heading_day
from bot.loaders.page.row_grammar import read_line, when_text
from bot.loaders.page.values import EventFrame, Facts
from bot.loaders.talks.kinds import kind_hint
from bot.loaders.talks.markup import inline_text
from bot.loaders.when import find_days, find_range, parse_hour, unique

HEADING, LABEL, HOURS_LABEL, DAY_LABEL, QUOTE, PAGE = (
    "heading", "label", "hours label", "day label", "quote", "page")

BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*_]+?)(?:\*\*|__)\s*:?\s*$")
IGNORED = re.compile(r"^\s*(?:\{:|\{%|\{\{)")
"""Template and attribute lines ('{: .class}', '{% include %}'): not text."""
_ROOM_TITLE = re.compile(
    r"^(?:salle|room|amphi(?:th[ée][aâ]tre)?|auditorium)\s+(?P<room>[^:«\-–]+?)\s*"
    r"(?:[:\-–]\s*(?P<theme>.*))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Section:
    """A heading or a label and what is under it; `parts` are its blocks and its
    subsections in page order (a quote is a subsection of kind 'quote' with no words)."""

    kind: str
    level: int
    line: int
    markdown: str = ""
    """The heading's or label's words, as inline Markdown."""
    facts: Facts = field(default_factory=Facts)
    parts: tuple[MarkdownBlock | Section, ...] = ()

    @property
    def opens(self) -> bool:
        """It sets what the blocks under it share (a page or a quote only holds them)."""
        return self.kind not in (PAGE, QUOTE)


def read_outline(blocks: Sequence[MarkdownBlock], frame: EventFrame,
                 kind: str = PAGE, line: int = 0) -> Section:
    """The blocks as a tree of sections, under one section of `kind`."""
    stack: list[tuple[Section, list]] = [(Section(kind, 0, line), [])]
    day = None  # the day of the last section that gives one: a weekday alone follows it
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        opened = _section_of(block, following, frame, day)
        if opened is None or opened.kind == QUOTE:
            stack[-1][1].append(opened or block)
            continue
        day = opened.facts.day or day
        while len(stack) > 1 and stack[-1][0].level >= opened.level:
            _close(stack)
        stack.append((opened, []))
    while len(stack) > 1:
        _close(stack)
    head, parts = stack[0]
    return Section(head.kind, head.level, head.line, parts=tuple(parts))


def _close(stack: list[tuple[Section, list]]) -> None:
    head, parts = stack.pop()
    stack[-1][1].append(Section(head.kind, head.level, head.line, head.markdown, head.facts,
                                tuple(parts)))


def _section_of(block: MarkdownBlock, following: MarkdownBlock | None,
                frame: EventFrame, after: date | None = None) -> Section | None:
    """The section `block` opens, if it is a heading or a paragraph that acts as one; a
    weekday alone is the event's first such day from `after` on."""
    if block.kind == "heading":
        return _section(HEADING, block.level, block.line, block.text, frame, after)
    if block.kind == "quote":
        return read_outline(block.children, frame, QUOTE, block.line)
    if block.kind != "paragraph":
        return None
    lines = block.lines()
    if len(lines) != 1 or IGNORED.match(lines[0]):
        return None
    label = BOLD_LABEL.match(lines[0])
    over_items = _opens_items(following)
    if not label and not over_items:
        return None
    reading = read_line(lines, frame.dates)
    if label and not (reading.talk.title and (reading.start or reading.days)):
        hours_only = reading.start and not reading.talk.title
        return _section(HOURS_LABEL if hours_only else LABEL,
                        HOURS_LEVEL if hours_only else LABEL_LEVEL, block.line,
                        label.group("text"), frame, after)
    if over_items and reading.days and reading.start is None and any(
            why.startswith("starts with its day") for why in reading.why):
        # 'Mercredi 24 novembre : de l'acquisition à …' over lists: a day label
        return _section(DAY_LABEL, LABEL_LEVEL, block.line, inline_text(lines[0])[0], frame,
                        after)
    when = when_text(lines[0].rstrip(" :*_"), frame.dates) if over_items else None
    if when and 0 < len(when[0]) <= 2:
        # 'Vendredi 11 mars 2011 de 10h à 17h :' over the items of that day and hours
        return _section(DAY_LABEL, LABEL_LEVEL, block.line, inline_text(lines[0])[0], frame,
                        after)
    return None


def _section(kind: str, level: int, line: int, markdown: str, frame: EventFrame,
             after: date | None = None) -> Section:
    return Section(kind, level, line, markdown,
                   heading_facts(inline_text(markdown)[0], frame, after))


def _opens_items(block: MarkdownBlock | None) -> bool:
    """What follows is a list, or a label over one ('Matin :')."""
    if block is None:
        return False
    lines = block.lines() if block.kind == "paragraph" else []
    return block.kind == "list" or (len(lines) == 1 and lines[0].rstrip("*_ ").endswith(":"))


def heading_facts(text: str, frame: EventFrame, after: date | None = None) -> Facts:
    """What a heading's or label's text gives the lines under it: hours, a room, a day
    (written, or its weekday or rank alone: « Monday », « Jour 2 », from the day `after`
    on), a kind. An hour alone ('#### 14h', most headings of a long programme) says it
    all: the days and ranges are only looked for in other texts."""
    hour = parse_hour(text)
    if hour:
        return Facts(text, start=hour, structured=True, only_time=True)
    span = find_range(text)
    room = _ROOM_TITLE.match(text)
    days = unique(find_days(text, frame.dates))
    named = None if days else heading_day(text, frame, after)
    days = [named] if named else days
    if span and span.span[0] == 0 and not days:
        return Facts(text, start=span.start, end=span.end, structured=True,
                     only_time=not text[span.span[1]:].strip(" :-–—"), kind=kind_hint(text))
    if room:
        return Facts(text, room=room.group("room").strip(), structured=True,
                     kind=kind_hint(room.group("theme") or ""))
    if days and len(days) <= 2:
        # "4/12 de 10h à 12h30 : démos": the hours of what it lists untimed
        return Facts(text, day=days[0], start=span.start if span else None,
                     end=span.end if span else None, structured=True, kind=kind_hint(text))
    return Facts(text, kind=kind_hint(text))


def describe(section: Section, depth: int = 0) -> list[str]:
    """The outline for --explain: one line a section with what its words give, and the
    lines of the blocks it holds."""
    out: list[str] = []
    if section.kind != PAGE:
        said = section.facts.describe()
        words = f": {inline_text(section.markdown)[0]}" if section.markdown else ""
        what = section.kind + (f" {section.level}" if section.kind == HEADING else "")
        out.append(f"{'  ' * depth}line {section.line}: {what}{words}"
                   + (f" ({said})" if said else ""))
        depth += 1
    run: list[MarkdownBlock] = []
    for part in (*section.parts, None):
        if isinstance(part, MarkdownBlock):
            run.append(part)
            continue
        if run:
            lines = f"line {run[0].line}" + (f"-{run[-1].line}" if len(run) > 1 else "")
            out.append(f"{'  ' * depth}{lines}: {_count(run)}")
            run = []
        if part is not None:
            out.extend(describe(part, depth))
    return out


def _count(blocks: list[MarkdownBlock]) -> str:
    kinds = [b.kind for b in blocks]
    return ", ".join(f"{kinds.count(k)} {k}" + ("s" if kinds.count(k) > 1 else "")
                     for k in dict.fromkeys(kinds))
